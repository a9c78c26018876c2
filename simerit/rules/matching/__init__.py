"""Many vacancies at once: candidate-vacancy edges (eligible pairs with their merit), the optimal
placement (OR-Tools min-cost flow; scipy's linear_sum_assignment for a dense single-seat round)
and the greedy "best candidate first" placement it is compared with.

Basis: eligibility and merit as `simerit.rules.eligibility` / `simerit.rules.merit` (decisions 0060,
0061); the objective (seats first, then total merit), the greedy order and their tie-breaks:
decision, docs/decisions/0062-optimal-placement.md.
"""

from simerit.rules.matching.edges import VacancySpec, placement_edges
from simerit.rules.matching.solve import (
    OBJECTIVES,
    Placement,
    PlacementComparison,
    compare_placements,
    place_greedy,
    place_optimal,
)

__all__ = [
    "OBJECTIVES",
    "Placement",
    "PlacementComparison",
    "VacancySpec",
    "compare_placements",
    "place_greedy",
    "place_optimal",
    "placement_edges",
]

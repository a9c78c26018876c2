"""Reading the unit tree's materialised path (`UnitOrganisasi.path = "/12/34/"`)."""

from __future__ import annotations

from typing import Any

from simerit.core.models import Role


def path_ids(path: str) -> list[int]:
    """The unit ids from the OPD down to the unit itself."""
    return [int(x) for x in path.strip("/").split("/") if x]


def per_subunit(user: Any) -> bool:
    """An Operator OPD's aggregates group by the direct sub-units of their unit, not by OPD."""
    return not user.is_superuser and user.role == Role.OPERATOR and bool(user.unit_id)


def grouping_unit(path: str, user: Any) -> int | None:
    """The unit a row at `path` is counted under in `user`'s aggregates: its OPD for instansi-wide
    viewers, the direct sub-unit of the operator's unit (or that unit itself) for an operator."""
    ids = path_ids(path)
    if not ids:
        return None
    depth = len(path_ids(user.unit_path)) if per_subunit(user) else 0
    return ids[min(depth, len(ids) - 1)]

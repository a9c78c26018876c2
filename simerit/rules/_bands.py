"""Values by band: the label of the highest band whose lower bound a value reaches (batch helper,
no rule of its own; each caller cites the regulation its bands come from)."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl


def label_by_lower_bound(value: pl.Expr, bands: Sequence[tuple[float, str]], lowest: str) -> pl.Expr:
    """The label of the first band of `bands` (lower bound, label; highest bound first) whose
    lower bound `value` reaches, `lowest` when it reaches none, null where `value` is null: what
    a chain of `when(value >= lower)` gives, as a count of the bounds reached picking from a small
    table of labels (one text column instead of one per band)."""
    lowers = [float(lower) for lower, _ in bands]
    if any(a <= b for a, b in zip(lowers, lowers[1:], strict=False)):
        raise ValueError(f"bands must be given highest lower bound first, strictly: {lowers}")
    labels = pl.Series([lowest, *[label for _, label in reversed(bands)]], dtype=pl.Utf8)
    reached = pl.sum_horizontal([(value >= lower).cast(pl.UInt8) for lower in lowers]) if lowers else pl.lit(0)
    return pl.when(value.is_not_null()).then(pl.lit(labels).gather(reached))

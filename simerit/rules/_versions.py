"""Rules as versioned data: each version has an effective-date range and its basis.

A computation takes `as_of` and uses the version in force on that date, so a new regulation
becomes a new version, never an edit of an old one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

T = TypeVar("T")
Kind = Literal["regulation", "decision"]


@dataclass(frozen=True)
class RuleVersion(Generic[T]):
    """One version of a rule's parameters: in force from `valid_from` until `valid_to` (exclusive)."""

    name: str  # e.g. "ipasn"
    version: str  # e.g. "2019"
    valid_from: dt.date
    valid_to: dt.date | None
    basis: str  # citation, e.g. "Peraturan BKN 8/2019 Pasal 8"
    kind: Kind
    params: T

    def in_force(self, as_of: dt.date) -> bool:
        return self.valid_from <= as_of and (self.valid_to is None or as_of < self.valid_to)

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"


class NoVersionInForce(LookupError):
    """No version of a rule is in force on the requested date."""


def in_force(versions: Sequence[RuleVersion[T]], as_of: dt.date) -> RuleVersion[T]:
    """The version of a rule in force on `as_of` (versions must not overlap)."""
    matching = [v for v in versions if v.in_force(as_of)]
    if not matching:
        name = versions[0].name if versions else "?"
        raise NoVersionInForce(f"tidak ada versi aturan {name} yang berlaku pada {as_of.isoformat()}")
    if len(matching) > 1:
        raise ValueError(f"versi aturan tumpang tindih pada {as_of}: {[v.label for v in matching]}")
    return matching[0]

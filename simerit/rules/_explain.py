"""Value objects that carry a rule's result together with how it came out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Basis = Literal["regulation", "decision"]


@dataclass(frozen=True)
class Step:
    """One line of an explanation: what was looked at, what it gave, and on what basis."""

    text: str
    basis: Basis = "regulation"
    source: str = ""

    def render(self) -> str:
        tag = self.source if self.basis == "regulation" else f"decision: {self.source}".rstrip(": ")
        return f"{self.text} [{tag}]" if tag else self.text


@dataclass(frozen=True)
class Problem:
    """A reason a value is invalid: the field it concerns and a message in Bahasa Indonesia."""

    field: str
    message: str


@dataclass
class Explained:
    """A value plus the steps that produced it (and problems that stopped it)."""

    value: object = None
    steps: list[Step] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

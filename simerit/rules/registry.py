"""Which version of every rule is in force on a date: the `rules_version` of results and runs."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterator

from simerit.rules._versions import NoVersionInForce, RuleVersion, in_force

RULE_MODULES = (
    "nip", "skp", "ipasn", "competency", "talent", "retirement", "pangkat", "duk",
    "eligibility", "merit", "succession", "compass",
)  # fmt: skip


def _version_lists() -> Iterator[list[RuleVersion]]:
    for name in RULE_MODULES:
        module = importlib.import_module(f"simerit.rules.{name}")
        for value in vars(module).values():
            if isinstance(value, list | tuple) and value and all(isinstance(v, RuleVersion) for v in value):
                yield list(value)


def versions_in_force(as_of: dt.date) -> list[RuleVersion]:
    """Every rule version in force on `as_of`, sorted by rule name."""
    found = []
    for versions in _version_lists():
        try:
            found.append(in_force(versions, as_of))
        except NoVersionInForce:
            continue
    return sorted({v.label: v for v in found}.values(), key=lambda v: v.label)


def rules_version(as_of: dt.date) -> str:
    """A compact, stable identifier of the rule set used, e.g. "ipasn@2019;retirement@2017;..."."""
    return ";".join(v.label for v in versions_in_force(as_of))

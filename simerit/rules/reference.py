"""Versioned reference tables shipped as CSV files in `simerit/rules/data/`.

Each file's first line is a comment naming its legal basis and version.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")


@cache
def load_table(name: str) -> tuple[str, tuple[dict[str, str], ...]]:
    """Return (legal-basis comment, rows) of `data/<name>.csv`."""
    path = DATA_DIR / f"{name}.csv"
    with path.open(encoding="utf-8") as fh:
        header = fh.readline().lstrip("#").strip()
        rows = tuple(csv.DictReader(fh))
    return header, rows


def pangkat_codes() -> tuple[str, ...]:
    """The 17 golongan/ruang codes in order (PP 99/2000 jo. PP 12/2002)."""
    return tuple(r["kode"] for r in load_table("pangkat")[1])


def pendidikan_codes() -> tuple[str, ...]:
    """Education level codes from lowest to highest."""
    return tuple(r["kode"] for r in load_table("pendidikan")[1])

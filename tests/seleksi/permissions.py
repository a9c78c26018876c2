"""Rows of tests/test_permission_matrix.py for the seleksi screens (same format as its EXPECTED).

ROLES order: anonymous, admin, operator, pimpinan, pegawai, auditor. TARGETS maps a target name
used below to a function of the `world` fixture returning the pk to put in the URL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LOGIN = 302
EXPECTED: dict[str, dict[str, list[int]]] = {
    "seleksi:index": {"-": [LOGIN, 302, 302, 302, 302, 302]},
}
TARGETS: dict[str, Callable[[Any], int]] = {}

"""The `simerit` command.

`simerit evaluate` (rules only) and `simerit verify-ledger` (an export of the sealed decision
record) need no database and are dispatched before Django is set up; every
other sub-command is a Django management command (`simerit synth`, `simerit migrate`, ...).
"""

from __future__ import annotations

import os
import sys

# Sub-commands that must run without Django (and so without a database).
PURE_COMMANDS: dict[str, str] = {"evaluate": "simerit.evaluate", "verify-ledger": "simerit.ledger"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] in PURE_COMMANDS:
        module_name = PURE_COMMANDS[argv[1]]
        module = __import__(module_name, fromlist=["main"])
        return int(module.main(argv[2:]) or 0)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simerit.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
    return 0

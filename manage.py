#!/usr/bin/env python
"""Django's command-line utility for SIMERIT (same as the `simerit` command)."""

import sys

from simerit.cli import main

if __name__ == "__main__":
    sys.exit(main())

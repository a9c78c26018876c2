"""SIMERIT domain rules: pure functions over plain values and polars frames.

This package never imports Django (enforced by import-linter in CI). Every public rule cites its
legal basis in its docstring; where the sources leave a choice open the docstring says
"decision" and points at `docs/decisions/`.
"""

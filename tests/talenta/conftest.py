from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _fresh_frames_cache() -> Any:
    # The talent selectors cache an instansi's frames briefly; ids repeat between tests.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()

"""`manage.py synth`: parquet without a database, --if-empty, clear errors."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from simerit.pegawai.models import Pegawai
from simerit.referensi.loaders import load_reference
from simerit.referensi.models import Pangkat


def test_parquet_needs_no_database(tmp_path: Path) -> None:
    # No django_db mark: any database access would fail this test.
    out = StringIO()
    call_command("synth", "--parquet", str(tmp_path), "--size", "3000", "--chunk-size", "1000", stdout=out)
    assert (tmp_path / "pegawai.parquet").exists()
    assert "pegawai.parquet: 3000 baris" in out.getvalue()


@pytest.mark.django_db(transaction=False)
def test_load_then_if_empty_skips(settings: Any) -> None:
    if not Pangkat.objects.exists():
        load_reference(apps)
    out = StringIO()
    call_command("synth", "--size", "80", "--seed", "2", stdout=out)
    text = out.getvalue()
    assert Pegawai.objects.count() == 80
    assert "Akun demo" in text and "Peran" in text and "simerit-demo" in text and "operator" in text
    out = StringIO()
    call_command("synth", "--size", "80", "--if-empty", stdout=out)
    assert "dilewati" in out.getvalue() and Pegawai.objects.count() == 80
    with pytest.raises(CommandError, match="sudah ada"):
        call_command("synth", "--size", "80", stdout=StringIO())


def test_bad_arguments_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="minimal 50"):
        call_command("synth", "--size", "10", "--parquet", str(tmp_path))
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("synth", "--as-of", "30-06-2026", "--parquet", str(tmp_path))
    with pytest.raises(CommandError, match="masa depan"):
        call_command("synth", "--as-of", "2999-01-01", "--parquet", str(tmp_path))

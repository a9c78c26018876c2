"""The national-size parquet writer (no database)."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from simerit.rules.nip import validate_nip_column
from simerit.synth.generator import HISTORY_TABLES, write_parquet


def test_parquet_chunks_keep_ids_unique_and_nip_as_text(tmp_path: Path) -> None:
    counts = write_parquet(tmp_path, 20_000, seed=5, chunk_size=7_000)
    for name in ("pegawai", "instansi", "units", "jabatan", "standar", *HISTORY_TABLES):
        assert (tmp_path / f"{name}.parquet").exists(), name
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".parts")]
    pegawai = pl.read_parquet(tmp_path / "pegawai.parquet")
    assert pegawai.height == counts["pegawai"] == 20_000
    for name in ("pegawai", "units", "jabatan", *HISTORY_TABLES):
        frame = pl.read_parquet(tmp_path / f"{name}.parquet")
        assert frame.height == counts[name]
        assert frame["id"].n_unique() == frame.height, name
        if "pegawai_id" in frame.columns:
            assert frame["pegawai_id"].is_in(pegawai["id"].implode()).all(), name
    nip = pegawai["nip"]
    assert nip.dtype == pl.Utf8 and nip.str.len_chars().eq(18).all() and nip.n_unique() == pegawai.height
    assert nip.str.slice(0, 2).is_in(["19", "20"]).all()  # leading characters kept (text, not numbers)
    assert validate_nip_column(pegawai.filter(pl.col("status") != "PPPK")["nip"]).all()
    assert pegawai["nik"].n_unique() == pegawai.height
    instansi = pl.read_parquet(tmp_path / "instansi.parquet")
    assert instansi.height > 5 and instansi["jumlah_pegawai"].sum() == 20_000
    assert set(pegawai["instansi_kode"]) == set(instansi["kode"])
    # Several chunks were written: units of different instansi never share an id.
    units = pl.read_parquet(tmp_path / "units.parquet")
    assert units.group_by("id").agg(pl.col("instansi_kode").n_unique())["instansi_kode"].max() == 1
    nilai = pl.read_parquet(tmp_path / "nilai_asesmen.parquet")
    asesmen = pl.read_parquet(tmp_path / "riwayat_asesmen.parquet")
    assert nilai["asesmen_id"].is_in(asesmen["id"].implode()).all()


def test_parquet_is_deterministic(tmp_path: Path) -> None:
    write_parquet(tmp_path / "a", 3_000, seed=9, chunk_size=1_000)
    write_parquet(tmp_path / "b", 3_000, seed=9, chunk_size=1_000)
    for name in ("pegawai", "riwayat_pangkat", "riwayat_diklat"):
        assert pl.read_parquet(tmp_path / "a" / f"{name}.parquet").equals(pl.read_parquet(tmp_path / "b" / f"{name}.parquet"))

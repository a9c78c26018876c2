"""`simerit.careers.career_on`: the career on a past date, rebuilt from the histories (0041).
Each case is one employee whose values are worked out by hand from the rows below."""

from __future__ import annotations

import datetime as dt

import polars as pl

from simerit.careers import career_on

D = dt.date
ORDER = {"SMA": 5, "D3": 8, "S1": 10, "S2": 11}
PEGAWAI_SCHEMA = {"id": pl.Int64, "status": pl.Utf8, "tmt_cpns": pl.Date, "tmt_pns": pl.Date, "pangkat_kode": pl.Utf8,
                  "tmt_pangkat": pl.Date, "jabatan_id": pl.Int64, "tmt_jabatan": pl.Date, "unit_id": pl.Int64,
                  "pendidikan_kode": pl.Utf8, "aktif": pl.Boolean, "tanggal_berhenti": pl.Date}  # fmt: skip


def _pegawai(*rows: dict) -> pl.DataFrame:
    base = {"status": "PNS", "tmt_cpns": D(2010, 1, 1), "tmt_pns": D(2011, 1, 1), "pangkat_kode": "III/c",
            "tmt_pangkat": D(2018, 4, 1), "jabatan_id": 7, "tmt_jabatan": D(2019, 1, 2), "unit_id": 70,
            "pendidikan_kode": "S1", "aktif": True, "tanggal_berhenti": None}  # fmt: skip
    return pl.DataFrame([{**base, **r} for r in rows], schema=PEGAWAI_SCHEMA)


def _histories(pangkat=(), jabatan=(), pendidikan=()) -> dict[str, pl.DataFrame]:
    return {
        "riwayat_pangkat": pl.DataFrame(list(pangkat), schema={"pegawai_id": pl.Int64, "pangkat_kode": pl.Utf8,
                                                               "tmt": pl.Date}, orient="row"),
        "riwayat_jabatan": pl.DataFrame(list(jabatan), schema={"pegawai_id": pl.Int64, "jabatan_id": pl.Int64,
                                                               "unit_id": pl.Int64, "tmt": pl.Date}, orient="row"),
        "riwayat_pendidikan": pl.DataFrame(list(pendidikan), schema={"pegawai_id": pl.Int64, "tingkat_kode": pl.Utf8,
                                                                     "tahun_lulus": pl.Int16}, orient="row"),
    }  # fmt: skip


def _row(result, i: int) -> dict:
    return result.pegawai.filter(pl.col("id") == i).to_dicts()[0]


def test_a_date_after_every_tmt_changes_nothing():
    pegawai = _pegawai({"id": 1})
    hist = _histories(pangkat=[(1, "III/a", D(2010, 1, 1)), (1, "III/c", D(2018, 4, 1))],
                      pendidikan=[(1, "S1", 2008)])  # fmt: skip
    result = career_on(pegawai, hist, D(2025, 12, 31), ORDER)
    assert result.pegawai.equals(pegawai)
    assert result.rebuilt == {"pangkat": 0, "jabatan": 0, "pendidikan": 0, "status": 0}


def test_pangkat_jabatan_unit_of_the_date():
    # As of 2017-12-31: III/c (TMT 2018-04-01) was not held yet; the latest row on or before the
    # date is III/b from 2014-04-01. Position 7 began 2019-01-02; before it, position 5 in unit 50
    # from 2015-03-01 (the 2012 row is older).
    pegawai = _pegawai({"id": 1})
    hist = _histories(
        pangkat=[(1, "III/a", D(2010, 1, 1)), (1, "III/b", D(2014, 4, 1)), (1, "III/c", D(2018, 4, 1))],
        jabatan=[(1, 3, 30, D(2012, 6, 1)), (1, 5, 50, D(2015, 3, 1)), (1, 7, 70, D(2019, 1, 2))],
    )
    row = _row(career_on(pegawai, hist, D(2017, 12, 31), ORDER), 1)
    assert (row["pangkat_kode"], row["tmt_pangkat"]) == ("III/b", D(2014, 4, 1))
    assert (row["jabatan_id"], row["unit_id"], row["tmt_jabatan"]) == (5, 50, D(2015, 3, 1))
    # The TMT day itself counts: on 2018-04-01 the new pangkat is held.
    assert _row(career_on(pegawai, hist, D(2018, 4, 1), ORDER), 1)["pangkat_kode"] == "III/c"


def test_history_that_does_not_reach_back_keeps_today_and_is_counted():
    pegawai = _pegawai({"id": 1}, {"id": 2, "tmt_pangkat": D(2016, 4, 1)})
    hist = _histories(pangkat=[(1, "III/c", D(2018, 4, 1))])  # employee 1: no row before 2018
    result = career_on(pegawai, hist, D(2017, 6, 30), ORDER)
    assert _row(result, 1)["pangkat_kode"] == "III/c"
    assert result.kept_current["pangkat"] == 1 and result.rebuilt["pangkat"] == 0


def test_education_finished_by_the_year():
    # S2 finished 2020: in 2019 the highest level finished is S1 (2008); SMA 2004 is lower.
    pegawai = _pegawai({"id": 1, "pendidikan_kode": "S2"})
    hist = _histories(pendidikan=[(1, "SMA", 2004), (1, "S1", 2008), (1, "S2", 2020)])
    assert _row(career_on(pegawai, hist, D(2019, 12, 31), ORDER), 1)["pendidikan_kode"] == "S1"
    assert _row(career_on(pegawai, hist, D(2020, 1, 1), ORDER), 1)["pendidikan_kode"] == "S2"


def test_status_and_service_on_the_date():
    pegawai = _pegawai(
        {"id": 1},  # PNS from 2011-01-01
        {"id": 2, "tmt_cpns": D(2021, 3, 1), "tmt_pns": D(2022, 3, 1)},  # appointed after the date
        {"id": 3, "aktif": False, "tanggal_berhenti": D(2021, 2, 1)},  # retired after the date
        {"id": 4, "aktif": False, "tanggal_berhenti": D(2020, 5, 1)},  # retired before it
        {"id": 5, "status": "PPPK", "tmt_cpns": None, "tmt_pns": None},
    )
    result = career_on(pegawai, _histories(), D(2020, 12, 31), ORDER)
    assert result.pegawai["aktif"].to_list() == [True, False, True, False, True]
    # On 2010-06-30 employee 1 was still a CPNS (TMT PNS 2011-01-01).
    early = career_on(pegawai, _histories(), D(2010, 6, 30), ORDER)
    # Employees 1, 3 and 4 (both retired later) were CPNS then; 2 was not appointed yet, nor was
    # the PPPK 5 (position from 2019, no earlier position).
    assert _row(early, 1)["status"] == "CPNS" and early.rebuilt["status"] == 3
    assert early.pegawai["aktif"].to_list() == [True, False, True, True, False]


def test_pppk_service_starts_with_the_first_position():
    # PPPK have no TMT CPNS. Employee 1: position from 2022-01-03, no earlier history -> not in
    # service at the end of 2021. Employee 2: current position from 2023, an earlier PPPK position
    # from 2021-03-01 -> in service, with that position.
    pppk = {"status": "PPPK", "tmt_cpns": None, "tmt_pns": None, "pangkat_kode": None, "tmt_pangkat": None}
    pegawai = _pegawai({"id": 1, **pppk, "tmt_jabatan": D(2022, 1, 3)}, {"id": 2, **pppk, "tmt_jabatan": D(2023, 1, 2)})
    hist = _histories(jabatan=[(1, 7, 70, D(2022, 1, 3)), (2, 4, 40, D(2021, 3, 1)), (2, 7, 70, D(2023, 1, 2))])
    result = career_on(pegawai, hist, D(2021, 12, 31), ORDER)
    assert result.pegawai["aktif"].to_list() == [False, True]
    assert (_row(result, 2)["jabatan_id"], _row(result, 2)["unit_id"]) == (4, 40)
    assert result.kept_current["jabatan"] == 0

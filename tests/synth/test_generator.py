"""The synthetic regency: deterministic, valid for the models' rules, realistic in its shares."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import polars as pl
import pytest

from simerit.organisasi.choices import JENJANG_BY_JENIS
from simerit.pegawai.choices import TINGKAT_BY_JENIS
from simerit.rules.nip import parse_nip, validate_nip_column
from simerit.rules.reference import load_table
from simerit.synth.generator import HISTORY_TABLES, PANGKAT_CODES, SynthData, generate

AS_OF = date(2026, 6, 30)
RANK = {code: i + 1 for i, code in enumerate(PANGKAT_CODES)}
CEILING = {r["kode"]: RANK[r["golongan_maks"]] for r in load_table("pendidikan")[1]}
START = {r["kode"]: RANK[r["golongan_awal"]] for r in load_table("pendidikan")[1]}


@pytest.fixture(scope="module")
def data() -> SynthData:
    return generate(9000, seed=42, as_of=AS_OF)


@pytest.fixture(scope="module")
def pegawai(data: SynthData) -> pl.DataFrame:
    jab = data.jabatan.select(pl.col("id").alias("jabatan_id"), "jenis", "jenjang", "eselon", "bup")
    return data.pegawai.join(jab, on="jabatan_id", how="left")


def share(frame: pl.DataFrame, expr: pl.Expr) -> float:
    return frame.filter(expr).height / frame.height * 100


def test_same_seed_same_frames_and_different_seed_differs() -> None:
    first, again, other = generate(600, seed=7), generate(600, seed=7), generate(600, seed=8)
    assert first.equals(again)
    for name, frame in first.frames().items():
        assert frame.equals(again.frames()[name]), name
    assert not first.pegawai.equals(other.pegawai)
    assert first.pegawai["nip"].to_list() != other.pegawai["nip"].to_list()


def test_ids_are_one_based_and_foreign_keys_resolve(data: SynthData) -> None:
    for name, frame in data.frames().items():
        if "id" in frame.columns:
            assert frame["id"].to_list() == list(range(1, frame.height + 1)), name
    pegawai_ids = set(data.pegawai["id"])
    for name in HISTORY_TABLES:
        frame = data.frames()[name]
        if "pegawai_id" in frame.columns:
            assert set(frame["pegawai_id"]) <= pegawai_ids, name
    assert set(data.nilai_asesmen["asesmen_id"]) <= set(data.riwayat_asesmen["id"])
    jabatan_ids, unit_ids = set(data.jabatan["id"]), set(data.units["id"])
    assert set(data.pegawai["jabatan_id"]) <= jabatan_ids
    assert set(data.riwayat_jabatan["jabatan_id"]) <= jabatan_ids
    assert set(data.standar["jabatan_id"]) == jabatan_ids
    assert set(data.pegawai["unit_id"]) | set(data.jabatan["unit_id"]) <= unit_ids


def test_units_tree_and_size(data: SynthData) -> None:
    units = data.units
    opd = units.filter(pl.col("parent_id").is_null())
    assert 35 <= opd.height <= 45
    assert {"Sekretariat Daerah", "Dinas Kesehatan", "Dinas Pendidikan", "Inspektorat Daerah"} <= set(opd["nama"])
    expected = units.select(
        pl.when(pl.col("parent_id").is_null())
        .then(pl.format("/{}/", pl.col("id")))
        .otherwise(pl.format("/{}/{}/", pl.col("parent_id"), pl.col("id")))
    ).to_series()
    assert (units["path"] == expected).all()
    assert units.filter(pl.col("parent_id").is_null())["level"].eq(0).all()
    assert units.filter(pl.col("parent_id").is_not_null())["level"].eq(1).all()
    subunits = units.filter(pl.col("parent_id").is_not_null()).group_by("parent_id").len()["len"]
    assert subunits.min() >= 2 and subunits.max() <= 5
    assert units["kode"].n_unique() == units.height


def test_jabatan_are_consistent(data: SynthData, pegawai: pl.DataFrame) -> None:
    jab = data.jabatan
    for jenis, jenjang in jab.select("jenis", "jenjang").unique().iter_rows():
        assert jenjang in {str(j) for j in JENJANG_BY_JENIS[jenis]}, (jenis, jenjang)
    assert jab.filter((pl.col("jenis") != "struktural") & (pl.col("eselon") != "")).height == 0
    struktural = jab.filter(pl.col("jenis") == "struktural")
    assert struktural.filter(pl.col("nama") == "Sekretaris Daerah")["eselon"].to_list() == ["II.a"]
    expected = {"jpt_pratama": "PKN II", "administrator": "PKA", "pengawas": "PKP"}
    for jenjang, diklat in struktural.select("jenjang", "diklat_kepemimpinan").unique().iter_rows():
        assert expected[jenjang] == diklat
    assert struktural.filter(pl.col("jenjang") == "jpt_pratama")["kritis"].all()
    assert jab["kelas_jabatan"].is_between(1, 17).all()
    holders = pegawai.group_by("jabatan_id").len()
    merged = jab.join(holders, left_on="id", right_on="jabatan_id", how="left").with_columns(pl.col("len").fill_null(0))
    assert (merged["kebutuhan"] >= merged["len"]).all()
    assert merged.filter(pl.col("kebutuhan") > pl.col("len")).height > 0  # some vacancies
    on_struktural = merged.filter(pl.col("jenis") == "struktural")
    assert on_struktural["len"].max() == 1
    assert 0 < on_struktural.filter(pl.col("len") == 0).height < on_struktural.height * 0.1
    guru = jab.filter(pl.col("nama").str.starts_with("Guru "))
    assert guru["bup"].eq(60).all() and guru["diklat_fungsional"].eq("").all()
    assert jab.filter(pl.col("nama").str.starts_with("Analis Kebijakan"))["diklat_fungsional"].eq(
        "Diklat Fungsional Analis Kebijakan"
    ).all()
    assert set(data.standar["kompetensi_kode"]) == {r["kode"] for r in load_table("kompetensi")[1]}
    assert data.standar["level"].is_between(1, 5).all()


def test_shares_are_realistic(pegawai: pl.DataFrame) -> None:
    assert share(pegawai, pl.col("jenis") == "fungsional") == pytest.approx(63, abs=4)
    assert share(pegawai, pl.col("jenis") == "pelaksana") == pytest.approx(31, abs=4)
    assert share(pegawai, pl.col("jenis") == "struktural") == pytest.approx(6, abs=1.5)
    assert share(pegawai, pl.col("jenis_kelamin") == "P") == pytest.approx(56, abs=4)
    edu = pl.col("pendidikan_kode")
    assert share(pegawai, edu.is_in(["S1", "D4"])) == pytest.approx(62, abs=5)
    assert share(pegawai, edu.is_in(["SD", "SLTP", "SLTA"])) == pytest.approx(15, abs=4)
    assert share(pegawai, edu.is_in(["D1", "D2", "D3"])) == pytest.approx(12, abs=4)
    assert share(pegawai, edu == "S2") == pytest.approx(10, abs=3)
    assert 0 < share(pegawai, edu == "S3") <= 2
    assert 25 <= share(pegawai, pl.col("status") == "PPPK") <= 35
    assert 2 <= share(pegawai, pl.col("status") == "CPNS") <= 4.5
    pppk = pegawai.filter(pl.col("status") == "PPPK")
    assert pppk.filter(pl.col("jenis") == "struktural").height == 0
    assert pppk.filter(pl.col("tmt_jabatan") < date(2020, 1, 1)).height == 0  # recently appointed


def test_status_fields(pegawai: pl.DataFrame) -> None:
    pppk = pegawai.filter(pl.col("status") == "PPPK")
    assert pppk["tmt_cpns"].is_null().all() and pppk["tmt_pns"].is_null().all() and pppk["pangkat_kode"].is_null().all()
    cpns = pegawai.filter(pl.col("status") == "CPNS")
    assert cpns["tmt_pns"].is_null().all() and cpns["pangkat_kode"].is_not_null().all()
    assert (cpns["tmt_cpns"] > date(2025, 6, 30)).all()  # within the last 12 months
    pns = pegawai.filter(pl.col("status") == "PNS")
    months = (pns["tmt_pns"].dt.year() * 12 + pns["tmt_pns"].dt.month()) - (
        pns["tmt_cpns"].dt.year() * 12 + pns["tmt_cpns"].dt.month()
    )
    assert months.is_between(12, 24).all()
    assert pegawai["aktif"].all()
    assert set(pegawai["agama"]) <= {"islam", "kristen", "katolik", "hindu", "buddha", "konghucu"}


def test_nip_valid_unique_and_consistent(pegawai: pl.DataFrame) -> None:
    assert pegawai["nip"].dtype == pl.Utf8
    assert pegawai["nip"].n_unique() == pegawai.height
    asn = pegawai.filter(pl.col("status") != "PPPK")
    assert validate_nip_column(asn["nip"]).all()
    assert (asn["nip"].str.slice(0, 8) == asn["tanggal_lahir"].dt.to_string("%Y%m%d")).all()
    assert (asn["nip"].str.slice(8, 6) == asn["tmt_cpns"].dt.to_string("%Y%m")).all()
    sex = asn["nip"].str.slice(14, 1).replace_strict({"1": "L", "2": "P"})
    assert (sex == asn["jenis_kelamin"]).all()
    for row in asn.sample(200, seed=1).iter_rows(named=True):
        parts, problems = parse_nip(row["nip"])
        assert not problems and parts is not None
        assert (parts.birth_date, parts.sex) == (row["tanggal_lahir"], row["jenis_kelamin"])
    pppk = pegawai.filter(pl.col("status") == "PPPK")
    assert pppk["nip"].str.contains(r"^[0-9]{18}$").all()


def test_nik_follows_the_population_rule(pegawai: pl.DataFrame) -> None:
    nik = pegawai["nik"]
    assert nik.str.contains(r"^[0-9]{16}$").all() and nik.n_unique() == pegawai.height
    day = nik.str.slice(6, 2).cast(pl.Int32)
    expected = pegawai["tanggal_lahir"].dt.day().cast(pl.Int32) + (pegawai["jenis_kelamin"] == "P").cast(pl.Int32) * 40
    assert (day == expected).all()
    assert (nik.str.slice(8, 4) == pegawai["tanggal_lahir"].dt.to_string("%m%y")).all()


def test_names_and_gelar(pegawai: pl.DataFrame) -> None:
    assert pegawai["nama"].str.len_chars().min() >= 2
    assert pegawai["nama"].n_unique() > 3000
    dokter = pegawai.filter(pl.col("gelar_depan").str.starts_with("dr."))
    assert dokter.height > 0 and dokter["pendidikan_kode"].is_in(["S1", "S2"]).all()
    no_degree = pegawai.filter(pl.col("pendidikan_kode").is_in(["SD", "SLTP", "SLTA"]))
    assert (no_degree["gelar_belakang"] == "").all() and (no_degree["gelar_depan"] == "").all()
    assert pegawai.filter(pl.col("gelar_belakang").str.contains("S.Pd.")).height > 1000


def test_pangkat_chains_ascend_and_end_at_current(data: SynthData, pegawai: pl.DataFrame) -> None:
    chain = data.riwayat_pangkat.with_columns(r=pl.col("pangkat_kode").replace_strict(RANK)).sort("pegawai_id", "tmt")
    steps = chain.with_columns(
        dr=pl.col("r").diff().over("pegawai_id"),
        dt=pl.col("tmt").diff().over("pegawai_id").dt.total_days(),
    ).drop_nulls("dr")
    assert (steps["dr"] == 1).all()
    assert (steps["dt"] >= 4 * 365).all()
    assert set(steps["jenis_kp"]) == {"reguler"}
    ends = chain.group_by("pegawai_id").agg(
        pl.col("jenis_kp").first(), pl.col("tmt").first().alias("first_tmt"), pl.col("r").first().alias("first_r"),
        pl.col("pangkat_kode").last().alias("last_kode"), pl.col("tmt").last().alias("last_tmt"),
    )  # fmt: skip
    asn = pegawai.filter(pl.col("status") != "PPPK")
    check = asn.join(ends, left_on="id", right_on="pegawai_id")
    assert check.height == asn.height
    assert (check["jenis_kp"] == "pengangkatan").all() and (check["first_tmt"] == check["tmt_cpns"]).all()
    assert (check["pangkat_kode"] == check["last_kode"]).all()
    assert (check["tmt_pangkat"] == check["last_tmt"]).all()
    start = check["pendidikan_kode"].replace_strict(START)
    assert (check["first_r"] == start).all()  # first pangkat = starting golongan of the education
    assert set(data.riwayat_pangkat["pegawai_id"]).isdisjoint(set(pegawai.filter(pl.col("status") == "PPPK")["id"]))


def test_golongan_never_above_education_ceiling(data: SynthData, pegawai: pl.DataFrame) -> None:
    asn = pegawai.filter(pl.col("pangkat_kode").is_not_null())
    assert (asn["pangkat_kode"].replace_strict(RANK) <= asn["pendidikan_kode"].replace_strict(CEILING)).all()
    rows = data.riwayat_pangkat.join(pegawai.select(pl.col("id").alias("pegawai_id"), "pendidikan_kode"), on="pegawai_id")
    assert (rows["pangkat_kode"].replace_strict(RANK) <= rows["pendidikan_kode"].replace_strict(CEILING)).all()


def test_no_date_before_birth_or_after_as_of(data: SynthData) -> None:
    birth = data.pegawai.select(pl.col("id").alias("pegawai_id"), "tanggal_lahir")
    for name, frame in [("pegawai", data.pegawai.rename({"id": "pegawai_id"}).drop("tanggal_lahir")), *(
        (n, data.frames()[n]) for n in HISTORY_TABLES if "pegawai_id" in data.frames()[n].columns
    )]:  # fmt: skip
        rows = frame.join(birth, on="pegawai_id")
        # A running sanction may end after as_of; every other date is an event that happened.
        for column in [c for c, t in frame.schema.items() if t == pl.Date and c != "tmt_selesai"]:
            values = rows.filter(pl.col(column).is_not_null())
            assert (values[column] > values["tanggal_lahir"]).all(), (name, column)
            assert (values[column] <= AS_OF).all(), (name, column)
        for column in ("tahun_lulus", "tahun"):
            if column in frame.columns:
                assert (rows[column] > rows["tanggal_lahir"].dt.year()).all(), (name, column)
                assert (rows[column] <= AS_OF.year).all(), (name, column)
    p = data.pegawai.filter(pl.col("tmt_cpns").is_not_null())
    assert (p["tmt_cpns"] > p["tanggal_lahir"].dt.offset_by("18y")).all()
    dik = data.riwayat_diklat
    assert (dik["tanggal_selesai"] >= dik["tanggal_mulai"]).all()
    huk = data.riwayat_hukdis.drop_nulls("tmt_selesai")
    assert (huk["tmt_selesai"] >= huk["tmt_mulai"]).all()


def test_starting_education_graduated_before_appointment(data: SynthData) -> None:
    highest = data.riwayat_pendidikan.join(
        data.pegawai.select(pl.col("id").alias("pegawai_id"), "pendidikan_kode", "tmt_cpns", "tmt_jabatan", "status"),
        on="pegawai_id",
    ).filter(pl.col("tingkat_kode") == pl.col("pendidikan_kode"))
    assert highest["pegawai_id"].n_unique() == data.pegawai.height
    start = pl.when(pl.col("status") == "PPPK").then(pl.col("tmt_jabatan")).otherwise(pl.col("tmt_cpns"))
    assert highest.filter(pl.col("tahun_lulus") >= start.dt.year()).height == 0
    per_person = data.riwayat_pendidikan.group_by("pegawai_id").agg(
        pl.col("tahun_lulus").sort_by("tingkat_kode"), pl.col("tingkat_kode").n_unique().alias("levels"), pl.len()
    )
    assert (per_person["levels"] == per_person["len"]).all()
    assert per_person["len"].max() >= 2


def test_nobody_active_beyond_bup_and_a_retirement_wave(pegawai: pl.DataFrame) -> None:
    bup = pl.col("bup").fill_null(
        pl.when(pl.col("jenjang").is_in(["jpt_pratama", "ahli_madya"])).then(60)
        .when(pl.col("jenjang") == "ahli_utama").then(65).otherwise(58)
    )  # fmt: skip
    reached = pegawai.filter(pl.col("tanggal_lahir").dt.offset_by(pl.format("{}y", bup)) <= AS_OF)
    assert reached.height == 0
    pns = pegawai.filter(pl.col("status") == "PNS")
    age = (pl.lit(AS_OF) - pl.col("tanggal_lahir")).dt.total_days() / 365.25
    assert share(pns, age.is_between(50, 58)) > 25
    assert share(pns, age >= 58) < 3


def test_riwayat_jabatan_ends_with_current_position(data: SynthData) -> None:
    rj = data.riwayat_jabatan.sort("pegawai_id", "tmt")
    assert rj.select("pegawai_id", "jabatan_id", "tmt").is_duplicated().sum() == 0
    last = rj.group_by("pegawai_id").agg(pl.col("jabatan_id").last(), pl.col("tmt").last(), pl.len())
    check = data.pegawai.join(last, left_on="id", right_on="pegawai_id")
    assert check.height == data.pegawai.height
    assert (check["jabatan_id"] == check["jabatan_id_right"]).all() and (check["tmt_jabatan"] == check["tmt"]).all()
    assert check["len"].is_between(1, 4).all() and check["len"].max() == 4
    units = rj.join(data.jabatan.select(pl.col("id").alias("jabatan_id"), pl.col("unit_id").alias("u")), on="jabatan_id")
    assert (units["unit_id"] == units["u"]).all()


def test_diklat(data: SynthData, pegawai: pl.DataFrame) -> None:
    dik = data.riwayat_diklat
    assert dik.select("pegawai_id", "jenis", "nama", "tanggal_mulai").is_duplicated().sum() == 0
    kep = dik.filter(pl.col("jenis") == "kepemimpinan")
    assert set(kep["nama"]) <= {"PKN I", "PKN II", "PKA", "PKP", "Diklatpim I", "Diklatpim II", "Diklatpim III",
                                "Diklatpim IV"}  # fmt: skip
    struktural = pegawai.filter(pl.col("jenis") == "struktural")
    assert kep["pegawai_id"].n_unique() > 0.75 * struktural.height
    teknis = dik.filter(pl.col("jenis") == "teknis")
    assert teknis["jp"].is_between(8, 60).all()
    assert dik.filter(pl.col("jenis") == "seminar")["jp"].is_between(4, 16).all()
    recent = teknis.filter(pl.col("tanggal_selesai") > date(2025, 6, 30)).group_by("pegawai_id").agg(pl.col("jp").sum())
    assert recent.filter(pl.col("jp") >= 20).height > 0.2 * pegawai.height
    fungsional = dik.filter(pl.col("jenis") == "fungsional")
    assert fungsional.filter(pl.col("nama") == "Diklat Fungsional Analis Kebijakan").height > 0


def test_kinerja(data: SynthData) -> None:
    k = data.riwayat_kinerja
    assert k.select("pegawai_id", "tahun").is_duplicated().sum() == 0
    old, new = k.filter(pl.col("tahun") < 2022), k.filter(pl.col("tahun") >= 2022)
    assert old["nilai"].is_not_null().all() and (old["hasil_kerja"] == "").all()
    nilai = old["nilai"].cast(pl.Float64)
    assert nilai.is_between(60, 98).all() and 0.6 < nilai.is_between(76, 90).mean() < 0.95
    assert new["nilai"].is_null().all()
    for column in ("hasil_kerja", "perilaku_kerja"):
        counts = new[column].value_counts(normalize=True)
        shares = dict(counts.iter_rows())
        assert set(shares) == {"di_atas", "sesuai", "di_bawah"}
        assert 0.13 <= shares["di_atas"] <= 0.22 and 0.03 <= shares["di_bawah"] <= 0.07
    # One row per year from max(TMT year, as_of year - 9) to as_of year - 1, at most one year missing.
    start = pl.when(pl.col("status") == "PPPK").then(pl.col("tmt_jabatan")).otherwise(pl.col("tmt_cpns")).dt.year()
    expected = data.pegawai.select(
        pl.col("id").alias("pegawai_id"), (AS_OF.year - pl.max_horizontal(start, AS_OF.year - 9)).alias("expected")
    )
    rows = expected.join(k.group_by("pegawai_id").len(), on="pegawai_id", how="left").fill_null(0)
    assert (rows["len"] <= rows["expected"]).all() and (rows["len"] >= rows["expected"] - 1).all()
    span = k.group_by("pegawai_id").agg(pl.col("tahun").min().alias("lo"), pl.col("tahun").max().alias("hi"), pl.len())
    assert (span["lo"] >= AS_OF.year - 9).all() and (span["hi"] <= AS_OF.year - 1).all()
    assert span.filter(pl.col("len") < pl.col("hi") - pl.col("lo") + 1).height > 0  # a missing year


def test_hukdis(data: SynthData) -> None:
    h = data.riwayat_hukdis
    assert 0.015 * data.pegawai.height <= h["pegawai_id"].n_unique() <= 0.035 * data.pegawai.height
    allowed = {(str(j), str(t)) for j, t in TINGKAT_BY_JENIS.items()}
    assert set(h.select("jenis", "tingkat").iter_rows()) <= allowed
    assert h["tanggal_sk"].is_not_null().all()


def test_asesmen_near_the_standard(data: SynthData, pegawai: pl.DataFrame) -> None:
    a = data.riwayat_asesmen
    assert a.select("pegawai_id", "tanggal").is_duplicated().sum() == 0
    assert a.group_by("pegawai_id").len()["len"].is_between(1, 2).all()
    assessed = pegawai.filter(pl.col("id").is_in(a["pegawai_id"].implode()))
    assert set(assessed["status"]) == {"PNS"}
    struktural = pegawai.filter((pl.col("jenis") == "struktural") & (pl.col("status") == "PNS"))
    assert struktural["id"].is_in(a["pegawai_id"].implode()).mean() > 0.8
    nilai = data.nilai_asesmen.join(a.select(pl.col("id").alias("asesmen_id"), "pegawai_id"), on="asesmen_id").join(
        pegawai.select(pl.col("id").alias("pegawai_id"), "jabatan_id"), on="pegawai_id"
    ).join(data.standar.rename({"level": "std"}), on=["jabatan_id", "kompetensi_kode"])
    assert nilai["level"].is_between(1, 5).all()
    diff = (nilai["level"].cast(pl.Int32) - nilai["std"].cast(pl.Int32)).abs()
    assert diff.mean() < 1 and (diff <= 1).mean() > 0.85
    assert data.nilai_asesmen.group_by("asesmen_id").len()["len"].eq(9).all()


def test_satyalancana_follows_service(data: SynthData) -> None:
    award = data.riwayat_penghargaan.join(
        data.pegawai.select(pl.col("id").alias("pegawai_id"), "tmt_cpns", "status"), on="pegawai_id"
    )
    assert set(award["status"]) == {"PNS"} and set(award["pemberi"]) == {"Presiden RI"}
    years = award["nama"].replace_strict({
        "Satyalancana Karya Satya X Tahun": 10, "Satyalancana Karya Satya XX Tahun": 20,
        "Satyalancana Karya Satya XXX Tahun": 30,
    })  # fmt: skip
    assert (award["tahun"] - award["tmt_cpns"].dt.year() >= years).all()
    assert set(years) == {10, 20, 30}


def test_generator_does_not_import_django() -> None:
    code = "import sys, simerit.synth.generator; print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_small_regency_still_valid() -> None:
    small = generate(60, seed=3)
    assert small.pegawai.height == 60
    assert validate_nip_column(small.pegawai.filter(pl.col("status") != "PPPK")["nip"]).all()
    with pytest.raises(ValueError, match="minimal"):
        generate(10)

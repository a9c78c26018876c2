"""Seeded, deterministic synthetic ASN data for a regency (and a national-size parquet dataset).

Pure Python + numpy + polars: this module never imports Django (import-linter contract), so the
same frames feed the database loader (`simerit.synth.loader`) and the columnar benchmarks.

Everything is fake. Names come from Faker's `id_ID` person lists but are drawn with numpy's
seeded generator (no per-row Faker calls); institutions, places and numbers are invented.
The shares follow the national figures of shared/domain/regulations.md §12 adapted to a
regency; the pangkat rules follow §8 (pendidikan.csv start/ceiling, §8.4 eselon ranges) and
the BUP table of §6. All of it is demo data, not a rule.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

from simerit.synth.catalogue import (
    _CORE_ORDER,
    _CPNS_P,
    _DIKLAT_SCHEMA,
    _DIPLOMA_GENERAL,
    _DIPLOMA_NAKES,
    _EDU,
    _EDU_BELOW,
    _EDU_DEFAULT,
    _ENTRY_AGE,
    _F,
    _FAMILY_ORDER,
    _FAMILY_POS,
    _GENERIC,
    _GRAD_AGE,
    _HIGHER_GENERAL,
    _HIGHER_GURU,
    _HIGHER_NAKES,
    _HUKDIS,
    _HUKDIS_ABSENCE,
    _HUKDIS_MONTHS,
    _J,
    _LEMBAGA_ASESMEN,
    _METODE_ASESMEN,
    _NAKES_PROFILES,
    _NAKES_PUSKESMAS,
    _NAKES_RS,
    _P,
    _PELAKSANA_KEYS,
    _PENYELENGGARA,
    _PP94_FROM,
    _PPPK_P,
    _PROFILES,
    _PYRAMID,
    _REST_ORDER,
    _SATYALANCANA,
    _SEMINAR,
    _STRUKTURAL_WOMEN,
    _SUBUNIT_KIND,
    _TEKNIS,
    _UNI_ADJ,
    AGAMA,
    AGAMA_P,
    CITIES,
    DIKLAT_BY_JENJANG,
    EDU_CEILING,
    EDU_CODES,
    EDU_START,
    ENTRY_JENJANG,
    ESELON_JENJANG,
    ESELON_KELAS,
    ESELON_PANGKAT,
    FAMILIES,
    FIRST_FEMALE,
    FIRST_MALE,
    JENJANG_BUP,
    JENJANG_LABEL,
    JF_KELAS,
    JF_PANGKAT,
    KECAMATAN_NAMES,
    KOMPETENSI_CODES,
    LAST_FEMALE,
    LAST_MALE,
    MAX_KECAMATAN,
    OPD_TEMPLATES,
    PANGKAT_CODES,
    PROFILE_NAMES,
    STANDAR_PATTERN,
    STRUKTURAL_TIER,
    OpdTemplate,
)

DEFAULT_AS_OF = date(2026, 6, 30)
DEFAULT_WILAYAH = "3328"

# --------------------------------------------------------------------------------------------
# Result container
# --------------------------------------------------------------------------------------------

HISTORY_TABLES = ("riwayat_pangkat", "riwayat_jabatan", "riwayat_pendidikan", "riwayat_diklat", "riwayat_kinerja",
                  "riwayat_hukdis", "riwayat_asesmen", "nilai_asesmen", "riwayat_penghargaan")  # fmt: skip


@dataclass(frozen=True)
class SynthData:
    """The generated tables, each a polars DataFrame with explicit 1-based integer ids."""

    units: pl.DataFrame
    jabatan: pl.DataFrame
    standar: pl.DataFrame
    pegawai: pl.DataFrame
    riwayat_pangkat: pl.DataFrame
    riwayat_jabatan: pl.DataFrame
    riwayat_pendidikan: pl.DataFrame
    riwayat_diklat: pl.DataFrame
    riwayat_kinerja: pl.DataFrame
    riwayat_hukdis: pl.DataFrame
    riwayat_asesmen: pl.DataFrame
    nilai_asesmen: pl.DataFrame
    riwayat_penghargaan: pl.DataFrame
    seed: int = 0
    as_of: date = DEFAULT_AS_OF

    def frames(self) -> dict[str, pl.DataFrame]:
        """All tables by name, in loading order (parents before children)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("seed", "as_of")}

    def counts(self) -> dict[str, int]:
        return {name: frame.height for name, frame in self.frames().items()}

    def equals(self, other: SynthData) -> bool:
        """True when every table is identical (values, dtypes, order)."""
        mine, theirs = self.frames(), other.frames()
        return mine.keys() == theirs.keys() and all(mine[k].equals(theirs[k]) for k in mine)


@dataclass
class _Offsets:
    """Ids already used by earlier chunks, per table (the national parquet writer)."""

    ids: dict[str, int] = field(default_factory=dict)

    def get(self, table: str) -> int:
        return self.ids.get(table, 0)

    def advance(self, data: SynthData) -> None:
        for name, frame in data.frames().items():
            if "id" in frame.columns and frame.height:
                self.ids[name] = int(frame["id"].max())  # type: ignore[arg-type]


@dataclass
class _Serials:
    """Per-prefix counters so that NIP and NIK stay unique across chunks."""

    seen: dict[str, pl.DataFrame] = field(default_factory=dict)

    def assign(self, kind: str, prefix: pl.Series) -> pl.Series:
        """Serial numbers 1, 2, ... per prefix, continuing after the prefixes seen before."""
        frame = pl.DataFrame({"prefix": prefix}).with_row_index("row")
        frame = frame.with_columns(serial=pl.int_range(1, pl.len() + 1, dtype=pl.Int64).over("prefix"))
        previous = self.seen.get(kind)
        if previous is not None:
            frame = frame.join(previous, on="prefix", how="left").with_columns(
                serial=pl.col("serial") + pl.col("used").fill_null(0)
            )
        frame = frame.sort("row")
        used = frame.group_by("prefix").agg(used=pl.col("serial").max())
        if previous is not None:
            used = pl.concat([previous, used]).group_by("prefix").agg(pl.col("used").max())
        self.seen[kind] = used
        return frame["serial"]


@dataclass(frozen=True)
class InstansiSpec:
    """One instansi to generate: its code, size and the 4-digit region used for NIK."""

    kode: str
    n: int
    wilayah: str = DEFAULT_WILAYAH


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def generate(
    n_employees: int = 9000,
    seed: int = 42,
    as_of: date = DEFAULT_AS_OF,
    *,
    kode_wilayah: str = DEFAULT_WILAYAH,
) -> SynthData:
    """Generate one regency (`n_employees` active ASN with their histories) as of `as_of`.

    Same arguments, same frames: every random draw comes from one seeded numpy Generator.
    """
    if n_employees < 50:
        raise ValueError("Jumlah pegawai minimal 50.")
    rng = np.random.default_rng(seed)
    spec = InstansiSpec(kode=kode_wilayah, n=n_employees, wilayah=kode_wilayah)
    return _Builder(rng, as_of, seed, _Offsets(), _Serials()).build([spec])


def national_instansi(n_employees: int, seed: int = 42) -> list[InstansiSpec]:
    """~550 synthetic instansi (38 provinces and 512 kabupaten/kota) whose sizes sum to `n_employees`."""
    rng = np.random.default_rng([seed, 550])
    n_inst = int(np.clip(n_employees // 1500, 1, 550))
    provinces = [11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71,
                 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96]  # fmt: skip
    per_prov = rng.multinomial(512 - len(provinces), np.full(len(provinces), 1 / len(provinces))) + 1
    codes: list[tuple[str, str, float]] = []
    for prov, count in zip(provinces, per_prov, strict=True):
        codes.append((f"{prov}00", f"{prov}01", 1.8))
        n_kota = max(1, round(count * 0.18))
        for k in range(count):
            kk = k + 1 if k < count - n_kota else 71 + (k - (count - n_kota))
            codes.append((f"{prov}{kk:02d}", f"{prov}{kk:02d}", 1.0))
    order = rng.permutation(len(codes))[:n_inst]
    chosen = [codes[i] for i in sorted(order)]
    weights = np.array([w for _, _, w in chosen]) * rng.lognormal(0.0, 0.55, len(chosen))
    minimum = min(50, n_employees // len(chosen))
    sizes = _largest_remainder(weights / weights.sum() * (n_employees - minimum * len(chosen))) + minimum
    return [InstansiSpec(kode, int(size), wilayah) for (kode, wilayah, _), size in zip(chosen, sizes, strict=True)]


def write_parquet(
    directory: str | Path,
    n_employees: int,
    seed: int = 42,
    chunk_size: int = 500_000,
    *,
    as_of: date = DEFAULT_AS_OF,
    progress: Callable[[str, int, int], None] | None = None,
) -> dict[str, int]:
    """Write a national-size dataset as parquet files (no database): `pegawai.parquet`, one file
    per history table, plus `instansi.parquet`, `units.parquet`, `jabatan.parquet`, `standar.parquet`.

    Employees are generated a few whole instansi at a time (at most `chunk_size` employees per
    chunk, unless one instansi is larger) so memory stays bounded; ids, NIP and NIK stay unique
    across chunks. Returns the row count per file.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    specs = national_instansi(n_employees, seed)
    chunks: list[list[InstansiSpec]] = [[]]
    for spec in specs:
        if chunks[-1] and sum(s.n for s in chunks[-1]) + spec.n > chunk_size:
            chunks.append([])
        chunks[-1].append(spec)
    parts = Path(tempfile.mkdtemp(prefix=".parts-", dir=out))
    offsets, serials = _Offsets(), _Serials()
    counts: dict[str, int] = {}
    done = 0
    try:
        for index, chunk in enumerate(chunks):
            rng = np.random.default_rng([seed, index])
            data = _Builder(rng, as_of, seed, offsets, serials).build(chunk)
            for name, frame in data.frames().items():
                (parts / name).mkdir(exist_ok=True)
                frame.write_parquet(parts / name / f"part-{index:05d}.parquet")
                counts[name] = counts.get(name, 0) + frame.height
            offsets.advance(data)
            done += data.pegawai.height
            del data
            if progress:
                progress("pegawai", done, n_employees)
        for name in counts:
            pl.scan_parquet(parts / name / "*.parquet").sink_parquet(out / f"{name}.parquet")
            if progress:
                progress(f"tulis {name}.parquet", counts[name], counts[name])
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    instansi = pl.DataFrame(
        {
            "kode": [s.kode for s in specs],
            "nama": [_instansi_nama(s.kode) for s in specs],
            "jenis": ["provinsi" if s.kode.endswith("00") else "kota" if int(s.kode[2:]) >= 71 else "kabupaten"
                      for s in specs],  # fmt: skip
            "jumlah_pegawai": [s.n for s in specs],
        }
    )
    instansi.write_parquet(out / "instansi.parquet")
    counts["instansi"] = instansi.height
    return counts


def _instansi_nama(kode: str) -> str:
    if kode.endswith("00"):
        return f"Pemerintah Provinsi Contoh {kode[:2]}"
    if int(kode[2:]) >= 71:
        return f"Pemerintah Kota Contoh {kode}"
    return f"Pemerintah Kabupaten Contoh {kode}"


# --------------------------------------------------------------------------------------------
# Small vectorised helpers (dates are int days since 1970-01-01, months are months since 1970-01)
# --------------------------------------------------------------------------------------------

_EPOCH = date(1970, 1, 1)
_DAYS_PER_MONTH = 30.436875


def _days(d: date) -> int:
    return (d - _EPOCH).days


def _month_of(days: np.ndarray) -> np.ndarray:
    return np.asarray(days, dtype="datetime64[D]").astype("datetime64[M]").astype(np.int64)


def _month_start(months: np.ndarray) -> np.ndarray:
    return np.asarray(months, dtype=np.int64).astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)


def _year_of(days: np.ndarray) -> np.ndarray:
    return np.asarray(days, dtype="datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970


def _year_start(years: np.ndarray) -> np.ndarray:
    return (np.asarray(years, dtype=np.int64) - 1970).astype("datetime64[Y]").astype("datetime64[D]").astype(np.int64)


def _date_col(days: np.ndarray, name: str, mask: np.ndarray | None = None) -> pl.Series:
    series = pl.Series(name, np.asarray(days, dtype=np.int32)).cast(pl.Date)
    if mask is not None:
        series = pl.select(pl.when(pl.lit(pl.Series(mask))).then(series)).to_series().alias(name)
    return series


def _expand(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Owner index and position within the owner for `counts[i]` rows per owner."""
    counts = np.asarray(counts, dtype=np.int64)
    owner = np.repeat(np.arange(counts.size), counts)
    starts = np.cumsum(counts) - counts
    return owner, np.arange(owner.size) - starts[owner]


def _largest_remainder(values: np.ndarray) -> np.ndarray:
    """Round non-negative values to integers keeping their (rounded) sum."""
    floor = np.floor(values).astype(np.int64)
    missing = int(round(values.sum())) - int(floor.sum())
    if missing > 0:
        floor[np.argsort(-(values - floor), kind="stable")[:missing]] += 1
    return floor


def _sample_rows(rng: np.random.Generator, cum: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Draw one category per element from the cumulative distribution `cum[rows[i]]`."""
    u = rng.random(rows.size)
    return (u[:, None] > cum[rows]).sum(axis=1)


def _pick(texts: Sequence[str], idx: np.ndarray) -> pl.Series:
    return pl.Series(list(texts), dtype=pl.Utf8).gather(np.asarray(idx, dtype=np.int64))


def _choose(rng: np.random.Generator, n: int, texts: Sequence[str]) -> pl.Series:
    return _pick(texts, rng.integers(0, len(texts), n))


def _by_sex(rng: np.random.Generator, female: np.ndarray, women: Sequence[str], men: Sequence[str]) -> pl.Series:
    """One name per row from the list matching the row's sex."""
    u = rng.random(female.size)
    picked = pl.select(
        pl.when(pl.lit(pl.Series(female)))
        .then(_pick(women, (u * len(women)).astype(np.int64)))
        .otherwise(_pick(men, (u * len(men)).astype(np.int64)))
    )
    return picked.to_series()


def _triangular_months(rng: np.random.Generator, spec: np.ndarray) -> np.ndarray:
    """Triangular draws (in months) from per-row (min, mode, max) years."""
    return rng.triangular(spec[:, 0], spec[:, 1], spec[:, 2]) * 12.0


def _snap_kp(months: np.ndarray) -> np.ndarray:
    """Move a month to the next KP period: April/October until 2023, every even month in 2024 to
    Sep 2025, every month from Oct 2025 (regulations.md §8.3, decisions.md "Kenaikan pangkat")."""
    m = np.asarray(months, dtype=np.int64)
    moy = m % 12  # 0 = January
    until_2023 = m < (2024 - 1970) * 12
    to_apr_oct = np.where(moy <= 3, 3 - moy, np.where(moy <= 9, 9 - moy, 15 - moy))
    even_period = m < (2025 - 1970) * 12 + 9
    to_even = (moy % 2 == 0).astype(np.int64)  # January (index 0) -> February (index 1), and so on
    return np.where(until_2023, m + to_apr_oct, np.where(even_period, m + to_even, m))


# --------------------------------------------------------------------------------------------
# The builder
# --------------------------------------------------------------------------------------------


@dataclass
class _Structure:
    """Units and positions of a batch of instansi, as plain columns."""

    units: dict[str, list[object]] = field(default_factory=lambda: {k: [] for k in (
        "id", "parent_id", "kode", "nama", "singkatan", "path", "level", "instansi_kode")})  # fmt: skip
    jab: dict[str, list[object]] = field(default_factory=lambda: {k: [] for k in (
        "unit_id", "nama", "jenis", "jenjang", "eselon", "kelas_jabatan", "bup", "diklat_kepemimpinan",
        "diklat_fungsional", "kritis", "inst", "family", "weight", "pangkat_lo", "pangkat_hi", "profil",
        "women", "seat")})  # fmt: skip


class _Builder:
    """Builds one batch of instansi: structure first, then employees, then their histories."""

    def __init__(self, rng: np.random.Generator, as_of: date, seed: int, offsets: _Offsets, serials: _Serials) -> None:
        self.rng = rng
        self.as_of = as_of
        self.seed = seed
        self.offsets = offsets
        self.serials = serials
        self.as_of_days = _days(as_of)
        self.as_of_month = int(_month_of(np.array([self.as_of_days]))[0])

    # ---------------------------------------------------------------- structure
    def build(self, specs: Sequence[InstansiSpec]) -> SynthData:
        self.specs = list(specs)
        st = _Structure()
        unit_id = self.offsets.get("units")
        for inst, spec in enumerate(self.specs):
            unit_id = self._build_instansi(st, inst, spec, unit_id)
        return self._employees(st, np.array([spec.n for spec in self.specs]))

    def _build_instansi(self, st: _Structure, inst: int, spec: InstansiSpec, unit_id: int) -> int:
        """Units and positions of one instansi; returns the last unit id used."""
        rng = self.rng
        n = spec.n
        n_opd = int(np.clip(round(40 * np.sqrt(n / 9000)), 6, len(_CORE_ORDER) + len(_REST_ORDER) + MAX_KECAMATAN))
        order: list[str] = list(_CORE_ORDER)
        rest = list(_REST_ORDER)
        n_kec = 0
        while len(order) < n_opd:
            if n_kec < MAX_KECAMATAN and (not rest or len(order) % 3 == 1):
                order.append("kecamatan")
                n_kec += 1
            else:
                order.append(rest.pop(0))
        order = order[:n_opd]
        kec_names = [str(x) for x in rng.permutation(KECAMATAN_NAMES)]
        kec_iter = iter(kec_names)
        # Struktural posts: ~6% of employees hold one, and ~4% of posts are vacant.
        target_posts = max(1, round(0.06 * n / 0.96))
        first_post = len(st.jab["nama"])
        # Extra pengawas posts may go here: (unit id, eselon, titles, cap, education profiles).
        slots: list[tuple[int, str, tuple[str, ...], int, tuple[str, ...]]] = []
        for o, key in enumerate(order):
            tpl = OPD_TEMPLATES[key]
            kec = next(kec_iter) if key == "kecamatan" else ""
            unit_id += 1
            opd_id = unit_id
            nama = tpl.nama.format(nama=kec)
            self._unit(st, opd_id, None, f"{o + 1:02d}", nama, tpl.singkatan.format(nama=kec), spec.kode)
            profil = tpl.profil
            self._post(st, inst, opd_id, tpl.kepala.format(nama=kec), tpl.eselon, profil, kritis=True)
            if key == "setda":
                for title in ("Asisten Pemerintahan dan Kesejahteraan Rakyat", "Asisten Perekonomian dan Pembangunan",
                              "Asisten Administrasi Umum"):  # fmt: skip
                    self._post(st, inst, opd_id, title, "II.b", profil, kritis=True)
            required = [s for s in tpl.subunits if s[2]]
            optional = [s for s in tpl.subunits if not s[2]]
            extra = max(0, min(len(optional), int(rng.choice([2, 3, 4, 5], p=[0.1, 0.25, 0.35, 0.3])) - len(required)))
            picked = required + [optional[i] for i in sorted(rng.permutation(len(optional))[:extra])]
            for s, (sub_pattern, kind, _required) in enumerate(picked):
                unit_id += 1
                sub_name = sub_pattern.format(kec0=kec_names[0], kec1=kec_names[1], kec=kec)
                self._unit(st, unit_id, opd_id, f"{o + 1:02d}.{s + 1:02d}", sub_name, _initials(sub_name), spec.kode)
                head_es, head_title, pg_es, pg_titles, cap, jf_w, pel_w = _SUBUNIT_KIND[kind]
                if head_es:
                    title = head_title.format(opd=nama, sub=sub_name, kec=kec)
                    self._post(st, inst, unit_id, title, head_es, profil, kritis=bool(rng.random() < 0.3))
                if cap:
                    slots.append((unit_id, pg_es, pg_titles, cap, profil))
                self._positions(st, inst, unit_id, kind, tpl, jf_w, pel_w)
        remaining = target_posts - sum(bool(x) for x in st.jab["seat"][first_post:])
        filled = [0] * len(slots)
        while remaining > 0 and slots:
            progressed = False
            for slot in rng.permutation(len(slots)):
                uid, es, titles, cap, profil = slots[slot]
                if filled[slot] < cap and remaining > 0:
                    self._post(st, inst, uid, titles[filled[slot]], es, profil, kritis=False)
                    filled[slot] += 1
                    remaining -= 1
                    progressed = True
            if not progressed:
                break
        return unit_id

    @staticmethod
    def _unit(st: _Structure, uid: int, parent: int | None, kode: str, nama: str, singkatan: str, inst: str) -> None:
        u = st.units
        u["id"].append(uid)
        u["parent_id"].append(parent)
        u["kode"].append(kode)
        u["nama"].append(nama)
        u["singkatan"].append(singkatan)
        u["path"].append(f"/{uid}/" if parent is None else f"/{parent}/{uid}/")
        u["level"].append(0 if parent is None else 1)
        u["instansi_kode"].append(inst)

    def _post(self, st: _Structure, inst: int, uid: int, nama: str, eselon: str, profil: tuple[str, ...], *,
              kritis: bool) -> None:
        jenjang = ESELON_JENJANG[eselon]
        lo, hi = ESELON_PANGKAT[eselon]
        self._jab(st, inst=inst, unit_id=uid, nama=nama, jenis="struktural", jenjang=jenjang, eselon=eselon,
                  kelas_jabatan=ESELON_KELAS[eselon], bup=None, diklat_kepemimpinan=DIKLAT_BY_JENJANG[jenjang],
                  diklat_fungsional="", kritis=kritis or jenjang == "jpt_pratama", family=-1, weight=0.0,
                  pangkat_lo=lo, pangkat_hi=hi, profil=_P[profil[int(self.rng.integers(0, len(profil)))]],
                  women=_STRUKTURAL_WOMEN[jenjang], seat=True)  # fmt: skip

    def _positions(self, st: _Structure, inst: int, uid: int, kind: str, tpl: OpdTemplate, jf_w: float,
                   pel_w: float) -> None:
        """Candidate JF and pelaksana positions of a sub-unit, with staffing weights."""
        rng = self.rng
        jf: dict[str, float]
        if kind == "sekolah":
            jf = {"guru": 1.0}
            pel = {"adm_perkantoran": 1.0, "pengelola_umum": 0.6, "operator_lo": 0.3}
        elif kind == "puskesmas":
            jf, pel = dict(_NAKES_PUSKESMAS), {"adm_perkantoran": 1.0, "pengelola_keuangan": 0.4, "pengolah_data": 0.4}
        elif kind == "instalasi":
            jf, pel = dict(_NAKES_RS), {"adm_perkantoran": 1.0, "pengelola_umum": 0.8, "operator_lo": 0.5}
        else:
            pool = [k for k in tpl.jf if not (k == "pengawas_sekolah" and kind != "bidang")]
            if kind == "sekretariat":
                pool = [*pool, "arsiparis", "pranata_komputer"]
            take = min(len(pool), int(rng.integers(1, 4))) if pool else 0
            jf = {pool[i]: FAMILIES[_F[pool[i]]].weight for i in sorted(rng.permutation(len(pool))[:take])}
            others = [k for k in _PELAKSANA_KEYS if k != "adm_perkantoran"]
            n_pel = int(rng.integers(1, 4))
            pel = {"adm_perkantoran": 1.0}
            for i in sorted(rng.permutation(len(others))[:n_pel]):
                pel[others[i]] = FAMILIES[_F[others[i]]].weight / 3.0
            if kind == "sekretariat":
                pel["pengelola_keuangan"] = 0.8
        jf_total = sum(jf.values()) or 1.0
        pel_total = sum(pel.values())
        for key, w in jf.items():
            self._family_positions(st, inst, uid, key, tpl.jf_weight * jf_w * w / jf_total)
        for key, w in pel.items():
            self._family_positions(st, inst, uid, key, tpl.pel_weight * pel_w * w / pel_total)

    def _family_positions(self, st: _Structure, inst: int, uid: int, key: str, weight: float) -> None:
        fam = FAMILIES[_F[key]]
        for jenjang, share in fam.jenjang:
            if fam.jenis == "pelaksana":
                lo, hi, kelas, nama = 1, 17, fam.kelas, fam.nama
            else:
                lo, hi = JF_PANGKAT[jenjang]
                kelas, nama = JF_KELAS[jenjang], f"{fam.nama} {JENJANG_LABEL[jenjang]}"
            diklat = f"Diklat Fungsional {fam.nama}" if fam.jenis == "fungsional" and fam.diklat else ""
            self._jab(st, inst=inst, unit_id=uid, nama=nama, jenis=fam.jenis, jenjang=jenjang, eselon="",
                      kelas_jabatan=kelas, bup=fam.bup, diklat_kepemimpinan="", diklat_fungsional=diklat, kritis=False,
                      family=_F[key], weight=weight * share, pangkat_lo=lo, pangkat_hi=hi, profil=_P[fam.profil],
                      women=fam.women, seat=False)  # fmt: skip

    @staticmethod
    def _jab(st: _Structure, **values: object) -> None:
        for k, v in values.items():
            st.jab[k].append(v)

    # ---------------------------------------------------------------- employees
    def _employees(self, st: _Structure, inst_n: np.ndarray) -> SynthData:
        rng = self.rng
        jab = {k: np.array(v) if k not in ("nama", "jenis", "jenjang", "eselon", "diklat_kepemimpinan",
                                             "diklat_fungsional") else np.array(v, dtype=object)
               for k, v in st.jab.items()}  # fmt: skip
        n_jab = len(st.jab["nama"])
        seat = jab["seat"].astype(bool)
        inst = jab["inst"].astype(np.int64)
        holders = np.zeros(n_jab, dtype=np.int64)
        # Struktural: one holder per post, a few posts vacant (never the Sekda).
        vacant = seat & (rng.random(n_jab) < 0.04) & (jab["eselon"] != "II.a")
        holders[seat & ~vacant] = 1
        weight = jab["weight"].astype(float)
        is_jf = np.array([j == "fungsional" for j in jab["jenis"]])
        is_pel = np.array([j == "pelaksana" for j in jab["jenis"]])
        bounds = np.searchsorted(inst, np.arange(inst_n.size + 1))  # positions are built instansi by instansi
        for i, n_i in enumerate(inst_n):
            lo, hi = bounds[i], bounds[i + 1]
            struktural = int(holders[lo:hi].sum())
            rest = max(0, int(n_i) - struktural)
            n_jf = round(rest * 0.63 / 0.94)
            for mask, total in ((is_jf[lo:hi], n_jf), (is_pel[lo:hi], rest - n_jf)):
                idx = lo + np.flatnonzero(mask)
                if idx.size == 0 or total <= 0:
                    continue
                p = weight[idx] / weight[idx].sum()
                holders[idx] = rng.multinomial(total, p)
        # Keep positions with holders, struktural posts, and a few empty ones (open formasi).
        keep = seat | (holders > 0) | (rng.random(n_jab) < 0.08)
        keep_idx = np.flatnonzero(keep)
        new_id = np.full(n_jab, -1, dtype=np.int64)
        new_id[keep_idx] = np.arange(1, keep_idx.size + 1) + self.offsets.get("jabatan")
        extra = np.where(rng.random(n_jab) < 0.45, rng.integers(1, np.maximum(2, np.ceil(holders * 0.25).astype(np.int64)) + 1), 0)
        kebutuhan = np.where(seat, 1, np.maximum(holders + extra, 1))

        # Per-position attributes, gathered per employee below.
        family_j = jab["family"].astype(np.int64)
        jenjang_j = np.array([_J[j] for j in jab["jenjang"]], dtype=np.int64)
        kategori_j = np.array(["struktural" if f < 0 else FAMILIES[f].kategori for f in family_j], dtype=object)
        bup_j = np.array([b if b is not None else JENJANG_BUP[j] for b, j in zip(jab["bup"], jab["jenjang"], strict=True)])
        tier_j = np.array([STRUKTURAL_TIER.get(j, 0) if s else 0 for j, s in zip(jab["jenjang"], seat, strict=True)])
        p_pppk_j = np.array([_PPPK_P.get((k, j), 0.0) for k, j in zip(kategori_j, jab["jenjang"], strict=True)])
        entry_j = np.array([j in ENTRY_JENJANG for j in jab["jenjang"]]) & ~seat
        edu_key = [f"{f}|{j}" for f, j in zip(family_j, jab["jenjang"], strict=True)]
        edu_keys, edu_row_j = np.unique(np.array(edu_key, dtype=object), return_inverse=True)

        # Employees: one row per seat held, shuffled.
        emp_jab = rng.permutation(np.repeat(np.arange(n_jab), holders))
        n = emp_jab.size
        self.n = n
        e = _Emp(jab_idx=emp_jab)
        e.jab_id = new_id[emp_jab]
        e.unit_id = jab["unit_id"].astype(np.int64)[emp_jab]
        e.inst = inst[emp_jab]
        e.jenjang = jenjang_j[emp_jab]
        e.jenis = np.where(seat, 0, np.where(is_jf, 1, 2))[emp_jab]
        e.family = family_j[emp_jab]
        e.kategori = kategori_j[emp_jab]
        e.bup = bup_j[emp_jab].astype(np.int64)
        e.pos_lo = jab["pangkat_lo"].astype(np.int64)[emp_jab]
        e.pos_hi = jab["pangkat_hi"].astype(np.int64)[emp_jab]
        e.profil = jab["profil"].astype(np.int64)[emp_jab]
        e.tier = tier_j[emp_jab]
        e.needs_diklat = np.array([bool(d) for d in jab["diklat_fungsional"]])[emp_jab]

        # Status: PPPK mostly entry-level guru, nakes and pelaksana; CPNS among the other entry-level holders.
        p_pppk = p_pppk_j[emp_jab]
        u = rng.random(n)
        cpns = entry_j[emp_jab] & (u > 1 - _CPNS_P * (1 - p_pppk))
        e.status = np.where(u < p_pppk, 2, np.where(cpns, 0, 1))  # 0 CPNS, 1 PNS, 2 PPPK
        e.female = rng.random(n) < jab["women"].astype(float)[emp_jab]
        cum = np.zeros((edu_keys.size, len(EDU_CODES)))
        for row, key in enumerate(edu_keys):
            fam_s, jenjang = key.split("|")
            dist = dict(_EDU_DEFAULT[jenjang])
            if int(fam_s) >= 0:
                dist = dict(dict(FAMILIES[int(fam_s)].edu).get(jenjang, tuple(dist.items())))
            for code, p in dist.items():
                cum[row, _EDU[code]] = p
            cum[row] = np.cumsum(cum[row] / cum[row].sum())
        e.edu = _sample_rows(rng, cum[:, :-1], edu_row_j[emp_jab])

        self._careers(e)
        self._identity(e)

        # Frames of the structure.
        units = pl.DataFrame(st.units, schema={"id": pl.Int64, "parent_id": pl.Int64, "kode": pl.Utf8, "nama": pl.Utf8,
                                               "singkatan": pl.Utf8, "path": pl.Utf8, "level": pl.Int16,
                                               "instansi_kode": pl.Utf8})  # fmt: skip
        inst_kode = np.array([s.kode for s in self.specs], dtype=object)
        jabatan = pl.DataFrame(
            {
                "id": new_id[keep_idx],
                "unit_id": jab["unit_id"].astype(np.int64)[keep_idx],
                "nama": list(jab["nama"][keep_idx]),
                "jenis": list(jab["jenis"][keep_idx]),
                "jenjang": list(jab["jenjang"][keep_idx]),
                "eselon": list(jab["eselon"][keep_idx]),
                "kelas_jabatan": jab["kelas_jabatan"].astype(np.int64)[keep_idx],
                "bup": list(jab["bup"][keep_idx]),
                "diklat_kepemimpinan": list(jab["diklat_kepemimpinan"][keep_idx]),
                "diklat_fungsional": list(jab["diklat_fungsional"][keep_idx]),
                "kebutuhan": kebutuhan[keep_idx],
                "kritis": jab["kritis"].astype(bool)[keep_idx],
                "instansi_kode": list(inst_kode[inst[keep_idx]]),
            },
            schema_overrides={"bup": pl.Int16, "kelas_jabatan": pl.Int16, "kebutuhan": pl.Int32},
        )
        standar, std_levels = self._standar(jab, keep_idx, new_id)
        e.std = std_levels[emp_jab]  # (n, 9) standard levels of each employee's position
        self.jab_lookup = (jab, new_id, seat, is_pel, inst, jenjang_j, tier_j)
        pegawai = self._pegawai_frame(e, inst_kode)
        histories = self._histories(e)
        return SynthData(units=units, jabatan=jabatan, standar=standar, pegawai=pegawai, **histories,
                         seed=self.seed, as_of=self.as_of)  # fmt: skip

    def _standar(self, jab: dict[str, np.ndarray], keep_idx: np.ndarray, new_id: np.ndarray
                 ) -> tuple[pl.DataFrame, np.ndarray]:  # fmt: skip
        rng = self.rng
        n_jab = new_id.size
        base = np.array([STANDAR_PATTERN[j][0] for j in jab["jenjang"]])
        p_up = np.array([STANDAR_PATTERN[j][1] for j in jab["jenjang"]])
        levels = base[:, None] + (rng.random((n_jab, len(KOMPETENSI_CODES))) < p_up[:, None])
        levels = np.clip(levels, 1, 5)
        k = len(KOMPETENSI_CODES)
        standar = pl.DataFrame(
            {
                "jabatan_id": np.repeat(new_id[keep_idx], k),
                "kompetensi_kode": list(KOMPETENSI_CODES) * keep_idx.size,
                "level": levels[keep_idx].reshape(-1),
            },
            schema_overrides={"level": pl.Int16},
        )
        return standar, levels

    # ---------------------------------------------------------------- careers (dates and pangkat)
    def _careers(self, e: _Emp) -> None:
        """Birth date, TMT CPNS/PNS/PPPK, the pangkat chain and the current TMT jabatan.

        Pangkat starts at the education's golongan awal and rises one step per >= 4 years, capped
        by the education ceiling (pendidikan.csv golongan_maks) and by the position's range
        (§8.4 eselon, §11 JF jenjang). KP pilihan above the ceiling is not generated, so a
        struktural holder with S2 stays at IV/a even in a II.b post (decision for demo data).
        """
        rng = self.rng
        n = self.n
        as_m = self.as_of_month
        entry_spec = np.array([_ENTRY_AGE[c] for c in EDU_CODES])[e.edu]
        entry = _triangular_months(rng, entry_spec)  # months of age at CPNS appointment
        g0 = EDU_START[e.edu]
        ceil = EDU_CEILING[e.edu]
        hi = np.maximum(np.minimum(e.pos_hi, ceil), g0)
        lo = np.minimum(np.maximum(e.pos_lo, g0), hi)
        needed = lo - g0
        smin = needed * 54 + 14  # months of service needed to reach the position's lowest pangkat
        smax = np.where((e.jenis == 1) & (e.pos_hi < ceil), (e.pos_hi - g0 + 1) * 48 + 96, 10_000)
        age_max = e.bup * 12 - 0.6
        # PNS: age from the pyramid truncated to what the career needs.
        lo_age = entry + smin
        hi_age = np.minimum(entry + smax, age_max)
        short = lo_age > hi_age
        entry = np.where(short, np.maximum(18.2 * 12, hi_age - smin), entry)
        lo_age = np.minimum(entry + smin, hi_age)
        age = _truncated_pyramid(rng, lo_age, hi_age)
        # CPNS: appointed in the last 12 months; PPPK: appointed in the last ~5.5 years.
        cpns, pns, pppk = e.status == 0, e.status == 1, e.status == 2
        s_cpns = rng.integers(0, 12, n)
        pppk_ago = np.floor(66 * rng.beta(1.0, 1.8, n)).astype(np.int64)
        pppk_age = np.minimum(rng.triangular(22.5, 34, 54, n) * 12, age_max - pppk_ago - 1)
        start_month = np.where(pns, 0, np.where(cpns, as_m - s_cpns, as_m - pppk_ago))
        age = np.where(cpns, entry + s_cpns + rng.random(n), np.where(pppk, pppk_age + pppk_ago + rng.random(n), age))
        age = np.minimum(age, age_max)
        birth = self.as_of_days - np.floor(age * _DAYS_PER_MONTH).astype(np.int64)
        # TMT CPNS: first day of the month after birth + entry age (PNS); fixed above for CPNS/PPPK.
        pns_start = _month_of(birth + np.floor(entry * _DAYS_PER_MONTH).astype(np.int64)) + 1
        start_month = np.where(pns, np.minimum(pns_start, as_m - 14), start_month)
        # Never before the month after the 18th birthday.
        min_start = _month_of(birth) + 18 * 12 + 1
        start_month = np.maximum(start_month, min_start)
        e.birth = birth
        e.start = _month_start(start_month)  # TMT CPNS (CPNS/PNS) or TMT PPPK
        e.start_month = start_month
        service = as_m - start_month
        e.tmt_pns = np.where(pns, _month_start(start_month + np.minimum(rng.integers(12, 25, n), service)), 0)
        # Pangkat chain: every >= 4 years, snapped to KP periods, no delay while below the position's floor.
        steps = np.zeros((n, 10), dtype=np.int64)
        prev = start_month.copy()
        valid = pns.copy()
        count = np.zeros(n, dtype=np.int64)
        for i in range(10):
            delay = np.where((i < needed) | (rng.random(n) < 0.55), 0, rng.integers(1, 25, n))
            cand = _snap_kp(prev + 48 + delay)
            valid = valid & (g0 + i + 1 <= hi) & (cand <= as_m)
            prev = np.where(valid, cand, prev)
            steps[:, i] = cand
            count += valid
        e.g0 = np.where(pppk, 0, g0)
        e.kp_steps = np.where(pppk, -1, count)  # -1: no pangkat (PPPK)
        e.kp_months = steps
        e.pangkat = np.where(pppk, 0, g0 + count)
        e.tmt_pangkat = _month_start(prev)
        # Graduation year of the highest education: before the TMT CPNS / PPPK year.
        grad_age = np.array([_GRAD_AGE[c] for c in EDU_CODES])[e.edu] + rng.integers(0, 4, n)
        birth_year = _year_of(birth)
        start_year = _year_of(e.start)
        e.grad_year = np.clip(birth_year + grad_age, birth_year + 11, start_year - 1)
        # Current jabatan TMT and the number of earlier positions.
        span_cap = np.where(e.jenis == 0, 84, np.where(e.jenis == 1, 120, 10_000))
        back = (rng.random(n) * (np.minimum(span_cap, service) + 1)).astype(np.int64)
        tmt_jab_month = np.where(pns, as_m - back, start_month)
        max_prev = np.clip((tmt_jab_month - start_month) // 36, 0, 3)
        n_prev = (rng.random(n) * (max_prev + 1)).astype(np.int64)
        n_prev = np.where((e.jenis == 0) & (max_prev > 0), np.maximum(n_prev, 1), n_prev)
        n_prev = np.where(pns, n_prev, 0)
        tmt_jab_month = np.where(n_prev == 0, start_month, tmt_jab_month)
        e.tmt_jab_month = tmt_jab_month
        e.n_prev = n_prev

    # ---------------------------------------------------------------- identity (names, NIP, NIK)
    def _identity(self, e: _Emp) -> None:
        rng = self.rng
        n = self.n
        f = e.female
        first, middle = _by_sex(rng, f, FIRST_FEMALE, FIRST_MALE), _by_sex(rng, f, FIRST_FEMALE, FIRST_MALE)
        last = _by_sex(rng, f, LAST_FEMALE, LAST_MALE)
        e.nama = (
            pl.DataFrame({"a": first, "b": middle, "c": last, "p": rng.random(n)})
            .select(
                pl.when(pl.col("p") < 0.1)
                .then(pl.col("a"))
                .when(pl.col("p") < 0.25)
                .then(pl.concat_str([pl.col("a"), pl.col("b"), pl.col("c")], separator=" "))
                .otherwise(pl.concat_str([pl.col("a"), pl.col("c")], separator=" "))
            )
            .to_series()
        )
        # Gelar and jurusan of the highest education, chosen from the position's profile.
        e.gelar_depan, e.gelar_belakang, e.jurusan = _gelar(rng, e.profil, e.edu)
        # NIP (Perka BKN 22/2007): birth date, TMT CPNS year-month, sex digit, serial from 001.
        # NI PPPK: 18 digits (format not verified, regulations.md §7.1): birth date, TMT year, "21",
        # sex digit, serial -- it is deliberately not a valid NIP (month 21).
        birth_s = _date_col(e.birth, "b").dt.to_string("%Y%m%d")
        start_s = _date_col(e.start, "s").dt.to_string("%Y%m")
        start_y = _date_col(e.start, "s").dt.to_string("%Y")
        sex = pl.Series(np.where(f, "2", "1"))
        pppk = pl.Series(e.status == 2)
        prefix = pl.select(
            pl.when(pl.lit(pppk))
            .then(pl.concat_str([birth_s, start_y, pl.lit("21"), sex]))
            .otherwise(pl.concat_str([birth_s, start_s, sex]))
        ).to_series()
        serial = self.serials.assign("nip", prefix)
        e.nip = (prefix + serial.cast(pl.Utf8).str.zfill(3)).alias("nip")
        # NIK (UU 24/2013): region (6), birth DDMMYY with day + 40 for women, serial (4).
        wilayah = _pick([s.wilayah for s in self.specs], e.inst)
        kec = pl.Series(rng.integers(1, 21, n)).cast(pl.Utf8).str.zfill(2)
        bd = _date_col(e.birth, "b")
        day = (bd.dt.day().cast(pl.Int32) + np.where(f, 40, 0)).cast(pl.Utf8).str.zfill(2)
        nik_prefix = pl.select(pl.concat_str([wilayah, kec, day, bd.dt.to_string("%m%y")])).to_series()
        nik_serial = self.serials.assign("nik", nik_prefix)
        e.nik = nik_prefix + nik_serial.cast(pl.Utf8).str.zfill(4)
        e.tempat_lahir = pl.select(
            pl.when(pl.lit(pl.Series(rng.random(n) < 0.55)))
            .then(_choose(rng, n, KECAMATAN_NAMES))
            .otherwise(_choose(rng, n, CITIES))
        ).to_series()
        e.agama = _pick(AGAMA, rng.choice(len(AGAMA), n, p=AGAMA_P))

    def _pegawai_frame(self, e: _Emp, inst_kode: np.ndarray) -> pl.DataFrame:
        n = self.n
        e.id = np.arange(1, n + 1, dtype=np.int64) + self.offsets.get("pegawai")
        pppk, cpns = e.status == 2, e.status == 0
        pangkat = pl.Series([None, *PANGKAT_CODES], dtype=pl.Utf8).gather(e.pangkat)
        return pl.DataFrame(
            [
                pl.Series("id", e.id),
                e.nip.alias("nip"),
                e.nik.alias("nik"),
                e.gelar_depan.alias("gelar_depan"),
                e.nama.alias("nama"),
                e.gelar_belakang.alias("gelar_belakang"),
                e.tempat_lahir.alias("tempat_lahir"),
                _date_col(e.birth, "tanggal_lahir"),
                pl.Series("jenis_kelamin", np.where(e.female, "P", "L")),
                e.agama.alias("agama"),
                _pick(("CPNS", "PNS", "PPPK"), e.status).alias("status"),
                _date_col(e.start, "tmt_cpns", ~pppk),
                _date_col(e.tmt_pns, "tmt_pns", e.status == 1),
                pangkat.alias("pangkat_kode"),
                _date_col(np.where(cpns, e.start, e.tmt_pangkat), "tmt_pangkat", ~pppk),
                pl.Series("jabatan_id", e.jab_id),
                _date_col(_month_start(e.tmt_jab_month), "tmt_jabatan"),
                pl.Series("unit_id", e.unit_id),
                _pick(EDU_CODES, e.edu).alias("pendidikan_kode"),
                pl.Series("aktif", np.ones(n, dtype=bool)),
                _pick(list(inst_kode), e.inst).alias("instansi_kode"),
            ]
        )

    # ---------------------------------------------------------------- histories
    def _histories(self, e: _Emp) -> dict[str, pl.DataFrame]:
        out = {
            "riwayat_pangkat": self._riwayat_pangkat(e),
            "riwayat_jabatan": self._riwayat_jabatan(e),
            "riwayat_pendidikan": self._riwayat_pendidikan(e),
            "riwayat_diklat": self._riwayat_diklat(e),
            "riwayat_kinerja": self._riwayat_kinerja(e),
            "riwayat_hukdis": self._riwayat_hukdis(e),
        }
        out["riwayat_asesmen"], out["nilai_asesmen"] = self._riwayat_asesmen(e)
        out["riwayat_penghargaan"] = self._riwayat_penghargaan(e)
        return out

    def _ids(self, table: str, count: int) -> pl.Series:
        return pl.Series("id", np.arange(1, count + 1, dtype=np.int64) + self.offsets.get(table))

    def _sk(self, prefix: str, days: np.ndarray) -> pl.Series:
        """Decree numbers like 823.3/123/BKPSDM/2019 (BKD before 2017)."""
        years = _year_of(days)
        agency = np.where(years < 2017, "BKD", "BKPSDM")
        num = self.rng.integers(1, 1000, days.size)
        return pl.select(
            pl.format(f"{prefix}/{{}}/{{}}/{{}}", pl.lit(pl.Series(num)), pl.lit(pl.Series(agency)), pl.lit(pl.Series(years)))
        ).to_series()

    def _sk_date(self, tmt: np.ndarray, birth: np.ndarray, before: int = 45, after: int = 20) -> np.ndarray:
        """An SK date near a TMT, after the birth date and not after as_of."""
        d = tmt + self.rng.integers(-before, after + 1, tmt.size)
        return np.clip(d, birth + 1, self.as_of_days)

    def _riwayat_pangkat(self, e: _Emp) -> pl.DataFrame:
        counts = np.where(e.kp_steps < 0, 0, e.kp_steps + 1)
        owner, k = _expand(counts)
        step_m = e.kp_months[owner, np.maximum(k - 1, 0)]
        month = np.where(k == 0, e.start_month[owner], step_m)
        tmt = _month_start(month)
        pangkat = e.g0[owner] + k
        service = month - e.start_month[owner]
        sk_date = self._sk_date(tmt, e.birth[owner])
        return pl.DataFrame(
            [
                self._ids("riwayat_pangkat", owner.size),
                pl.Series("pegawai_id", e.id[owner]),
                pl.Series([None, *PANGKAT_CODES], dtype=pl.Utf8).gather(pangkat).alias("pangkat_kode"),
                _date_col(tmt, "tmt"),
                pl.Series("jenis_kp", np.where(k == 0, "pengangkatan", "reguler")),
                pl.Series("masa_kerja_tahun", service // 12).cast(pl.Int16),
                pl.Series("masa_kerja_bulan", service % 12).cast(pl.Int16),
                pl.select(pl.when(pl.lit(pl.Series(k == 0))).then(self._sk("813.3", sk_date))
                          .otherwise(self._sk("823.3", sk_date))).to_series().alias("nomor_sk"),  # fmt: skip
                _date_col(sk_date, "tanggal_sk"),
            ]
        )

    def _riwayat_jabatan(self, e: _Emp) -> pl.DataFrame:
        rng = self.rng
        jab, new_id, seat, is_pel, inst, jenjang_j, tier_j = self.jab_lookup
        owner, k = _expand(e.n_prev + 1)
        n_prev = e.n_prev[owner]
        current = k == n_prev
        span = e.tmt_jab_month[owner] - e.start_month[owner]
        r = np.maximum(n_prev, 1)
        jitter = (rng.random(owner.size) * np.maximum(span // (2 * r), 0)).astype(np.int64)
        month = np.where(current, e.tmt_jab_month[owner], e.start_month[owner] + span * k // r + np.where(k > 0, jitter, 0))
        back = n_prev - k  # 1 = the position just before the current one
        emp_jab = e.jab_idx[owner]
        kept = new_id >= 0
        # JF: the same family in the same unit, `back` jenjang lower (when that position exists).
        family_j = jab["family"].astype(np.int64)
        unit_j = jab["unit_id"].astype(np.int64)
        jf_j = np.flatnonzero(kept & (family_j >= 0))
        keys = (unit_j[jf_j] * 1000 + family_j[jf_j]) * 100 + jenjang_j[jf_j]
        order = np.argsort(keys, kind="stable")
        keys, jf_j = keys[order], jf_j[order]
        fam = np.maximum(e.family[owner], 0)
        pos = _FAMILY_POS[fam, e.jenjang[owner]] - back
        is_jf_row = ~current & (e.jenis[owner] == 1) & (pos >= 0)
        want = (e.unit_id[owner] * 1000 + fam) * 100 + _FAMILY_ORDER[fam, np.maximum(pos, 0)]
        loc = np.minimum(np.searchsorted(keys, want), max(keys.size - 1, 0))
        found = is_jf_row & (keys.size > 0) & (keys[loc] == want) if keys.size else np.zeros(owner.size, dtype=bool)
        prev_jab = np.where(found, jf_j[loc] if jf_j.size else -1, -1)
        # Otherwise: a struktural post one tier lower per step back, or a pelaksana position.
        tier_pool = np.where(is_pel, 0, np.where(seat, tier_j, -1))
        pool = np.flatnonzero(kept & (tier_pool >= 0))
        group = inst[pool] * 4 + tier_pool[pool]
        order = np.argsort(group, kind="stable")
        group, pool = group[order], pool[order]
        n_groups = (int(inst.max()) + 1) * 4 if inst.size else 4
        starts = np.searchsorted(group, np.arange(n_groups))
        sizes = np.searchsorted(group, np.arange(n_groups), side="right") - starts
        wanted = np.where(e.jenis[owner] == 0, np.maximum(e.tier[owner] - back, 0), 0)
        g = e.inst[owner] * 4 + wanted
        g = np.where(sizes[g] > 0, g, e.inst[owner] * 4)
        pick = starts[g] + (rng.random(owner.size) * sizes[g]).astype(np.int64)
        from_pool = pool[np.minimum(pick, max(pool.size - 1, 0))] if pool.size else emp_jab
        prev_jab = np.where(prev_jab >= 0, prev_jab, np.where(sizes[g] > 0, from_pool, emp_jab))
        jab_idx = np.where(current, emp_jab, prev_jab)
        tmt = _month_start(month)
        sk_date = self._sk_date(tmt, e.birth[owner], 30, 10)
        return pl.DataFrame(
            [
                self._ids("riwayat_jabatan", owner.size),
                pl.Series("pegawai_id", e.id[owner]),
                pl.Series("jabatan_id", new_id[jab_idx]),
                pl.Series("unit_id", unit_j[jab_idx]),
                _date_col(tmt, "tmt"),
                self._sk("821.2", sk_date).alias("nomor_sk"),
                _date_col(sk_date, "tanggal_sk"),
            ]
        )

    def _riwayat_pendidikan(self, e: _Emp) -> pl.DataFrame:
        rng = self.rng
        n = self.n
        below = np.array([_EDU[b] if (b := _EDU_BELOW[c]) else -1 for c in EDU_CODES])
        lvl1 = below[e.edu]
        has1 = (lvl1 >= 0) & (rng.random(n) < np.where(e.edu >= _EDU["S2"], 0.95, 0.35))
        lvl2 = np.where(has1, below[np.maximum(lvl1, 0)], -1)
        has2 = has1 & (lvl2 >= 0) & (rng.random(n) < 0.3)
        owner, k = _expand(1 + has1 + has2)
        level = np.select([k == 0, k == 1], [e.edu[owner], lvl1[owner]], lvl2[owner])
        birth_year = _year_of(e.birth)[owner]
        typical = np.array([_GRAD_AGE[c] for c in EDU_CODES])[level] + birth_year + rng.integers(0, 2, owner.size)
        # Lower levels graduate before the next one: walk down from the highest.
        y1 = np.minimum(typical, e.grad_year[owner] - 1)
        y1_of_owner = np.zeros(n, dtype=np.int64)
        y1_of_owner[owner[k == 1]] = y1[k == 1]
        year = np.select([k == 0, k == 1], [e.grad_year[owner], y1], np.minimum(typical, y1_of_owner[owner] - 1))
        year = np.maximum(year, birth_year + 6)
        _depan, _belakang, jurusan = _gelar(rng, e.profil[owner], level)
        return pl.DataFrame(
            [
                self._ids("riwayat_pendidikan", owner.size),
                pl.Series("pegawai_id", e.id[owner]),
                _pick(EDU_CODES, level).alias("tingkat_kode"),
                _institution(rng, e.profil[owner], level).alias("nama_institusi"),
                pl.select(pl.when(pl.lit(pl.Series(k == 0))).then(e.jurusan.gather(owner))
                          .otherwise(jurusan)).to_series().alias("jurusan"),  # fmt: skip
                pl.Series("tahun_lulus", year).cast(pl.Int16),
                pl.Series("nomor_ijazah", [""] * owner.size, dtype=pl.Utf8),
            ]
        )

    def _riwayat_diklat(self, e: _Emp) -> pl.DataFrame:
        rng = self.rng
        n = self.n
        as_d = self.as_of_days
        start = e.start + 7
        pns = e.status == 1
        parts: list[pl.DataFrame] = []

        def add(owner: np.ndarray, jenis: str, nama: pl.Series, mulai: np.ndarray, durasi: np.ndarray,
                jp: np.ndarray) -> None:  # fmt: skip
            """Keep the trainings that fit between the appointment and as_of."""
            mulai = np.clip(mulai, start[owner], as_d - durasi)
            ok = mulai >= start[owner]
            parts.append(pl.DataFrame({"owner": owner[ok], "jenis": jenis, "nama": nama.filter(pl.Series(ok)),
                                       "mulai": mulai[ok], "selesai": mulai[ok] + durasi[ok], "jp": jp[ok]},
                                      schema=_DIKLAT_SCHEMA))  # fmt: skip

        # Kepemimpinan: the level of the current post and sometimes the lower ones (Diklatpim before 2019).
        kep_names = ("", "", "Diklatpim IV", "PKP", "Diklatpim III", "PKA", "Diklatpim II", "PKN II")  # by tier*2 + new
        kep_jp = np.array([0, 270, 300, 390])  # by tier
        for level_back, prob in ((0, 0.88), (1, 0.7), (2, 0.45)):
            lvl = e.tier - level_back
            owner = np.flatnonzero(pns & (e.jenis == 0) & (lvl >= 1) & (rng.random(n) < prob))
            base = _month_start(e.tmt_jab_month[owner] + rng.integers(-24, 13, owner.size) - 60 * level_back)
            mulai = base + rng.integers(0, 27, owner.size)
            names = _pick(kep_names, lvl[owner] * 2 + (mulai >= _days(date(2019, 1, 1))))
            add(owner, "kepemimpinan", names, mulai, rng.integers(60, 121, owner.size), kep_jp[lvl[owner]])
        # Fungsional: the diklat the JF requires (most holders), or a general one for JF needing none.
        jf = e.jenis == 1
        needs = e.needs_diklat
        ok = jf & ((needs & (rng.random(n) < 0.8)) | (~needs & (rng.random(n) < 0.15)))
        owner = np.flatnonzero(ok)
        jab, *_rest = self.jab_lookup
        required = _pick(list(jab["diklat_fungsional"]), e.jab_idx[owner])
        general = "Pelatihan Jabatan Fungsional " + _pick([f.nama for f in FAMILIES], np.maximum(e.family[owner], 0))
        names = pl.select(pl.when(pl.lit(required) != "").then(pl.lit(required)).otherwise(pl.lit(general))).to_series()
        mulai = _month_start(e.tmt_jab_month[owner] - rng.integers(0, 25, owner.size)) + rng.integers(0, 27, owner.size)
        add(owner, "fungsional", names, mulai, rng.integers(10, 40, owner.size),
            rng.choice(np.array([40, 60, 80, 100, 120]), owner.size))
        # Teknis: recent-skewed, 8-60 JP.
        lam = np.select([pns, e.status == 2], [2.4, 1.3], 0.6)
        cnt = rng.poisson(lam)
        owner, _k = _expand(cnt)
        months_ago = np.floor(72 * rng.beta(0.9, 2.4, owner.size)).astype(np.int64)
        mulai = _month_start(self.as_of_month - months_ago) + rng.integers(0, 27, owner.size)
        kat = e.kategori[owner]
        group = np.where(kat == "guru", 1, np.where(kat == "nakes", 2, 0))
        names_u = _choose(rng, owner.size, _TEKNIS["umum"])
        names_g = _choose(rng, owner.size, _TEKNIS["guru"])
        names_n = _choose(rng, owner.size, _TEKNIS["nakes"])
        specific = rng.random(owner.size) < 0.6
        nama = pl.select(
            pl.when(pl.lit(pl.Series((group == 1) & specific))).then(names_g)
            .when(pl.lit(pl.Series((group == 2) & specific))).then(names_n)
            .otherwise(names_u)
        ).to_series()  # fmt: skip
        jp = rng.choice(np.array([8, 12, 16, 20, 24, 30, 32, 40, 48, 60]), owner.size,
                        p=[0.08, 0.1, 0.14, 0.12, 0.16, 0.12, 0.1, 0.1, 0.05, 0.03])  # fmt: skip
        add(owner, "teknis", nama, mulai, np.maximum(jp // 8, 1) + rng.integers(0, 3, owner.size), jp)
        # Seminar / workshop / course: 4-16 JP within the last four years.
        cnt = rng.poisson(np.where(pns, 1.2, 0.7))
        owner, _k = _expand(cnt)
        months_ago = np.floor(48 * rng.beta(1.0, 1.6, owner.size)).astype(np.int64)
        mulai = _month_start(self.as_of_month - months_ago) + rng.integers(0, 27, owner.size)
        add(owner, "seminar", _choose(rng, owner.size, _SEMINAR), mulai, rng.integers(0, 3, owner.size),
            rng.integers(4, 17, owner.size))

        frame = pl.concat(parts)
        frame = frame.unique(subset=["owner", "jenis", "nama", "mulai"], keep="first", maintain_order=True)
        frame = frame.sort(["owner", "mulai", "jenis"])
        owner = frame["owner"].to_numpy()
        mulai = frame["mulai"].to_numpy()
        selesai = frame["selesai"].to_numpy()
        jenis = frame["jenis"]
        formal = jenis.is_in(["kepemimpinan", "fungsional"]).to_numpy()
        penyelenggara = pl.select(
            pl.when(pl.lit(jenis) == "kepemimpinan").then(_choose(rng, owner.size, _PENYELENGGARA["kepemimpinan"]))
            .when(pl.lit(jenis) == "fungsional").then(_choose(rng, owner.size, _PENYELENGGARA["fungsional"]))
            .when(pl.lit(jenis) == "teknis").then(_choose(rng, owner.size, _PENYELENGGARA["teknis"]))
            .otherwise(_choose(rng, owner.size, _PENYELENGGARA["seminar"]))
        ).to_series()  # fmt: skip
        sttpp = pl.select(
            pl.when(pl.lit(pl.Series(formal)))
            .then(pl.format("STTPP/{}/{}", pl.lit(pl.Series(rng.integers(100, 10000, owner.size))),
                            pl.lit(pl.Series(_year_of(selesai)))))
            .otherwise(pl.lit(""))
        ).to_series()  # fmt: skip
        return pl.DataFrame(
            [
                self._ids("riwayat_diklat", owner.size),
                pl.Series("pegawai_id", e.id[owner]),
                jenis,
                frame["nama"],
                penyelenggara.alias("penyelenggara"),
                frame["jp"].cast(pl.Int32),
                _date_col(mulai, "tanggal_mulai"),
                _date_col(selesai, "tanggal_selesai"),
                sttpp.alias("nomor_sk"),
                _date_col(selesai, "tanggal_sk", formal),
            ]
        )

    def _riwayat_kinerja(self, e: _Emp) -> pl.DataFrame:
        rng = self.rng
        n = self.n
        as_year = self.as_of.year
        first = np.maximum(_year_of(e.start), as_year - 9)
        counts = np.maximum(as_year - first, 0)
        owner, k = _expand(counts)
        year = first[owner] + k
        # A few employees miss one year.
        missing = np.full(n, -1)
        gap = (rng.random(n) < 0.02) & (counts >= 3)
        missing[gap] = first[gap] + rng.integers(0, np.maximum(counts[gap], 1))
        keep = year != missing[owner]
        owner, year = owner[keep], year[keep]
        person = rng.normal(0, 1, n)[owner]
        latent_h = 0.6 * person + 0.8 * rng.normal(0, 1, owner.size)
        latent_p = 0.6 * person + 0.8 * rng.normal(0, 1, owner.size)
        rated = year >= 2022

        def rating(z: np.ndarray, top: float) -> np.ndarray:
            return np.where(z > top, "di_atas", np.where(z < -1.645, "di_bawah", "sesuai"))

        nilai = np.clip(np.round(83 + 3.5 * person + 3.0 * rng.normal(0, 1, owner.size), 2), 60, 98)
        return pl.DataFrame(
            [
                self._ids("riwayat_kinerja", owner.size),
                pl.Series("pegawai_id", e.id[owner]),
                pl.Series("tahun", year).cast(pl.Int16),
                pl.Series("hasil_kerja", np.where(rated, rating(latent_h, 0.915), "")),
                pl.Series("perilaku_kerja", np.where(rated, rating(latent_p, 1.0), "")),
                pl.Series("nilai", np.where(rated, np.nan, nilai)).fill_nan(None).cast(pl.Decimal(5, 2)),
            ]
        )

    def _riwayat_hukdis(self, e: _Emp) -> pl.DataFrame:
        rng = self.rng
        n = self.n
        owner = np.flatnonzero(rng.random(n) < 0.025)
        earliest = np.maximum(e.start[owner] + 180, self.as_of_days - 8 * 365)
        latest = self.as_of_days - 1
        ok = earliest < latest
        owner, earliest = owner[ok], earliest[ok]
        m = owner.size
        tanggal = earliest + (rng.random(m) * (latest - earliest)).astype(np.int64)
        u = rng.random(m)
        tingkat = np.where(u < 0.6, "ringan", np.where(u < 0.9, "sedang", "berat"))
        era = np.where(tanggal >= _days(_PP94_FROM), "pp94", "pp53")
        jenis = np.array([_HUKDIS[(er, t)][int(r * len(_HUKDIS[(er, t)]))]
                          for er, t, r in zip(era, tingkat, rng.random(m), strict=True)], dtype=object)  # fmt: skip
        mulai = np.minimum(tanggal + rng.integers(0, 15, m), self.as_of_days)
        months = np.array([_HUKDIS_MONTHS[j] for j in jenis])
        selesai = _month_start(_month_of(mulai) + months) + (mulai - _month_start(_month_of(mulai))) - 1
        lo_hi = np.array([_HUKDIS_ABSENCE[t] for t in tingkat]).reshape(-1, 2)
        hari = lo_hi[:, 0] + (rng.random(m) * (lo_hi[:, 1] - lo_hi[:, 0] + 1)).astype(np.int64)
        return pl.DataFrame(
            [
                self._ids("riwayat_hukdis", m),
                pl.Series("pegawai_id", e.id[owner]),
                pl.Series("tingkat", list(tingkat), dtype=pl.Utf8),
                pl.Series("jenis", list(jenis), dtype=pl.Utf8),
                self._sk("800.1.6.4", tanggal).alias("nomor_sk"),
                _date_col(tanggal, "tanggal_sk"),
                _date_col(mulai, "tmt_mulai"),
                _date_col(selesai, "tmt_selesai", months > 0),
                pl.select(pl.format("Tidak masuk kerja tanpa alasan yang sah selama {} hari kerja dalam setahun",
                                    pl.lit(pl.Series(hari)))).to_series().alias("keterangan"),  # fmt: skip
            ]
        )

    def _riwayat_asesmen(self, e: _Emp) -> tuple[pl.DataFrame, pl.DataFrame]:
        rng = self.rng
        n = self.n
        pns = e.status == 1
        ahli = np.isin(e.jenjang, [_J["ahli_pertama"], _J["ahli_muda"], _J["ahli_madya"], _J["ahli_utama"]])
        eligible = pns & (((e.jenis == 0) & (rng.random(n) < 0.9)) | ((e.jenis == 1) & ahli & (rng.random(n) < 0.6)))
        two = rng.random(n) < 0.35
        counts = np.where(eligible, 1 + two, 0)
        owner, k = _expand(counts)
        recent = self.as_of_days - rng.integers(20, 48 * 30, n)
        older = recent - rng.integers(24 * 30, 48 * 30, n)
        tanggal = np.where(k == 0, np.where(counts[owner] == 2, older[owner], recent[owner]), recent[owner])
        ok = tanggal >= e.start[owner] + 365
        owner, k, tanggal = owner[ok], k[ok], tanggal[ok]
        m = owner.size
        ids = self._ids("riwayat_asesmen", m)
        asesor_first = _pick(FIRST_MALE + FIRST_FEMALE, rng.integers(0, len(FIRST_MALE) + len(FIRST_FEMALE), 30))
        asesor_last = _pick(LAST_MALE + LAST_FEMALE, rng.integers(0, len(LAST_MALE) + len(LAST_FEMALE), 30))
        asesor_pool = (asesor_first + " " + asesor_last + ", S.Psi., M.Psi., Psikolog").to_list()
        asesmen = pl.DataFrame(
            [
                ids,
                pl.Series("pegawai_id", e.id[owner]),
                _date_col(tanggal, "tanggal"),
                _choose(rng, m, asesor_pool).alias("asesor"),
                _choose(rng, m, _LEMBAGA_ASESMEN).alias("lembaga"),
                _choose(rng, m, _METODE_ASESMEN).alias("metode"),
                pl.Series("nomor_sk", [""] * m, dtype=pl.Utf8),
                _date_col(tanggal, "tanggal_sk", np.zeros(m, dtype=bool)),
            ]
        )
        # Levels around the position standard: a personal ability plus noise, older ones a bit lower.
        kk = len(KOMPETENSI_CODES)
        ability = rng.normal(0.05, 0.65, n)[owner]
        is_older = (counts[owner] == 2) & (k == 0)
        delta = np.rint(ability[:, None] + rng.normal(0, 0.5, (m, kk)) - np.where(is_older, 0.35, 0.0)[:, None])
        levels = np.clip(e.std[owner] + delta, 1, 5).astype(np.int64)
        nilai = pl.DataFrame(
            {
                "id": np.arange(1, m * kk + 1, dtype=np.int64) + self.offsets.get("nilai_asesmen"),
                "asesmen_id": np.repeat(ids.to_numpy(), kk),
                "kompetensi_kode": list(KOMPETENSI_CODES) * m,
                "level": levels.reshape(-1),
            },
            schema_overrides={"level": pl.Int16},
        )
        return asesmen, nilai

    def _riwayat_penghargaan(self, e: _Emp) -> pl.DataFrame:
        rng = self.rng
        n = self.n
        start_year = _year_of(e.start)
        rows: list[tuple[np.ndarray, np.ndarray, str]] = []
        for years, nama in _SATYALANCANA.items():
            award_year = start_year + years + rng.integers(0, 3, n)
            # Awarded around 17 August; pull back a year if that is after as_of.
            late = _year_start(award_year) + 228 > self.as_of_days
            award_year = np.where(late, award_year - 1, award_year)
            ok = (e.status == 1) & (award_year >= start_year + years) & (_year_start(award_year) + 228 <= self.as_of_days)
            ok &= rng.random(n) < 0.85
            owner = np.flatnonzero(ok)
            rows.append((owner, award_year[owner], nama))
        owner = np.concatenate([r[0] for r in rows])
        tahun = np.concatenate([r[1] for r in rows])
        nama = np.concatenate([np.full(r[0].size, r[2], dtype=object) for r in rows])
        order = np.lexsort((tahun, owner))
        owner, tahun, nama = owner[order], tahun[order], nama[order]
        m = owner.size
        tanggal = _year_start(tahun) + 200 + rng.integers(0, 28, m)
        return pl.DataFrame(
            [
                self._ids("riwayat_penghargaan", m),
                pl.Series("pegawai_id", e.id[owner]),
                pl.Series("nama", list(nama), dtype=pl.Utf8),
                pl.Series("tahun", tahun).cast(pl.Int16),
                pl.Series("pemberi", ["Presiden RI"] * m, dtype=pl.Utf8),
                pl.select(pl.format("Keputusan Presiden Nomor {}/TK/Tahun {}", pl.lit(pl.Series(rng.integers(1, 90, m))),
                                    pl.lit(pl.Series(tahun)))).to_series().alias("nomor_sk"),  # fmt: skip
                _date_col(tanggal, "tanggal_sk"),
            ]
        )


@dataclass
class _Emp:
    """Per-employee arrays while building (internal)."""

    jab_idx: np.ndarray
    jab_id: np.ndarray = field(default_factory=lambda: np.empty(0))
    unit_id: np.ndarray = field(default_factory=lambda: np.empty(0))
    inst: np.ndarray = field(default_factory=lambda: np.empty(0))
    jenjang: np.ndarray = field(default_factory=lambda: np.empty(0))
    jenis: np.ndarray = field(default_factory=lambda: np.empty(0))
    family: np.ndarray = field(default_factory=lambda: np.empty(0))
    kategori: np.ndarray = field(default_factory=lambda: np.empty(0))
    bup: np.ndarray = field(default_factory=lambda: np.empty(0))
    pos_lo: np.ndarray = field(default_factory=lambda: np.empty(0))
    pos_hi: np.ndarray = field(default_factory=lambda: np.empty(0))
    profil: np.ndarray = field(default_factory=lambda: np.empty(0))
    eselon: np.ndarray = field(default_factory=lambda: np.empty(0))
    tier: np.ndarray = field(default_factory=lambda: np.empty(0))
    needs_diklat: np.ndarray = field(default_factory=lambda: np.empty(0))
    status: np.ndarray = field(default_factory=lambda: np.empty(0))
    female: np.ndarray = field(default_factory=lambda: np.empty(0))
    edu: np.ndarray = field(default_factory=lambda: np.empty(0))
    birth: np.ndarray = field(default_factory=lambda: np.empty(0))
    start: np.ndarray = field(default_factory=lambda: np.empty(0))
    start_month: np.ndarray = field(default_factory=lambda: np.empty(0))
    tmt_pns: np.ndarray = field(default_factory=lambda: np.empty(0))
    g0: np.ndarray = field(default_factory=lambda: np.empty(0))
    kp_steps: np.ndarray = field(default_factory=lambda: np.empty(0))
    kp_months: np.ndarray = field(default_factory=lambda: np.empty(0))
    pangkat: np.ndarray = field(default_factory=lambda: np.empty(0))
    tmt_pangkat: np.ndarray = field(default_factory=lambda: np.empty(0))
    grad_year: np.ndarray = field(default_factory=lambda: np.empty(0))
    tmt_jab_month: np.ndarray = field(default_factory=lambda: np.empty(0))
    n_prev: np.ndarray = field(default_factory=lambda: np.empty(0))
    std: np.ndarray = field(default_factory=lambda: np.empty(0))
    id: np.ndarray = field(default_factory=lambda: np.empty(0))
    nama: pl.Series = field(default_factory=pl.Series)
    gelar_depan: pl.Series = field(default_factory=pl.Series)
    gelar_belakang: pl.Series = field(default_factory=pl.Series)
    jurusan: pl.Series = field(default_factory=pl.Series)
    nip: pl.Series = field(default_factory=pl.Series)
    nik: pl.Series = field(default_factory=pl.Series)
    tempat_lahir: pl.Series = field(default_factory=pl.Series)
    agama: pl.Series = field(default_factory=pl.Series)


# --------------------------------------------------------------------------------------------
# Option tables for gelar/jurusan and institutions
# --------------------------------------------------------------------------------------------


def _option_table() -> tuple[np.ndarray, np.ndarray, list[str], list[str], list[str]]:
    """Flattened (jurusan, gelar depan, gelar belakang) options with start/count per (profile, level)."""
    start = np.zeros((len(PROFILE_NAMES), len(EDU_CODES)), dtype=np.int64)
    count = np.zeros_like(start)
    jurusan: list[str] = []
    depan: list[str] = []
    belakang: list[str] = []
    for p, name in enumerate(PROFILE_NAMES):
        for lv, code in enumerate(EDU_CODES):
            options = _PROFILES[name].get(code) or _GENERIC[code]
            start[p, lv] = len(jurusan)
            count[p, lv] = len(options)
            for j, d, b in options:
                jurusan.append(j)
                depan.append(d)
                belakang.append(b)
    return start, count, jurusan, depan, belakang


_OPTIONS = _option_table()


def _gelar(rng: np.random.Generator, profil: np.ndarray, level: np.ndarray) -> tuple[pl.Series, pl.Series, pl.Series]:
    """Gelar depan, gelar belakang and jurusan for each (profile, education level)."""
    start, count, jurusan, depan, belakang = _OPTIONS
    idx = start[profil, level] + (rng.random(profil.size) * count[profil, level]).astype(np.int64)
    return _pick(depan, idx), _pick(belakang, idx), _pick(jurusan, idx)


def _institution(rng: np.random.Generator, profil: np.ndarray, level: np.ndarray) -> pl.Series:
    """Invented school and university names, e.g. "SMA Negeri 3 Bandung", "Universitas Graha Widya Medan"."""
    m = profil.size
    codes = np.array(EDU_CODES, dtype=object)[level]
    nakes = np.isin(profil, [_P[p] for p in _NAKES_PROFILES])
    guru = profil == _P["guru"]
    city = _choose(rng, m, CITIES)
    adj = _choose(rng, m, _UNI_ADJ)
    num = pl.Series(rng.integers(1, 13, m)).cast(pl.Utf8)
    school = pl.Series(
        np.select([codes == "SD", codes == "SLTP", rng.random(m) < 0.65], ["SD Negeri", "SMP Negeri", "SMA Negeri"],
                  "SMK Negeri").astype(object)  # fmt: skip
    ).cast(pl.Utf8)
    diploma = pl.select(
        pl.when(pl.lit(pl.Series(nakes))).then(_choose(rng, m, _DIPLOMA_NAKES)).otherwise(_choose(rng, m, _DIPLOMA_GENERAL))
    ).to_series()
    higher = pl.select(
        pl.when(pl.lit(pl.Series(nakes))).then(_choose(rng, m, _HIGHER_NAKES))
        .when(pl.lit(pl.Series(guru))).then(_choose(rng, m, _HIGHER_GURU))
        .otherwise(_choose(rng, m, _HIGHER_GENERAL))
    ).to_series()  # fmt: skip
    is_school = pl.Series(np.isin(codes, ["SD", "SLTP", "SLTA"]))
    is_diploma = pl.Series(np.isin(codes, ["D1", "D2", "D3"]))
    return pl.select(
        pl.when(pl.lit(is_school)).then(pl.concat_str([pl.lit(school), pl.lit(num), pl.lit(city)], separator=" "))
        .when(pl.lit(is_diploma)).then(pl.concat_str([pl.lit(diploma), pl.lit(adj), pl.lit(city)], separator=" "))
        .otherwise(pl.concat_str([pl.lit(higher), pl.lit(adj), pl.lit(city)], separator=" "))
    ).to_series()  # fmt: skip


def _initials(nama: str) -> str:
    skip = {"dan", "di", "dalam", "dari"}
    words = [w for w in nama.replace(",", " ").split() if w.lower() not in skip and w[0].isalpha()]
    return "".join(w if w.isupper() else w[0].upper() for w in words)[:12]


def _pyramid_cdf() -> tuple[np.ndarray, np.ndarray]:
    grid = np.arange(18 * 12, 67 * 12 + 1, dtype=float)
    ages = np.array([a for a, _ in _PYRAMID], dtype=float) * 12
    weights = np.array([w for _, w in _PYRAMID])
    density = np.interp(grid, ages, weights) + 1e-6
    cdf = np.concatenate([[0.0], np.cumsum(density[:-1])])
    return grid, cdf / cdf[-1]


_GRID, _CDF = _pyramid_cdf()


def _truncated_pyramid(rng: np.random.Generator, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Ages in months from the PNS pyramid, truncated to [lo, hi] per row (inverse CDF)."""
    f_lo = np.interp(lo, _GRID, _CDF)
    f_hi = np.interp(np.maximum(hi, lo), _GRID, _CDF)
    u = f_lo + rng.random(lo.size) * (f_hi - f_lo)
    return np.clip(np.interp(u, _CDF, _GRID), lo, np.maximum(hi, lo))

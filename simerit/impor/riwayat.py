"""The dry run of a history or organisation file (every kind in `columns.JENIS` but the employee
file): the same report, plan and commit as the employee import (`validate.Plan`, `Reporter`,
`parse_date`), driven by one small spec per kind.

Four phases. (1) Vectorised column checks in polars: required cells, dates (valid, not in the
future), whole numbers, coded values, unknown NIP / golongan / unit / kompetensi, rows outside the
user's scope. (2) The rows that pass are built as model objects and go through `full_clean()`.
(3) The same natural key twice in the file: identical rows are imported once (warning), differing
rows are refused. (4) History that contradicts itself (docs/decisions/0051-import-history-checks.md):
refused when it cannot be true, a warning when it may be. Then each row is new, changed or unchanged
against the stored row with the same natural key. Nothing is written here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import polars as pl
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from simerit.core.models import CHANGE, Instansi, Role
from simerit.impor.columns import JENIS, Jenis, Kolom
from simerit.impor.reader import ROW, ImportFileError, Table
from simerit.impor.validate import Plan, Progress, Reporter, golongan_expr, parse_date
from simerit.organisasi.choices import DiklatKepemimpinan, Eselon, JenisJabatan, JenjangJabatan
from simerit.organisasi.models import Jabatan, StandarKompetensi, UnitOrganisasi
from simerit.pegawai.choices import TINGKAT_BY_JENIS, JenisDiklat, JenisHukdis, Rating, TingkatHukdis
from simerit.pegawai.models import (
    NilaiAsesmen,
    Pegawai,
    RiwayatAsesmen,
    RiwayatDiklat,
    RiwayatHukdis,
    RiwayatJabatan,
    RiwayatKinerja,
    RiwayatPangkat,
    RiwayatPendidikan,
)
from simerit.referensi.models import Kompetensi, Pangkat, TingkatPendidikan
from simerit.rules._dates import add_months

CHUNK = 5000
# Columns naming another row (resolved against the database, not coded values).
REFERENCES = {"nip", "pangkat", "tingkat", "unit", "jabatan", "kompetensi", "parent"}
DEMOTION = (JenisHukdis.PENURUNAN_PANGKAT_1, JenisHukdis.PENURUNAN_PANGKAT_3)
CPNS_MIN_AGE_MONTHS = 18 * 12  # PP 11/2017 Pasal 23 ayat (1) huruf a (decision 0051)


def _is_reference(kind: Jenis, key: str) -> bool:
    return key in REFERENCES and key not in CODES.get(kind.kode, {})


def _norm(value: object) -> str:
    return re.sub(r"[\s_]+", " ", str(value).strip().lower())


def _choices(choices: type[models.TextChoices], **extra: str) -> dict[str, str]:
    out = {}
    for value, label in choices.choices:
        out[_norm(value)] = value
        out[_norm(label)] = value
    out.update({_norm(k): v for k, v in extra.items()})
    return out


_RATING = _choices(Rating, **{"di atas": Rating.DI_ATAS, "sesuai": Rating.SESUAI, "di bawah": Rating.DI_BAWAH})
CODES: dict[str, dict[str, dict[str, str]]] = {
    "pangkat": {
        "jenis_kp": _choices(
            RiwayatPangkat.JenisKP, **{"pengangkatan cpns": "pengangkatan", "penyesuaian ijazah": "ijazah"}
        )
    },
    "diklat": {
        "jenis": _choices(
            JenisDiklat,
            seminar="seminar",
            kursus="seminar",
            lokakarya="seminar",
            magang="seminar",
            struktural="kepemimpinan",
            diklatpim="kepemimpinan",
        )
    },
    "kinerja": {"hasil_kerja": _RATING, "perilaku_kerja": _RATING},
    "hukdis": {"jenis": _choices(JenisHukdis), "tingkat": _choices(TingkatHukdis)},
    "jabatan_unit": {
        "jenis": _choices(JenisJabatan),
        "jenjang": _choices(JenjangJabatan),
        "eselon": _choices(Eselon),
        "diklat_kepemimpinan": _choices(DiklatKepemimpinan),
    },
}
BOOL = {
    "ya": True,
    "y": True,
    "1": True,
    "true": True,
    "benar": True,
    "tidak": False,
    "t": False,
    "0": False,
    "false": False,
    "salah": False,
}


@dataclass
class Spec:
    model: type[models.Model]
    fields: tuple[str, ...]  # attnames compared and written
    key: Callable[[Any], tuple[Any, ...]]  # natural key of an object
    label: Callable[[Any], tuple[str, str]]  # (key, name) in the report's list of changes


def _peg_label(obj: Any) -> tuple[str, str]:
    return obj.pegawai.nip, f"{obj.pegawai.nama}: {obj}"


_RIWAYAT = ("nomor_sk", "tanggal_sk")
SPECS: dict[str, Spec] = {
    "pangkat": Spec(
        RiwayatPangkat,
        ("jenis_kp", "masa_kerja_tahun", "masa_kerja_bulan", *_RIWAYAT),
        lambda o: (o.pegawai_id, o.pangkat_id, o.tmt),
        _peg_label,
    ),
    "jabatan": Spec(RiwayatJabatan, ("unit_id", *_RIWAYAT), lambda o: (o.pegawai_id, o.jabatan_id, o.tmt), _peg_label),
    "pendidikan": Spec(
        RiwayatPendidikan,
        ("nama_institusi", "jurusan", "nomor_ijazah"),
        lambda o: (o.pegawai_id, o.tingkat_id, o.tahun_lulus),
        _peg_label,
    ),
    "diklat": Spec(
        RiwayatDiklat,
        ("penyelenggara", "jp", "tanggal_selesai", *_RIWAYAT),
        lambda o: (o.pegawai_id, o.jenis, o.nama, o.tanggal_mulai),
        _peg_label,
    ),
    "kinerja": Spec(
        RiwayatKinerja,
        ("hasil_kerja", "perilaku_kerja", "nilai", *_RIWAYAT),
        lambda o: (o.pegawai_id, o.tahun),
        _peg_label,
    ),
    "hukdis": Spec(
        RiwayatHukdis,
        ("tingkat", "nomor_sk", "tmt_mulai", "tmt_selesai", "keterangan"),
        lambda o: (o.pegawai_id, o.jenis, o.tanggal_sk),
        _peg_label,
    ),
    "asesmen": Spec(RiwayatAsesmen, ("asesor", "lembaga", "metode"), lambda o: (o.pegawai_id, o.tanggal), _peg_label),
    "unit": Spec(
        UnitOrganisasi, ("nama", "singkatan", "parent_id", "unor_id"), lambda o: (o.kode,), lambda o: (o.kode, o.nama)
    ),
    "jabatan_unit": Spec(
        Jabatan,
        (
            "nama",
            "jenis",
            "jenjang",
            "eselon",
            "kelas_jabatan",
            "bup",
            "diklat_kepemimpinan",
            "diklat_fungsional",
            "kebutuhan",
            "kritis",
        ),
        lambda o: (o.unit_id, o.nama.strip().lower()),
        lambda o: (o.unit.kode, o.nama),
    ),
    "standar": Spec(
        StandarKompetensi,
        ("level",),
        lambda o: (o.jabatan_id, o.kompetensi_id),
        lambda o: (f"{o.jabatan.unit.kode} · {o.jabatan.nama}", o.kompetensi.kode),
    ),
}


class Context:
    """What the rows refer to, read once per file."""

    def __init__(self, instansi: Instansi, user: Any) -> None:
        self.instansi, self.user = instansi, user
        self.units = {u.kode: u for u in UnitOrganisasi.objects.filter(instansi=instansi)}
        self.pangkat = {p.kode: p for p in Pangkat.objects.all()}
        self.tingkat = {t.kode: t for t in TingkatPendidikan.objects.all()}
        self.kompetensi = {k.kode.lower(): k for k in Kompetensi.objects.all()}
        self.pegawai: dict[str, Pegawai] = {}
        self._jabatan: dict[tuple[int, str], Jabatan] | None = None
        self.incomplete: set[int] = set()  # employees with a refused row in the file

    @property
    def jabatan(self) -> dict[tuple[int, str], Jabatan]:
        if self._jabatan is None:
            self._jabatan = {
                (j.unit_id, j.nama.strip().lower()): j
                for j in Jabatan.objects.filter(instansi=self.instansi).select_related("unit")
            }
        return self._jabatan

    def find_jabatan(self, unit_kode: str | None, nama: str | None) -> Jabatan | None:
        unit = self.units.get(unit_kode or "")
        return self.jabatan.get((unit.pk, nama.strip().lower())) if unit and nama else None


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(values), CHUNK):
        yield values[i : i + CHUNK]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def dry_run_kind(table: Table, *, instansi: Instansi, user: Any, progress: Progress | None = None) -> Plan:
    tick = progress or (lambda p, s: None)
    kind = JENIS[table.jenis]
    spec = SPECS[kind.kode]
    if kind.admin_only and not (user.is_superuser or user.role == Role.ADMIN):
        raise ImportFileError(
            f"{kind.label} hanya dapat diimpor oleh Admin BKPSDM: struktur organisasi berlaku untuk seluruh instansi."
        )
    by_key = kind.by_key
    extra_key = {v: k for k, v in table.extra_headers.items()}  # "+kode" -> header in the file

    def head(key: str) -> str:
        if key in extra_key:
            return extra_key[key]
        return by_key[key].header if key in by_key else key

    plan = Plan(
        rows=table.frame.height,
        model=spec.model,
        label=spec.label,
        save_each=kind.kode == "unit",
        header=lambda f: head(f) if f.startswith("+") else head(f.removesuffix("_id")),
    )
    rep = Reporter(plan, table.sheet, head)
    ctx = Context(instansi, user)
    today = timezone.localdate()
    df = table.frame
    for k in kind.kolom:
        if k.key not in df.columns:
            df = df.with_columns(pl.lit(None, dtype=pl.Utf8).alias(k.key))
    present = set(table.frame.columns)
    df = df.with_columns(_typed(k, kind) for k in kind.kolom if k.kind != "text" and not _is_reference(kind, k.key))
    tick(15, "Memeriksa kolom wajib, tanggal dan kode")

    def each(mask: pl.Expr, key: str, reason: Callable[[dict[str, Any]], str] | str) -> None:
        rep.each(df, mask, key, reason)

    # (1) Column by column.
    for k in kind.kolom:
        if k.header in kind.required:
            each(pl.col(k.key).is_null(), k.key, f"{k.header} wajib diisi.")
    for k in kind.kolom:
        if _is_reference(kind, k.key) or k.kind == "text":
            continue
        bad = pl.col(k.key).is_not_null() & pl.col(f"_{k.key}").is_null()
        if k.kind == "date":
            each(bad, k.key, "Bukan tanggal yang sah; gunakan sel tanggal Excel atau teks DD-MM-YYYY.")
            each(pl.col(f"_{k.key}") > today, k.key, f"{k.header} tidak boleh di masa depan.")
        elif k.kind == "int":
            each(bad, k.key, f"{k.header} harus bilangan bulat (tanpa huruf atau desimal).")
        elif k.kind == "decimal":
            each(bad, k.key, f"{k.header} harus angka, mis. 85,5.")
        elif k.kind == "bool":
            each(bad, k.key, f"{k.header} harus Ya atau Tidak.")
        elif k.key in CODES.get(kind.kode, {}):
            allowed = sorted(set(CODES[kind.kode][k.key].values()))
            each(
                bad,
                k.key,
                lambda r, k=k, allowed=allowed: (
                    f"{k.header} '{r[k.key]}' tidak dikenal; gunakan salah satu: {', '.join(allowed)}."
                ),
            )
    if "tahun" in by_key or "tahun_lulus" in by_key:
        key = "tahun" if "tahun" in by_key else "tahun_lulus"
        each(pl.col(f"_{key}") > today.year, key, f"{head(key)} tidak boleh di masa depan.")
    _check_references(df, table, kind, ctx, rep, each)
    tick(35, "Memeriksa aturan data")

    # (2) Build the rows that passed and let the model check them.
    good = df.filter(~pl.col(ROW).is_in(list(plan.refused_rows)))
    built: list[tuple[int, Any, dict[str, int]]] = []
    total = max(good.height, 1)
    exclude = ["instansi", "pegawai", "pangkat", "tingkat", "unit", "jabatan", "kompetensi", "parent"]
    for n, r in enumerate(good.iter_rows(named=True)):
        if n % 2000 == 0:
            tick(35 + int(45 * n / total), "Memeriksa aturan data")
        obj, levels = _build(kind, spec, r, ctx, rep)
        if obj is None:
            continue
        try:
            obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for fld, messages in exc.message_dict.items():
                key = "nip" if fld == "pegawai" else fld
                key = key if key in by_key else kind.kolom[0].key
                rep.problem(r[ROW], key, r.get(key), " ".join(messages))
            continue
        built.append((r[ROW], obj, levels))
    if kind.kode == "unit":
        built = _link_units(built, ctx, rep)

    # (3) The same natural key twice in the file.
    built = _duplicates(built, spec, kind, rep)
    # (4) History that contradicts itself.
    tick(85, "Memeriksa riwayat yang bertentangan")
    existing = _existing(spec, kind, built, ctx)
    check = CHECKS.get(kind.kode)
    if "nip" in df.columns:
        # An employee with a refused row: their history in the file is incomplete, so no
        # "newest row" warning is drawn from the rest of it.
        refused = df.filter(pl.col(ROW).is_in(list(plan.refused_rows)))["nip"].drop_nulls().to_list()
        ctx.incomplete = {ctx.pegawai[n].pk for n in refused if n in ctx.pegawai}
    if check is not None:
        check(built, existing, ctx, rep)
    # New, changed or unchanged.
    built = [b for b in built if b[0] not in plan.refused_rows]
    _plan_rows(plan, spec, kind, built, existing, present)
    rep.finish()
    tick(95, "Menyusun laporan")
    return plan


def _typed(k: Kolom, kind: Jenis) -> pl.Expr:
    col = pl.col(k.key)
    if k.kind == "date":
        return parse_date(k.key).alias(f"_{k.key}")
    if k.kind == "int":
        return col.str.replace(r"^(-?\d+)\.0+$", "$1").str.to_integer(strict=False).alias(f"_{k.key}")
    if k.kind == "decimal":
        return col.str.replace(",", ".", literal=True).cast(pl.Float64, strict=False).alias(f"_{k.key}")
    if k.kind == "bool":
        return col.str.to_lowercase().replace_strict(BOOL, default=None, return_dtype=pl.Boolean).alias(f"_{k.key}")
    codes = CODES.get(kind.kode, {}).get(k.key)
    if codes is not None:
        normalised = col.str.strip_chars().str.to_lowercase().str.replace_all(r"[\s_]+", " ")
        return normalised.replace_strict(codes, default=None, return_dtype=pl.Utf8).alias(f"_{k.key}")
    return col.alias(f"_{k.key}")


def _check_references(
    df: pl.DataFrame, table: Table, kind: Jenis, ctx: Context, rep: Reporter, each: Callable[..., None]
) -> None:
    """Unknown NIP, golongan, tingkat, unit, jabatan, kompetensi; employees outside the scope."""
    inst = ctx.instansi.nama
    keys = {k.key for k in kind.kolom if _is_reference(kind, k.key)}
    if "nip" in keys:
        numeric = list(table.numeric_rows.get("nip", ()))
        each(
            pl.col("nip").is_not_null() & pl.col(ROW).is_in(numeric),
            "nip",
            "NIP diketik sebagai angka di Excel, bukan teks: angka nol di depan dan digit terakhir bisa hilang. "
            "Format kolom NIP sebagai Teks lalu ketik ulang.",
        )
        nips = df["nip"].drop_nulls().unique().to_list()
        for part in _chunks(nips):
            for p in Pegawai.objects.filter(instansi=ctx.instansi, nip__in=part).select_related("pangkat", "jabatan"):
                ctx.pegawai[p.nip] = p
        each(
            pl.col("nip").is_not_null() & ~pl.col("nip").is_in(list(ctx.pegawai)),
            "nip",
            f"NIP tidak terdaftar di {inst}; impor data pegawainya lebih dulu.",
        )
        allowed: set[int] = set()
        for part in _chunks([p.pk for p in ctx.pegawai.values()]):
            allowed |= set(Pegawai.objects.restrict(ctx.user, CHANGE).filter(pk__in=part).values_list("pk", flat=True))
        outside = [nip for nip, p in ctx.pegawai.items() if p.pk not in allowed]
        each(
            pl.col("nip").is_in(outside),
            "nip",
            "Pegawai dengan NIP ini di luar lingkup kewenangan Anda; riwayatnya hanya dapat diimpor oleh Admin BKPSDM "
            "atau operator unitnya.",
        )
    if "pangkat" in keys:
        df2 = df.with_columns(golongan_expr("pangkat").alias("_pangkat"))
        rep.each(
            df2,
            pl.col("pangkat").is_not_null() & ~pl.col("_pangkat").is_in(list(ctx.pangkat)),
            "pangkat",
            lambda r: f"Golongan '{r['pangkat']}' tidak dikenal; gunakan kode seperti III/a (I/a s.d. IV/e).",
        )
    if "tingkat" in keys:
        each(
            pl.col("tingkat").is_not_null() & ~pl.col("tingkat").str.to_uppercase().is_in(list(ctx.tingkat)),
            "tingkat",
            lambda r: f"Tingkat pendidikan '{r['tingkat']}' tidak dikenal; gunakan {', '.join(ctx.tingkat)}.",
        )
    if "unit" in keys:
        each(
            pl.col("unit").is_not_null() & ~pl.col("unit").is_in(list(ctx.units)),
            "unit",
            lambda r: f"Kode unit '{r['unit']}' tidak terdaftar di {inst}.",
        )
    if "jabatan" in keys:
        for r in df.filter(pl.col("jabatan").is_not_null() & pl.col("unit").is_in(list(ctx.units))).iter_rows(
            named=True
        ):
            if ctx.find_jabatan(r["unit"], r["jabatan"]) is None:
                rep.problem(
                    r[ROW],
                    "jabatan",
                    r["jabatan"],
                    f"Jabatan '{r['jabatan']}' tidak terdaftar pada unit {r['unit']} ({ctx.units[r['unit']].nama}).",
                )
    if "kompetensi" in keys:
        each(
            pl.col("kompetensi").is_not_null() & ~pl.col("kompetensi").str.to_lowercase().is_in(list(ctx.kompetensi)),
            "kompetensi",
            lambda r: f"Kode kompetensi '{r['kompetensi']}' tidak dikenal; gunakan: {', '.join(ctx.kompetensi)}.",
        )
    # Assessment levels: one column per kompetensi code.
    for key in [c for c in df.columns if c.startswith("+")]:
        code = key[1:]
        if code not in ctx.kompetensi:
            rep.problem(
                1,
                key,
                rep.head(key),
                f"Judul kolom '{rep.head(key)}' bukan kode kompetensi yang dikenal; "
                f"gunakan: {', '.join(ctx.kompetensi)}.",
            )
            continue
        level = pl.col(key).str.replace(r"^(\d+)\.0+$", "$1").str.to_integer(strict=False)
        each(
            pl.col(key).is_not_null() & ~level.is_between(1, 5).fill_null(False),
            key,
            f"Level kompetensi {ctx.kompetensi[code].nama} harus bilangan bulat 1 sampai 5.",
        )


def _value(r: dict[str, Any], k: Kolom, model: type[models.Model]) -> Any:
    value = r[k.key] if k.kind == "text" else r[f"_{k.key}"]
    if k.kind == "decimal" and value is not None:
        try:
            value = Decimal(r[k.key].replace(",", "."))
        except InvalidOperation:
            value = None
    if value is None:
        f = model._meta.get_field(k.key)
        if f.has_default():
            return f.get_default()
        return "" if isinstance(f, models.CharField) else None
    return value


def _build(kind: Jenis, spec: Spec, r: dict[str, Any], ctx: Context, rep: Reporter) -> tuple[Any, dict[str, int]]:
    values = {k.key: _value(r, k, spec.model) for k in kind.kolom if not _is_reference(kind, k.key)}
    values["instansi"] = ctx.instansi
    if "nip" in r:
        values["pegawai"] = ctx.pegawai[r["nip"]]
    if kind.kode == "pangkat":
        values["pangkat"] = ctx.pangkat[_golongan(r["pangkat"])]
    elif kind.kode == "jabatan":
        values["jabatan"] = ctx.find_jabatan(r["unit"], r["jabatan"])
        values["unit"] = ctx.units[r["unit"]]
    elif kind.kode == "pendidikan":
        values["tingkat"] = ctx.tingkat[r["tingkat"].upper()]
    elif kind.kode == "hukdis" and not values["tingkat"]:
        values["tingkat"] = TINGKAT_BY_JENIS.get(values["jenis"], "")
    elif kind.kode == "jabatan_unit":
        values["unit"] = ctx.units[r["unit"]]
    elif kind.kode == "standar":
        jabatan = ctx.find_jabatan(r["unit"], r["jabatan"])
        if jabatan is None:
            return None, {}
        values.update(jabatan=jabatan, kompetensi=ctx.kompetensi[r["kompetensi"].lower()])
    levels = {}
    if kind.kode == "asesmen":
        levels = {key[1:]: int(float(v)) for key, v in r.items() if key.startswith("+") and v is not None}
    if kind.kode == "unit":
        values["parent_kode"] = r["parent"]
    parent_kode = values.pop("parent_kode", None)
    obj = spec.model(**values)
    if kind.kode == "unit":
        obj._parent_kode = parent_kode  # resolved in _link_units, once every row of the file is known
    return obj, levels


def _golongan(value: str) -> str:
    m = re.match(r"^\s*([IViv]+)\s*/\s*([a-eA-E])\s*$", value)
    return f"{m.group(1).upper()}/{m.group(2).lower()}" if m else value


def _link_units(
    built: list[tuple[int, Any, dict[str, int]]], ctx: Context, rep: Reporter
) -> list[tuple[int, Any, dict[str, int]]]:
    """Parents by code: a unit of the file or of the instansi; no cycles; parents saved first."""
    in_file = {obj.kode: (row, obj) for row, obj, _l in built}
    # Existing units get their id first: they are updated, not created, and are parents by id.
    for _row, obj, _levels in built:
        old = ctx.units.get(obj.kode)
        if old is not None:
            obj.pk = old.pk
            obj.path, obj.level = old.path, old.level
    for row, obj, _levels in built:
        code = obj._parent_kode
        if not code:
            obj.parent = None
        elif code == obj.kode:
            rep.problem(row, "parent", code, "Unit tidak boleh menjadi induk dirinya sendiri.")
        elif code in in_file:
            obj.parent = in_file[code][1]
        elif code in ctx.units:
            obj.parent = ctx.units[code]
        else:
            rep.problem(
                row,
                "parent",
                code,
                f"Kode unit induk '{code}' tidak terdaftar di {ctx.instansi.nama} dan tidak ada di berkas ini.",
            )
    depth: dict[str, int] = {}
    by_id = {u.pk: u.kode for u in ctx.units.values()}
    db_parent = {u.kode: by_id.get(u.parent_id) for u in ctx.units.values()}

    def parent_of(code: str) -> str | None:
        if code in in_file:
            return in_file[code][1]._parent_kode or None
        return db_parent.get(code)

    for row, obj, _levels in built:
        seen, code, d = {obj.kode}, parent_of(obj.kode), 0
        while code:
            d += 1
            if code in seen:
                rep.problem(
                    row,
                    "parent",
                    obj._parent_kode,
                    "Unit induk membentuk lingkaran: unit ini menjadi induk dari induknya sendiri.",
                )
                break
            seen.add(code)
            code = parent_of(code)
        depth[obj.kode] = d
    return sorted(built, key=lambda b: depth.get(b[1].kode, 0))


def _duplicates(
    built: list[tuple[int, Any, dict[str, int]]], spec: Spec, kind: Jenis, rep: Reporter
) -> list[tuple[int, Any, dict[str, int]]]:
    groups: dict[tuple[Any, ...], list[tuple[int, Any, dict[str, int]]]] = {}
    for b in built:
        key = spec.key(b[1]) if kind.kode != "unit" else (b[1].kode,)
        groups.setdefault(key, []).append(b)
    out = []
    key_headers = kind.kunci
    for group in groups.values():
        if len(group) == 1:
            out.append(group[0])
            continue
        first = group[0]

        def same(a: tuple[int, Any, dict[str, int]], b: tuple[int, Any, dict[str, int]]) -> bool:
            return (
                all(getattr(a[1], f) == getattr(b[1], f) for f in spec.fields if f != "parent_id")
                and a[2] == b[2]
                and getattr(a[1], "_parent_kode", None) == getattr(b[1], "_parent_kode", None)
            )

        if all(same(first, b) for b in group[1:]):
            out.append(first)
            for b in group[1:]:
                rep.warning(
                    b[0],
                    kind.kolom[0].key,
                    None,
                    f"Baris ganda: sama persis dengan baris {first[0]} (kunci {key_headers}); diimpor sekali.",
                )
            continue
        rows = [b[0] for b in group]
        for b in group:
            others = ", ".join(str(x) for x in rows if x != b[0])
            rep.problem(
                b[0],
                kind.kolom[0].key,
                None,
                f"Kunci ganda dalam berkas ({key_headers}) dengan isi berbeda: "
                f"juga pada baris {others}. Sisakan satu baris yang benar.",
            )
    return out


def _existing(
    spec: Spec, kind: Jenis, built: list[tuple[int, Any, dict[str, int]]], ctx: Context
) -> dict[tuple[Any, ...], Any]:
    """Stored rows by natural key: for a history, every row of the employees in the file."""
    model = spec.model
    if kind.kode == "unit":
        return {(u.kode,): u for u in ctx.units.values()}
    if kind.kode == "jabatan_unit":
        return {spec.key(j): j for j in ctx.jabatan.values()}
    if kind.kode == "standar":
        ids = list({b[1].jabatan_id for b in built})
        rows = StandarKompetensi.objects.filter(jabatan_id__in=ids)
        return {spec.key(s): s for s in rows}
    out: dict[tuple[Any, ...], Any] = {}
    pegawai_by_id = {p.pk: p for p in ctx.pegawai.values()}
    for part in _chunks(list(pegawai_by_id)):
        related = [
            f.name for f in model._meta.concrete_fields if f.is_relation and f.name not in ("instansi", "pegawai")
        ]
        for obj in model.objects.filter(pegawai_id__in=part).select_related(*related):
            obj.pegawai = pegawai_by_id[obj.pegawai_id]
            out[spec.key(obj)] = obj
    return out


def _plan_rows(
    plan: Plan,
    spec: Spec,
    kind: Jenis,
    built: list[tuple[int, Any, dict[str, int]]],
    existing: dict[tuple[Any, ...], Any],
    present: set[str],
) -> None:
    # A column left out of the file keeps the stored value.
    column_of = {f: f.removesuffix("_id") for f in spec.fields}
    kept = [f for f in spec.fields if column_of[f] not in present and column_of[f] in kind.by_key]
    levels_old: dict[tuple[int, int], NilaiAsesmen] = {}
    if kind.kode == "asesmen":
        ids = [old.pk for old in existing.values()]
        for part in _chunks(ids):
            for n in NilaiAsesmen.objects.filter(asesmen_id__in=part).select_related("kompetensi"):
                levels_old[(n.asesmen_id, n.kompetensi_id)] = n
    kompetensi = {k.kode.lower(): k for k in Kompetensi.objects.all()} if kind.kode == "asesmen" else {}
    for _row, obj, levels in built:
        old = existing.get(spec.key(obj))
        new_levels: list[NilaiAsesmen] = []
        changed_levels: list[tuple[NilaiAsesmen, dict[str, list[Any]]]] = []
        changes: dict[str, list[Any]] = {}
        if old is not None:
            obj.pk = old.pk
            for f in kept:
                setattr(obj, f, getattr(old, f))
            if kind.kode == "unit" and obj.parent is not None and obj.parent.pk is None:
                changes["parent_id"] = [old.parent_id, None]  # a new parent from the same file
            changes.update(
                {
                    f: [_plain(getattr(old, f)), _plain(getattr(obj, f))]
                    for f in spec.fields
                    if getattr(old, f) != getattr(obj, f) and not (f == "parent_id" and "parent_id" in changes)
                }
            )
        for code, level in levels.items():
            k = kompetensi[code]
            stored = levels_old.get((old.pk, k.pk)) if old is not None else None
            if stored is None:
                new_levels.append(NilaiAsesmen(instansi_id=obj.instansi_id, asesmen=obj, kompetensi=k, level=level))
                if old is not None:
                    changes[f"+{code}"] = [None, level]
            elif stored.level != level:
                changes[f"+{code}"] = [stored.level, level]
                stored.level = level
                changed_levels.append((stored, {"level": [changes[f"+{code}"][0], level]}))
        if new_levels or changed_levels:
            plan.nested.append((obj, new_levels, changed_levels))
        if old is None:
            plan.create.append(obj)
        elif changes:
            plan.update.append((obj, changes))
        else:
            plan.unchanged += 1


# ---------------------------------------------------------------------------------------------
# History that contradicts itself: docs/decisions/0051-import-history-checks.md


def _adult(p: Pegawai) -> dt.date:
    return add_months(p.tanggal_lahir, CPNS_MIN_AGE_MONTHS)


def _before_service(built: list[tuple[int, Any, dict[str, int]]], rep: Reporter, field: str, what: str) -> None:
    """A TMT before TMT CPNS, or before the employee turned 18: refused."""
    for row, obj, _l in built:
        p, when = obj.pegawai, getattr(obj, field)
        if when is None:
            continue
        if p.tmt_cpns and when < p.tmt_cpns:
            rep.problem(
                row,
                field,
                f"{when:%d-%m-%Y}",
                f"{what} ({when:%d-%m-%Y}) sebelum TMT CPNS pegawai ({p.tmt_cpns:%d-%m-%Y}).",
            )
        elif when < _adult(p):
            rep.problem(
                row,
                field,
                f"{when:%d-%m-%Y}",
                f"{what} ({when:%d-%m-%Y}) sebelum pegawai berusia 18 tahun (lahir {p.tanggal_lahir:%d-%m-%Y}).",
            )


def _merged(
    built: list[tuple[int, Any, dict[str, int]]],
    existing: dict[tuple[Any, ...], Any],
    key: Callable[[Any], tuple[Any, ...]],
) -> dict[int, list[tuple[int | None, Any]]]:
    """Per employee: the stored rows the file does not replace plus the file's rows, (row or None, obj)."""
    mine = {key(obj) for _r, obj, _l in built}
    out: dict[int, list[tuple[int | None, Any]]] = {}
    for k, obj in existing.items():
        if k not in mine:
            out.setdefault(obj.pegawai_id, []).append((None, obj))
    for row, obj, _l in built:
        out.setdefault(obj.pegawai_id, []).append((row, obj))
    return out


def _check_pangkat(
    built: list[tuple[int, Any, dict[str, int]]], existing: dict[tuple[Any, ...], Any], ctx: Context, rep: Reporter
) -> None:
    _before_service(built, rep, "tmt", "TMT pangkat")
    ids = list({obj.pegawai_id for _r, obj, _l in built})
    demotions: dict[int, list[dt.date]] = {}
    for part in _chunks(ids):
        for h in RiwayatHukdis.objects.filter(pegawai_id__in=part, jenis__in=DEMOTION):
            demotions.setdefault(h.pegawai_id, []).append(h.tmt_mulai or h.tanggal_sk)
    urutan = {p.pk: p.urutan for p in ctx.pangkat.values()}
    for pegawai_id, rows in _merged(built, existing, SPECS["pangkat"].key).items():
        rows.sort(key=lambda x: x[1].tmt)
        for (ra, a), (rb, b) in zip(rows, rows[1:], strict=False):
            if urutan[b.pangkat_id] >= urutan[a.pangkat_id] or (ra is None and rb is None):
                continue
            if any(d and a.tmt <= d <= b.tmt for d in demotions.get(pegawai_id, [])):
                continue  # a demotion (PP 53/2010) explains it
            row = rb if rb is not None else ra
            rep.warning(
                row,
                "tmt",
                f"{b.tmt:%d-%m-%Y}",
                f"Golongan turun: {b.pangkat.kode} TMT {b.tmt:%d-%m-%Y} setelah {a.pangkat.kode} TMT "
                f"{a.tmt:%d-%m-%Y}, tanpa hukuman disiplin penurunan pangkat di antaranya. Periksa tanggalnya.",
            )
        if pegawai_id not in ctx.incomplete:
            _newest_differs(rows, "pangkat", "pangkat", "Golongan", rep)


def _newest_differs(rows: list[tuple[int | None, Any]], field: str, key: str, what: str, rep: Reporter) -> None:
    """The newest history row (if from the file) against the employee's current value: a warning."""
    row, newest = max(rows, key=lambda x: x[1].tmt)
    p = newest.pegawai
    current = getattr(p, f"{field}_id")
    if row is None or current is None or current == getattr(newest, f"{field}_id"):
        return
    now = getattr(p, field)
    rep.warning(
        row,
        key,
        str(getattr(newest, field)),
        f"{what} terbaru di riwayat ({getattr(newest, field)}, TMT {newest.tmt:%d-%m-%Y}) berbeda dengan "
        f"{what.lower()} saat ini di data pegawai ({now}). Perbarui data pegawai bila riwayat ini benar.",
    )


def _check_jabatan(
    built: list[tuple[int, Any, dict[str, int]]], existing: dict[tuple[Any, ...], Any], ctx: Context, rep: Reporter
) -> None:
    _before_service(built, rep, "tmt", "TMT jabatan")
    for pegawai_id, rows in _merged(built, existing, SPECS["jabatan"].key).items():
        if pegawai_id not in ctx.incomplete:
            _newest_differs(rows, "jabatan", "jabatan", "Jabatan", rep)


def _check_kinerja(
    built: list[tuple[int, Any, dict[str, int]]], existing: dict[tuple[Any, ...], Any], ctx: Context, rep: Reporter
) -> None:
    for row, obj, _l in built:
        p = obj.pegawai
        if p.tmt_cpns and obj.tahun < p.tmt_cpns.year:
            rep.problem(
                row,
                "tahun",
                obj.tahun,
                f"Tahun kinerja {obj.tahun} sebelum tahun TMT CPNS pegawai ({p.tmt_cpns.year}).",
            )


def _check_hukdis(
    built: list[tuple[int, Any, dict[str, int]]], existing: dict[tuple[Any, ...], Any], ctx: Context, rep: Reporter
) -> None:
    _before_service(built, rep, "tanggal_sk", "Tanggal SK hukuman disiplin")


CHECKS: dict[str, Callable[..., None]] = {
    "pangkat": _check_pangkat,
    "jabatan": _check_jabatan,
    "kinerja": _check_kinerja,
    "hukdis": _check_hukdis,
}

"""The dry run of an employee file: every problem with sheet, row, column, value and reason (in
Bahasa Indonesia), and the plan of what would be created and changed. Nothing is written.

Column checks run vectorised in polars (NIP with `rules.nip.validate_nip_column`, dates, codes,
unit scope, jabatan, duplicates); the rows that pass are then built as `Pegawai` objects and go
through `full_clean()`, so nothing the model refuses can slip through the commit.

`Plan`, `Reporter`, `parse_date`, `golongan_expr` and `report_of` are shared with the history and
organisation files (`simerit/impor/riwayat.py`), which `dry_run` hands those files to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import polars as pl
from django.core.exceptions import ValidationError
from django.utils import timezone

from simerit.core.models import CHANGE, Instansi
from simerit.impor.columns import BY_KEY, KOLOM
from simerit.impor.reader import ROW, Table
from simerit.organisasi.models import Jabatan, UnitOrganisasi
from simerit.pegawai.choices import Agama, StatusKepegawaian
from simerit.pegawai.models import Pegawai
from simerit.referensi.models import Pangkat, TingkatPendidikan
from simerit.rules import nip as nip_rules

Progress = Callable[[int, str], None]

DATE_KEYS = [k.key for k in KOLOM if k.kind == "date"]
TEXT_FIELDS = ("nik", "gelar_depan", "nama", "gelar_belakang", "tempat_lahir", "jenis_kelamin", "agama", "status")
# Model attribute compared/written per key (foreign keys by id).
WRITE_FIELDS = (
    "nik", "gelar_depan", "nama", "gelar_belakang", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "agama",
    "status", "tmt_cpns", "tmt_pns", "pangkat_id", "tmt_pangkat", "pendidikan_id", "unit_id", "jabatan_id",
    "tmt_jabatan",
)
FIELD_KEY = {"pangkat_id": "golongan", "pangkat": "golongan", "pendidikan_id": "pendidikan", "unit_id": "kode_unit",
             "unit": "kode_unit", "jabatan_id": "jabatan", "tmt_pangkat": "tmt_pangkat"}
FK_FIELDS = ["instansi", "unit", "pangkat", "pendidikan", "jabatan"]
AGAMA = {**{v: v for v in Agama.values}, "khonghucu": Agama.KONGHUCU, "kong hu cu": Agama.KONGHUCU}
SEX = {"L": "L", "P": "P", "LAKI-LAKI": "L", "PEREMPUAN": "P", "PRIA": "L", "WANITA": "P"}


def header_of(key: str) -> str:
    key = FIELD_KEY.get(key, key)
    return BY_KEY[key].header if key in BY_KEY else "—"


def _pegawai_label(obj: Any) -> tuple[str, str]:
    return obj.nip, obj.nama


@dataclass
class Plan:
    """What a file would write: new and changed rows of one model (plus, for an assessment, its
    levels), every refusing problem and every warning. Shared by every kind of file."""

    problems: list[dict[str, Any]] = field(default_factory=list)
    create: list[Any] = field(default_factory=list)
    update: list[tuple[Any, dict[str, list[Any]]]] = field(default_factory=list)
    unchanged: int = 0
    rows: int = 0
    refused_rows: set[int] = field(default_factory=set)
    # Reported, not refused (docs/decisions/0051-import-history-checks.md).
    warnings: list[dict[str, Any]] = field(default_factory=list)
    model: type = Pegawai
    # Rows whose parent must exist first (NilaiAsesmen of a RiwayatAsesmen): (parent, new, changed).
    nested: list[tuple[Any, list[Any], list[tuple[Any, dict[str, list[Any]]]]]] = field(default_factory=list)
    # Units: each saved in file order (its path needs its parent's id), not bulk-written.
    save_each: bool = False
    # (key, name) shown per changed row in the report; the header of a changed model field.
    label: Callable[[Any], tuple[str, str]] = _pegawai_label
    header: Callable[[str], str] | None = None
    # New rows as columns (model attnames), in file order: the employee file plans its new rows
    # this way (no model instance per row); the writer inserts them with `core.bulk.insert_frame`.
    create_frame: pl.DataFrame | None = None

    @property
    def creates(self) -> int:
        return len(self.create) + (self.create_frame.height if self.create_frame is not None else 0)


class Reporter:
    """Collects problems (refusing their row) and warnings, in the report's shape."""

    def __init__(self, plan: Plan, sheet: str, head: Callable[[str], str]) -> None:
        self.plan, self.sheet, self.head = plan, sheet, head

    def _entry(self, row: int, key: str, value: Any, reason: str) -> dict[str, Any]:
        return {"lembar": self.sheet, "baris": int(row), "kolom": self.head(key),
                "nilai": "" if value is None else str(value), "alasan": reason}

    def problem(self, row: int, key: str, value: Any, reason: str) -> None:
        self.plan.problems.append(self._entry(row, key, value, reason))
        self.plan.refused_rows.add(int(row))

    def warning(self, row: int, key: str, value: Any, reason: str) -> None:
        self.plan.warnings.append(self._entry(row, key, value, reason))

    def each(self, df: pl.DataFrame, mask: pl.Expr, key: str, reason: Callable[[dict[str, Any]], str] | str) -> None:
        for r in df.filter(mask).iter_rows(named=True):
            self.problem(r[ROW], key, r[key], reason if isinstance(reason, str) else reason(r))

    def finish(self) -> None:
        self.plan.problems.sort(key=lambda p: (p["baris"], p["kolom"]))
        self.plan.warnings.sort(key=lambda p: (p["baris"], p["kolom"]))


def golongan_expr(col: str) -> pl.Expr:
    """'iii / A' -> 'III/a'; anything else unchanged (then reported as unknown)."""
    return pl.coalesce(
        pl.concat_str(
            pl.col(col).str.extract(r"^([IViv]+)\s*/", 1).str.to_uppercase(), pl.lit("/"),
            pl.col(col).str.extract(r"/\s*([a-eA-E])$", 1).str.to_lowercase(),
        ),
        pl.col(col),
    )


def parse_date(col: str) -> pl.Expr:
    s = pl.col(col).str.replace(r"^(\d{4}-\d{2}-\d{2})[ T]00:00:00(\.0+)?$", "$1")
    return pl.coalesce(
        s.str.to_date("%Y-%m-%d", strict=False),
        s.str.to_date("%d-%m-%Y", strict=False),
        s.str.to_date("%d/%m/%Y", strict=False),
    )


def dry_run(table: Table, *, instansi: Instansi, user: Any, progress: Progress | None = None) -> Plan:
    if table.jenis != "pegawai":
        from simerit.impor.riwayat import dry_run_kind

        return dry_run_kind(table, instansi=instansi, user=user, progress=progress)
    tick = progress or (lambda p, s: None)
    plan = Plan(rows=table.frame.height)
    sheet = table.sheet
    df = table.frame
    for k in KOLOM:
        if k.key not in df.columns:
            df = df.with_columns(pl.lit(None, dtype=pl.Utf8).alias(k.key))
    present = set(table.frame.columns)

    def head(key: str) -> str:
        # A SIASN file is reported with its own column names (e.g. "GOL AKHIR NAMA").
        return table.headers.get(FIELD_KEY.get(key, key)) or header_of(key)

    rep = Reporter(plan, sheet, head)
    problem = rep.problem

    def each(mask: pl.Expr, key: str, reason: Callable[[dict[str, Any]], str] | str) -> None:
        rep.each(df, mask, key, reason)

    today = timezone.localdate()
    # Normalised codes.
    df = df.with_columns(
        pl.col("status").str.to_uppercase().alias("_status"),
        pl.col("jenis_kelamin").str.to_uppercase().replace_strict(SEX, default=None).alias("_sex"),
        pl.col("agama").str.to_lowercase().replace_strict(AGAMA, default=None).alias("_agama"),
        golongan_expr("golongan").alias("_golongan"),
        pl.col("pendidikan").str.to_uppercase().alias("_pendidikan"),
        *[parse_date(k).alias(f"_{k}") for k in DATE_KEYS],
    )
    tick(15, "Memeriksa kolom wajib, NIP dan tanggal")

    # Required columns.
    for key in ("nip", "nama", "tanggal_lahir", "jenis_kelamin", "status", "kode_unit"):
        if key == "kode_unit" and table.unit_by_name:
            continue
        each(pl.col(key).is_null(), key, f"{head(key)} wajib diisi.")

    # NIP: text, 18 digits, Perka BKN 22/2007 structure (PPPK: 18 digits only).
    for key in ("nip", "nik"):
        rows = list(table.numeric_rows.get(key, ()))
        df = df.with_columns(pl.col(ROW).is_in(rows).alias(f"_{key}_angka"))
        each(pl.col(key).is_not_null() & pl.col(f"_{key}_angka"), key,
             f"{head(key)} diketik sebagai angka di Excel, bukan teks: angka nol di depan dan digit terakhir bisa "
             f"hilang. Format kolom {head(key)} sebagai Teks lalu ketik ulang.")
    df = df.with_columns(nip_rules.validate_nip_column(df["nip"]).alias("_nip_ok"))
    for r in df.filter(pl.col("nip").is_not_null() & ~pl.col("_nip_angka") & ~pl.col("_nip_ok")).iter_rows(named=True):
        if r["_status"] == "PPPK":
            if not (len(r["nip"]) == 18 and r["nip"].isdigit()):
                problem(r[ROW], "nip", r["nip"], "NI PPPK harus terdiri dari tepat 18 digit angka.")
            continue
        _parts, problems = nip_rules.parse_nip(r["nip"])
        problem(r[ROW], "nip", r["nip"], " ".join(p.message for p in problems) or "NIP tidak sah.")
    # Duplicates inside the file.
    dup = df.filter(pl.col("nip").is_not_null()).group_by("nip").agg(pl.col(ROW).alias("_rows")).filter(
        pl.col("_rows").list.len() > 1
    )
    for r in dup.iter_rows(named=True):
        for row in r["_rows"]:
            others = ", ".join(str(x) for x in r["_rows"] if x != row)
            problem(row, "nip", r["nip"], f"NIP ganda dalam berkas: juga ada pada baris {others}.")

    # NIK.
    each(pl.col("nik").is_not_null() & ~pl.col("_nik_angka") & ~pl.col("nik").str.contains(r"^[0-9]{16}$"), "nik",
         "NIK harus terdiri dari tepat 16 digit angka (isi sebagai teks).")
    # Dates.
    for key in DATE_KEYS:
        each(pl.col(key).is_not_null() & pl.col(f"_{key}").is_null(), key,
             "Bukan tanggal yang sah; gunakan sel tanggal Excel atau teks DD-MM-YYYY.")
        each(pl.col(f"_{key}") > today, key, f"{head(key)} tidak boleh di masa depan.")
    each(pl.col("_tanggal_lahir").is_not_null() & pl.col("_tmt_cpns").is_not_null()
         & (pl.col("_tanggal_lahir") >= pl.col("_tmt_cpns")) & (pl.col("_tmt_cpns") <= today),
         "tanggal_lahir", lambda r: f"Tanggal lahir harus sebelum TMT CPNS ({r['_tmt_cpns']:%d-%m-%Y}).")
    # Codes.
    each(pl.col("jenis_kelamin").is_not_null() & pl.col("_sex").is_null(), "jenis_kelamin",
         "Jenis kelamin harus L (laki-laki) atau P (perempuan).")
    each(pl.col("agama").is_not_null() & pl.col("_agama").is_null(), "agama",
         f"Agama tidak dikenal; pilih salah satu: {', '.join(str(x) for x in Agama.labels)}.")
    each(pl.col("status").is_not_null() & ~pl.col("_status").is_in(StatusKepegawaian.values), "status",
         "Status harus CPNS, PNS atau PPPK.")
    pangkat = {p.kode: p for p in Pangkat.objects.all()}
    pendidikan = {p.kode: p for p in TingkatPendidikan.objects.all()}
    each(pl.col("golongan").is_not_null() & ~pl.col("_golongan").is_in(list(pangkat)), "golongan",
         lambda r: f"Golongan '{r['golongan']}' tidak dikenal; gunakan kode seperti III/a (I/a s.d. IV/e).")
    each(pl.col("pendidikan").is_not_null() & ~pl.col("_pendidikan").is_in(list(pendidikan)), "pendidikan",
         lambda r: f"Tingkat pendidikan '{r['pendidikan']}' tidak dikenal; gunakan {', '.join(pendidikan)}.")
    tick(30, "Memeriksa unit, jabatan dan NIP yang sudah ada")

    # Unit: known in the instansi and inside what the user may change.
    units = {u.kode: u for u in UnitOrganisasi.objects.filter(instansi=instansi)}
    if table.unit_by_name:
        df = _unit_by_name(df, units, instansi, problem)
    allowed = set(UnitOrganisasi.objects.restrict(user, CHANGE).filter(instansi=instansi).values_list("pk", flat=True))
    each(pl.col("kode_unit").is_not_null() & ~pl.col("kode_unit").is_in(list(units)), "kode_unit",
         lambda r: f"Kode unit '{r['kode_unit']}' tidak terdaftar di {instansi.nama}.")
    each(pl.col("kode_unit").is_in([k for k, u in units.items() if u.pk not in allowed]), "kode_unit",
         lambda r: f"Unit '{units[r['kode_unit']].nama}' di luar lingkup kewenangan Anda; Anda hanya dapat mengimpor "
                   "pegawai ke unit Anda dan sub-unitnya.")
    # Jabatan by name within the unit.
    jabatan = {(j.unit_id, j.nama.strip().lower()): j for j in Jabatan.objects.filter(instansi=instansi)}
    for r in df.filter(pl.col("jabatan").is_not_null() & pl.col("kode_unit").is_in(list(units))).iter_rows(named=True):
        if (units[r["kode_unit"]].pk, r["jabatan"].lower()) not in jabatan:
            problem(r[ROW], "jabatan", r["jabatan"],
                    f"Jabatan '{r['jabatan']}' tidak terdaftar pada unit {r['kode_unit']} ({units[r['kode_unit']].nama}).")

    # Existing employees of the instansi, keyed by NIP: their stored values as a frame.
    nips = list(df["nip"].drop_nulls().unique().to_list())
    old_frame = _stored(instansi, nips)
    old_pk = dict(zip(old_frame["nip"].to_list(), old_frame["id"].to_list(), strict=True))
    ids = list(old_pk.values())
    scope = Pegawai.objects.restrict(user, CHANGE).filter(instansi=instansi)
    changeable: set[int] = set()
    if scan_whole(scope, len(ids)):
        changeable.update(scope.values_list("pk", flat=True))
    else:
        for i in range(0, len(ids), 5000):
            changeable.update(scope.filter(pk__in=ids[i : i + 5000]).values_list("pk", flat=True))
    outside = [n for n, pk in old_pk.items() if pk not in changeable]
    each(pl.col("nip").is_in(outside), "nip", "Pegawai dengan NIP ini sudah terdaftar di unit di luar lingkup "
                                              "kewenangan Anda; perubahan hanya dapat dilakukan oleh Admin BKPSDM.")

    # Model rules on the rows that passed: a row every column rule below proves valid is planned
    # from the frame; any other row (and every changed employee) goes through `full_clean()` as
    # before, so the messages stay the model's own.
    good = df.filter(~pl.col(ROW).is_in(sorted(plan.refused_rows)))
    tick(40, "Memeriksa aturan data pegawai")
    merged = _merged(good, old_frame, present, units, jabatan, pangkat, pendidikan)
    merged = merged.with_columns(_model_ok(merged, today, units, jabatan).alias("_ok"))
    slow = merged.filter(~pl.col("_ok") | (pl.col("_old_id").is_not_null() & pl.col("_changed")))
    plan.unchanged += merged.filter(pl.col("_ok") & pl.col("_old_id").is_not_null() & ~pl.col("_changed")).height
    passed: list[int] = []  # new rows of the slow path that full_clean accepted
    if slow.height:
        rows = set(slow[ROW].to_list())
        slow_nips = slow.filter(pl.col("_old_id").is_not_null())["nip"].to_list()
        existing: dict[str, Pegawai] = {}
        for i in range(0, len(slow_nips), 5000):
            for p in Pegawai.objects.filter(instansi=instansi, nip__in=slow_nips[i : i + 5000]).select_related("unit"):
                existing[p.nip] = p
        todo = good.filter(pl.col(ROW).is_in(sorted(rows)))
        total = max(todo.height, 1)
        for n, r in enumerate(todo.iter_rows(named=True)):
            if n % 2000 == 0:
                tick(45 + int(50 * n / total), "Memeriksa aturan data pegawai")
            obj, old = _row_object(r, instansi, present, existing, units, jabatan, pangkat, pendidikan)
            try:
                # Foreign keys were resolved from the database above: skip their per-row existence query.
                obj.full_clean(exclude=FK_FIELDS, validate_unique=False, validate_constraints=False)
            except ValidationError as exc:
                for fld, messages in exc.message_dict.items():
                    key = FIELD_KEY.get(fld, fld)
                    raw = r.get(key) if key in r else None
                    problem(r[ROW], key, raw, " ".join(messages))
                continue
            if old is None:
                passed.append(r[ROW])
                continue
            changes = {f: [_plain(getattr(old, f)), _plain(getattr(obj, f))] for f in WRITE_FIELDS
                       if getattr(old, f) != getattr(obj, f)}
            if changes:
                plan.update.append((obj, changes))
            else:
                plan.unchanged += 1
    # New employees, in file order, as the columns the writer inserts.
    plan.create_frame = merged.filter(
        pl.col("_old_id").is_null() & (pl.col("_ok") | pl.col(ROW).is_in(passed))
    ).select(pl.lit(instansi.pk, dtype=pl.Int64).alias("instansi_id"), "nip", *WRITE_FIELDS)
    rep.finish()
    tick(95, "Menyusun laporan")
    return plan


# Stored columns of an employee the import reads: the written fields and those full_clean checks.
STORED = ("id", "nip", *WRITE_FIELDS, "aktif", "tanggal_berhenti")
_DATES = {"tanggal_lahir", "tmt_cpns", "tmt_pns", "tmt_pangkat", "tmt_jabatan", "tanggal_berhenti"}
_INTS = {"id", "pangkat_id", "pendidikan_id", "unit_id", "jabatan_id"}


def _dtype(name: str) -> Any:
    if name in _DATES:
        return pl.Date
    if name in _INTS:
        return pl.Int64
    return pl.Boolean if name == "aktif" else pl.Utf8


def _stored(instansi: Instansi, nips: list[str]) -> pl.DataFrame:
    """The employees of the instansi with these NIPs: STORED columns, one row each."""
    rows: list[tuple[Any, ...]] = []
    stored = Pegawai.objects.filter(instansi=instansi)
    if scan_whole(stored, len(nips)):
        rows.extend(stored.values_list(*STORED))
    else:
        for i in range(0, len(nips), 5000):
            rows.extend(stored.filter(nip__in=nips[i : i + 5000]).values_list(*STORED))
    frame = pl.DataFrame(rows, schema={c: _dtype(c) for c in STORED}, orient="row")
    return frame.filter(pl.col("nip").is_in(nips))


def scan_whole(queryset: Any, keys: int) -> bool:
    """Read all of `queryset` and filter in polars, rather than `IN (...)` lookups of `keys` keys
    5,000 at a time: when the keys are many and the rows not many more (a large file for an
    instansi of about its size; on SQLite each 5,000-key lookup costs about a tenth of a second)."""
    return keys > 2000 and queryset.count() <= 4 * keys


def _merged(good: pl.DataFrame, old: pl.DataFrame, present: set[str], units: dict[str, Any],
            jabatan: dict[tuple[int, str], Any], pangkat: dict[str, Any], pendidikan: dict[str, Any]) -> pl.DataFrame:
    """Per row of the file: the values the employee would have (a new one from the file; a stored
    one keeps a column the file leaves out), the stored values as `_old_<field>`, and `_changed`."""
    unit_pk = {k: u.pk for k, u in units.items()}
    pairs = good.filter(pl.col("jabatan").is_not_null() & pl.col("kode_unit").is_in(list(units)))
    jab_pk: dict[str, int] = {}
    for kode, nama in pairs.select("kode_unit", "jabatan").unique().iter_rows():
        j = jabatan.get((unit_pk[kode], nama.lower()))
        if j is not None:
            jab_pk[f"{kode}\x00{nama}"] = j.pk
    new = good.select(
        ROW, "nip", "_nip_ok",
        *[pl.col(k).fill_null("").alias(k) for k in ("nik", "gelar_depan", "gelar_belakang", "tempat_lahir")],
        pl.col("nama"),
        pl.col("_tanggal_lahir").alias("tanggal_lahir"),
        pl.col("_sex").alias("jenis_kelamin"),
        pl.col("_agama").fill_null("").alias("agama"),
        pl.col("_status").alias("status"),
        *[pl.col(f"_{k}").alias(k) for k in ("tmt_cpns", "tmt_pns", "tmt_pangkat", "tmt_jabatan")],
        pl.col("_golongan").replace_strict({k: p.pk for k, p in pangkat.items()}, default=None,
                                           return_dtype=pl.Int64).alias("pangkat_id"),
        pl.col("_pendidikan").replace_strict({k: p.pk for k, p in pendidikan.items()}, default=None,
                                             return_dtype=pl.Int64).alias("pendidikan_id"),
        pl.col("kode_unit").replace_strict(unit_pk, default=None, return_dtype=pl.Int64).alias("unit_id"),
        pl.concat_str(pl.col("kode_unit"), pl.lit("\x00"), pl.col("jabatan"))
        .replace_strict(jab_pk, default=None, return_dtype=pl.Int64).alias("jabatan_id"),
    )
    old = old.rename({c: f"_old_{c}" for c in old.columns if c != "nip"})
    m = new.join(old, on="nip", how="left", maintain_order="left")
    is_old = pl.col("_old_id").is_not_null()
    kept = [f for f in WRITE_FIELDS if FIELD_KEY.get(f, f) not in present]
    m = m.with_columns(
        [pl.when(is_old).then(pl.col(f"_old_{f}")).otherwise(pl.col(f)).alias(f) for f in kept]
    )
    changed = pl.any_horizontal([pl.col(f).ne_missing(pl.col(f"_old_{f}")) for f in WRITE_FIELDS])
    return m.with_columns(_changed=is_old & changed)


def _model_ok(m: pl.DataFrame, today: dt.date, units: dict[str, Any], jabatan: dict[tuple[int, str], Any]) -> pl.Series:
    """True where `Pegawai.full_clean()` (the fields' rules and `Pegawai.clean`) is sure to accept
    the row's values; a row that is not surely valid takes the per-row path. Each line below is
    one rule of the model; only the direction "True ⇒ valid" matters."""
    c = pl.col
    pppk = c("status") == StatusKepegawaian.PPPK

    def length(col: str, most: int) -> pl.Expr:
        return c(col).str.len_chars() <= most

    def after(col: str, first: str) -> pl.Expr:
        return c(col).is_null() | (c(col) > c(first))

    rules = [
        # NIP: 18 ASCII digits; a NI PPPK only that, a NIP also Perka BKN 22/2007 (nip.parse_nip).
        c("nip").str.contains(r"^[0-9]{18}$") & (c("nip").str.slice(0, 4) != "0000") & (pppk | c("_nip_ok")),
        (c("nik") == "") | c("nik").str.contains(r"^[0-9]{16}$"),
        length("gelar_depan", 40), length("gelar_belakang", 60), length("tempat_lahir", 100),
        (c("nama").str.len_chars() > 0) & length("nama", 150),
        c("jenis_kelamin").is_in(["L", "P"]),
        (c("agama") == "") | c("agama").is_in(list(Agama.values)),
        c("status").is_in(list(StatusKepegawaian.values)),
        c("tanggal_lahir").is_not_null() & (c("tanggal_lahir") <= today),
        pppk | c("tmt_cpns").is_not_null(),
        after("tmt_cpns", "tanggal_lahir"),
        c("tmt_cpns").is_null() | (c("tmt_cpns") <= today),
        (c("status") != StatusKepegawaian.PNS) | c("tmt_pns").is_not_null(),
        c("tmt_pns").is_null() | c("tmt_cpns").is_null() | (c("tmt_pns") >= c("tmt_cpns")),
        pppk | c("pangkat_id").is_not_null(),
        c("unit_id").is_in([u.pk for u in units.values()]),
        c("jabatan_id").is_null() | c("jabatan_id").is_in([j.pk for j in jabatan.values()]),
        after("tmt_pangkat", "tanggal_lahir"), after("tmt_jabatan", "tanggal_lahir"),
        c("_old_id").is_null() | c("_old_aktif").is_not_null(),
    ]
    return m.select(pl.all_horizontal(rules).fill_null(False)).to_series()


def _row_object(r: dict[str, Any], instansi: Instansi, present: set[str], existing: dict[str, Pegawai],
                units: dict[str, Any], jabatan: dict[tuple[int, str], Any], pangkat: dict[str, Any],
                pendidikan: dict[str, Any]) -> tuple[Pegawai, Pegawai | None]:
    """The employee a row describes (a stored one with the file's columns applied), and the
    stored one (None for a new NIP)."""
    values: dict[str, Any] = {
        "nik": r["nik"] or "", "gelar_depan": r["gelar_depan"] or "", "nama": r["nama"],
        "gelar_belakang": r["gelar_belakang"] or "", "tempat_lahir": r["tempat_lahir"] or "",
        "tanggal_lahir": r["_tanggal_lahir"], "jenis_kelamin": r["_sex"], "agama": r["_agama"] or "",
        "status": r["_status"], "tmt_cpns": r["_tmt_cpns"], "tmt_pns": r["_tmt_pns"],
        "pangkat": pangkat.get(r["_golongan"]) if r["_golongan"] else None, "tmt_pangkat": r["_tmt_pangkat"],
        "pendidikan": pendidikan.get(r["_pendidikan"]) if r["_pendidikan"] else None,
        "unit": units[r["kode_unit"]], "tmt_jabatan": r["_tmt_jabatan"],
    }
    unit = values["unit"]
    values["jabatan"] = jabatan[(unit.pk, r["jabatan"].lower())] if r["jabatan"] else None
    # A column left out of the file keeps the stored value.
    keys = {k: v for k, v in values.items() if FIELD_KEY.get(f"{k}_id", FIELD_KEY.get(k, k)) in present}
    old = existing.get(r["nip"])
    if old is None:
        obj = Pegawai(instansi=instansi, nip=r["nip"], **values)
    else:
        obj = Pegawai(**{f.attname: getattr(old, f.attname) for f in Pegawai._meta.concrete_fields})
        obj.unit = old.unit
        for k, v in keys.items():
            setattr(obj, k, v)
    obj.instansi = instansi
    return obj, old


def _squeeze(name: str) -> str:
    return " ".join(name.split()).lower()


def _unit_by_name(df: pl.DataFrame, units: dict[str, UnitOrganisasi], instansi: Instansi,
                  problem: Callable[[int, str, Any, str], None]) -> pl.DataFrame:
    """SIASN gives the unit by its SIASN id (UNOR ID) and name (UNOR NAMA): the unit of the
    instansi carrying that UNOR ID, else the one unit with that name (case and repeated spaces
    ignored); its code goes in `kode_unit`; the rest are reported (decision 0050)."""
    by_name: dict[str, list[UnitOrganisasi]] = {}
    for u in units.values():
        by_name.setdefault(_squeeze(u.nama), []).append(u)
    by_unor = {u.unor_id: u.kode for u in units.values() if u.unor_id}
    found: dict[str, str] = {}
    for name in df["kode_unit"].drop_nulls().unique().to_list():
        matches = by_name.get(_squeeze(name), [])
        if len(matches) == 1:
            found[name] = matches[0].kode
    unor = pl.col("unor_id") if "unor_id" in df.columns else pl.lit(None, dtype=pl.Utf8)
    df = df.with_columns(
        pl.coalesce(
            unor.replace_strict(by_unor, default=None, return_dtype=pl.Utf8),
            pl.col("kode_unit").replace_strict(found, default=None, return_dtype=pl.Utf8),
        ).alias("_kode_unit")
    )
    for r in df.filter(pl.col("_kode_unit").is_null()).iter_rows(named=True):
        name = r["kode_unit"]
        matches = by_name.get(_squeeze(name), []) if name else []
        if name is None:
            reason = "Unit kerja (UNOR NAMA) wajib diisi."
        elif matches:
            kodes = ", ".join(sorted(u.kode for u in matches))
            reason = (f"Nama unit '{name}' dipakai oleh lebih dari satu unit di {instansi.nama} (kode {kodes}); "
                      "isi UNOR ID pada unit di SIMERIT (impor unit organisasi) atau samakan nama unit agar unik, "
                      "lalu unggah ulang.")
        else:
            reason = (f"Unit kerja '{name}' tidak ditemukan di {instansi.nama}: tidak ada unit dengan UNOR ID "
                      f"'{r.get('unor_id') or '-'}' maupun dengan nama itu. Daftarkan unitnya (dengan UNOR ID) atau "
                      "samakan namanya dengan UNOR di SIASN.")
        problem(r[ROW], "kode_unit", name, reason)
    return df.with_columns(pl.col("_kode_unit").alias("kode_unit")).drop("_kode_unit")


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def report_of(plan: Plan, table: Table, seconds: float) -> dict[str, Any]:
    changed_cols: dict[str, int] = {}
    changes = []
    for obj, ch in plan.update:
        headers = [plan.header(f) if plan.header else (table.headers.get(FIELD_KEY.get(f, f)) or header_of(f))
                   for f in ch if not f.startswith("_")]
        for h in headers:
            changed_cols[h] = changed_cols.get(h, 0) + 1
        if len(changes) < 5000:
            key, name = plan.label(obj)
            changes.append({"kunci": key, "nama": name, "kolom": headers})
    refused = len(plan.refused_rows)
    return {
        "lembar": table.sheet,
        "jenis": table.jenis,
        "summary": {
            "baris": plan.rows, "baru": plan.creates, "berubah": len(plan.update), "tetap": plan.unchanged,
            "ditolak": refused, "masalah": len(plan.problems),
            "akan_ditulis": plan.creates + len(plan.update) if not plan.problems else 0,
        },
        "kolom_berubah": dict(sorted(changed_cols.items(), key=lambda kv: -kv[1])),
        "perubahan": changes,
        "problems": plan.problems,
        "peringatan": plan.warnings,
        "format": table.source,
        "kolom_diabaikan": [] if table.source == "SIASN" else table.ignored_headers,
        "kolom_siasn_tidak_dipakai": table.ignored_headers if table.source == "SIASN" else [],
        "detik": round(seconds, 2),
    }

"""Dashboard aggregates: counted in the database on the user's restricted set of active ASN."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from simerit.organisasi.choices import JenisJabatan
from simerit.organisasi.models import UnitOrganisasi
from simerit.organisasi.tree import grouping_unit, per_subunit
from simerit.pegawai.choices import JenisKelamin, StatusKepegawaian
from simerit.pegawai.models import Pegawai
from simerit.pegawai.selectors import years_before
from simerit.referensi.models import Pangkat, TingkatPendidikan

# Age shown as "approaching retirement": a plain age count, not the BUP rule (which comes later).
USIA_MENDEKATI_PENSIUN = 56
# 5-year bands of the age pyramid: (lowest age, highest age or None for open-ended).
AGE_BANDS: tuple[tuple[int, int | None], ...] = (
    (0, 24),
    (25, 29),
    (30, 34),
    (35, 39),
    (40, 44),
    (45, 49),
    (50, 54),
    (55, 59),
    (60, None),
)
GOLONGAN_COLORS = {"I": "#9bc4e2", "II": "#5ea3d6", "III": "#2f7fc1", "IV": "#0b4a7d"}
SEX_COLORS = {JenisKelamin.L: "#2f7fc1", JenisKelamin.P: "#d9538a"}


def _band_label(lo: int, hi: int | None) -> str:
    if lo == 0:
        return f"< {hi + 1}" if hi is not None else ""
    if hi is None:
        return f"≥ {lo}"
    return f"{lo}–{hi}"


def dasbor_pegawai(*, user: Any) -> QuerySet[Pegawai]:
    """The employees the dashboard counts: active ASN in the user's scope."""
    return Pegawai.objects.restrict(user).filter(aktif=True)


def dasbor_scope_label(*, user: Any) -> str:
    """What the numbers cover, for the chart titles."""
    if per_subunit(user):
        return user.unit.nama
    if user.instansi_id:
        return user.instansi.nama
    return _("seluruh instansi")


def _kpi(qs: QuerySet[Pegawai], today: dt.date) -> dict[str, Any]:
    batas = years_before(today, USIA_MENDEKATI_PENSIUN)
    k = qs.aggregate(
        total=Count("id"),
        pns=Count("id", filter=Q(status=StatusKepegawaian.PNS)),
        cpns=Count("id", filter=Q(status=StatusKepegawaian.CPNS)),
        pppk=Count("id", filter=Q(status=StatusKepegawaian.PPPK)),
        perempuan=Count("id", filter=Q(jenis_kelamin=JenisKelamin.P)),
        usia_56=Count("id", filter=Q(tanggal_lahir__lte=batas)),
    )
    k["persen_perempuan"] = (100 * k["perempuan"] / k["total"]) if k["total"] else 0
    return k


def _by_unit(qs: QuerySet[Pegawai], user: Any) -> dict[str, list[Any]]:
    """Headcount per top-level unit of the user's scope, largest first.

    Instansi-wide viewers see one bar per OPD; an operator sees one bar per direct sub-unit of
    their unit (staff placed directly in their unit get a bar of their own).
    """
    counts = qs.values("unit__path").annotate(n=Count("id")).order_by()
    per_unit: dict[int, int] = defaultdict(int)
    for row in counts:
        key = grouping_unit(row["unit__path"], user)
        if key is not None:
            per_unit[key] += row["n"]
    units = UnitOrganisasi.objects.restrict(user).filter(pk__in=per_unit).only("nama", "singkatan")
    names = {u.pk: (u.nama, f"{u.nama} ({u.singkatan})" if u.singkatan else u.nama) for u in units}
    rows = sorted(per_unit.items(), key=lambda kv: (-kv[1], names.get(kv[0], ("", ""))[1]))
    return {
        "labels": [names.get(pk, ("?", "?"))[0] for pk, _n in rows],
        "full": [names.get(pk, ("?", "?"))[1] for pk, _n in rows],
        "values": [n for _pk, n in rows],
    }


def _by_golongan(qs: QuerySet[Pegawai]) -> dict[str, list[Any]]:
    counts = {r["pangkat__kode"]: r["n"] for r in qs.values("pangkat__kode").annotate(n=Count("id")).order_by()}
    ladder = list(Pangkat.objects.order_by("urutan").values_list("kode", "golongan"))
    labels = [kode for kode, _g in ladder] + [_("PPPK/tanpa golongan")]
    values = [counts.get(kode, 0) for kode, _g in ladder] + [counts.get(None, 0)]
    colors = [GOLONGAN_COLORS.get(g, "#2f7fc1") for _k, g in ladder] + ["#45b29d"]
    return {"labels": labels, "values": values, "colors": colors}


def _by_pendidikan(qs: QuerySet[Pegawai]) -> dict[str, list[Any]]:
    counts = {r["pendidikan__kode"]: r["n"] for r in qs.values("pendidikan__kode").annotate(n=Count("id")).order_by()}
    levels = list(TingkatPendidikan.objects.order_by("urutan").values_list("kode", flat=True))
    labels, values = list(levels), [counts.get(k, 0) for k in levels]
    if counts.get(None):
        labels.append(_("Tidak diketahui"))
        values.append(counts[None])
    return {"labels": labels, "values": values}


def _by_sex(qs: QuerySet[Pegawai]) -> dict[str, list[Any]]:
    counts = {r["jenis_kelamin"]: r["n"] for r in qs.values("jenis_kelamin").annotate(n=Count("id")).order_by()}
    sexes = list(JenisKelamin)
    return {
        "labels": [str(s.label) for s in sexes],
        "values": [counts.get(s.value, 0) for s in sexes],
        "colors": [SEX_COLORS[s] for s in sexes],
    }


def _by_jenis_jabatan(qs: QuerySet[Pegawai]) -> dict[str, list[Any]]:
    counts = {r["jabatan__jenis"]: r["n"] for r in qs.values("jabatan__jenis").annotate(n=Count("id")).order_by()}
    labels = [str(j.label).split(" (")[0] for j in JenisJabatan]
    values = [counts.get(j.value, 0) for j in JenisJabatan]
    if counts.get(None):
        labels.append(_("Belum ada jabatan"))
        values.append(counts[None])
    return {"labels": labels, "values": values}


def _age_pyramid(qs: QuerySet[Pegawai], today: dt.date) -> dict[str, list[Any]]:
    """Counts per 5-year age band and sex; a band is a birth-date range relative to today."""
    # Band i holds those younger than the next band's lowest age: born after that many years ago.
    whens = [
        When(tanggal_lahir__gt=years_before(today, next_lo), then=Value(i))
        for i, (next_lo, _hi) in enumerate(AGE_BANDS[1:])
    ]
    band = Case(*whens, default=Value(len(AGE_BANDS) - 1))
    rows = qs.annotate(band=band).values("band", "jenis_kelamin").annotate(n=Count("id")).order_by()
    male = [0] * len(AGE_BANDS)
    female = [0] * len(AGE_BANDS)
    for r in rows:
        target = male if r["jenis_kelamin"] == JenisKelamin.L else female
        target[r["band"]] += r["n"]
    return {"bands": [_band_label(lo, hi) for lo, hi in AGE_BANDS], "male": male, "female": female}


def dasbor_data(*, user: Any, today: dt.date | None = None) -> dict[str, Any]:
    """Everything the dashboard shows, in about ten queries whatever the number of employees."""
    today = today or timezone.localdate()
    qs = dasbor_pegawai(user=user)
    return {
        "today": today,
        "scope": dasbor_scope_label(user=user),
        "kpi": _kpi(qs, today),
        "usia_batas": USIA_MENDEKATI_PENSIUN,
        "unit_chart_title": _("Jumlah ASN per sub-unit") if per_subunit(user) else _("Jumlah ASN per OPD"),
        "charts": {
            "opd": _by_unit(qs, user),
            "golongan": _by_golongan(qs),
            "pendidikan": _by_pendidikan(qs),
            "jenis_kelamin": _by_sex(qs),
            "usia": _age_pyramid(qs, today),
            "jenis_jabatan": _by_jenis_jabatan(qs),
        },
    }

"""Reads of employee data for the screens and the API; every row goes through `restrict(user)`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from simerit.core.models import CHANGE, Role
from simerit.core.permissions import EDIT_ROLES, user_has_role
from simerit.organisasi.models import StandarKompetensi, UnitOrganisasi
from simerit.organisasi.tree import path_ids
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
    RiwayatPenghargaan,
)
from simerit.rules._dates import add_months, months_before

# Viewers who see the full NIK; everyone else sees only its last four digits.
NIK_FULL_ROLES = frozenset({Role.ADMIN})


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` earlier (29 February falls back to 28 February)."""
    return add_months(day, -12 * years)


def age_on(birth: dt.date | None, day: dt.date) -> int | None:
    """Completed years of age on `day`."""
    if birth is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def unit_filter_choices(*, user: Any) -> QuerySet[UnitOrganisasi]:
    """Units offered by the list's OPD filter: the top-level units the user can see.

    Instansi-wide roles get the OPD (level-0 units). An operator sees one subtree, so they get
    their own unit and its direct sub-units instead of a one-item list.
    """
    visible = UnitOrganisasi.objects.restrict(user)
    if user.is_superuser or user.role != Role.OPERATOR:
        return visible.filter(parent__isnull=True).order_by("nama")
    return visible.filter(Q(pk=user.unit_id) | Q(parent_id=user.unit_id)).order_by("level", "nama")


def pegawai_list(*, user: Any, filters: Any = None) -> QuerySet[Pegawai]:
    """Employees in the user's scope, filtered with `PegawaiFilterSet`, ready for a table."""
    from simerit.pegawai.filtersets import PegawaiFilterSet

    base = Pegawai.objects.restrict(user).select_related("pangkat", "jabatan", "unit").order_by("nama", "id")
    return PegawaiFilterSet(filters if filters is not None else {}, queryset=base, user=user).qs


def _history(model: Any, user: Any, *related: str) -> QuerySet[Any]:
    qs = model.objects.restrict(user)
    return qs.select_related(*related) if related else qs


def pegawai_get(*, user: Any, pk: int) -> Pegawai:
    """One employee in the user's scope with every history prefetched (404 when out of scope)."""
    qs = (
        Pegawai.objects.restrict(user)
        .select_related("pangkat", "jabatan", "unit", "pendidikan", "instansi")
        .prefetch_related(
            Prefetch("riwayatpangkat_set", _history(RiwayatPangkat, user, "pangkat").order_by("-tmt", "-id")),
            Prefetch("riwayatjabatan_set", _history(RiwayatJabatan, user, "jabatan", "unit").order_by("-tmt", "-id")),
            Prefetch(
                "riwayatpendidikan_set", _history(RiwayatPendidikan, user, "tingkat").order_by("-tahun_lulus", "-id")
            ),
            Prefetch("riwayatdiklat_set", _history(RiwayatDiklat, user).order_by("-tanggal_selesai", "-id")),
            Prefetch("riwayatkinerja_set", _history(RiwayatKinerja, user).order_by("-tahun")),
            Prefetch("riwayathukdis_set", _history(RiwayatHukdis, user).order_by("-tanggal_sk", "-id")),
            Prefetch(
                "riwayatasesmen_set",
                _history(RiwayatAsesmen, user)
                .order_by("-tanggal")
                .prefetch_related(Prefetch("nilai", _history(NilaiAsesmen, user, "kompetensi"))),
            ),
            Prefetch("riwayatpenghargaan_set", _history(RiwayatPenghargaan, user).order_by("-tahun", "-id")),
            # The standard of the employee's own position is part of that (in-scope) position,
            # not a separately scoped row: an employee must see the standard they are measured on.
            Prefetch("jabatan__standar", StandarKompetensi.objects.select_related("kompetensi")),
        )
    )
    return get_object_or_404(qs, pk=pk)


def pegawai_get_for_change(*, user: Any, pk: int) -> Pegawai:
    """One employee the user may change (404 when out of the change scope)."""
    return get_object_or_404(Pegawai.objects.restrict(user, CHANGE), pk=pk)


def mask_nik(nik: str) -> str:
    if not nik:
        return ""
    return "•" * max(len(nik) - 4, 0) + nik[-4:]


@dataclass
class BarisKompetensi:
    kode: str
    nama: str
    level: int | None
    standar: int | None

    @property
    def selisih(self) -> int | None:
        if self.level is None or self.standar is None:
            return None
        return self.level - self.standar


@dataclass
class AsesmenTampil:
    asesmen: RiwayatAsesmen
    baris: list[BarisKompetensi]


@dataclass
class ProfilPegawai:
    """What the profile page shows, computed once from the prefetched employee."""

    pegawai: Pegawai
    nik: str
    umur: int | None
    unit_path: list[UnitOrganisasi]
    peringatan: list[str]
    jp_12_bulan: int
    asesmen: list[AsesmenTampil]
    radar: dict[str, Any] | None
    riwayat: dict[str, list[Any]] = field(default_factory=dict)
    can_change: bool = False


def pegawai_profil(*, user: Any, pk: int, today: dt.date | None = None) -> ProfilPegawai:
    """The employee profile for `user`: data, masked NIK, unit chain, JP total and assessments."""
    today = today or timezone.localdate()
    p = pegawai_get(user=user, pk=pk)
    show_full_nik = user.is_superuser or user.role in NIK_FULL_ROLES

    # The chain of the employee's own unit (names only), OPD first. The employee is already in
    # scope, so the names of the units above theirs are not a separate disclosure.
    ids = path_ids(p.unit.path)
    by_id = {u.pk: u for u in UnitOrganisasi.objects.filter(pk__in=ids, instansi_id=p.instansi_id)}
    unit_path = [by_id[i] for i in ids if i in by_id] or [p.unit]

    diklat = list(p.riwayatdiklat_set.all())
    # The same 12-month window as IP ASN's technical-training indicator (decisions.md "Time windows").
    sejak = months_before(today, 12)
    jp_12 = sum(d.jp for d in diklat if d.tanggal_selesai and d.tanggal_selesai > sejak)

    standar = {s.kompetensi_id: s for s in p.jabatan.standar.all()} if p.jabatan_id else {}
    asesmen_tampil = []
    for a in p.riwayatasesmen_set.all():
        nilai = {n.kompetensi_id: n for n in a.nilai.all()}
        komp = {k: n.kompetensi for k, n in nilai.items()} | {k: s.kompetensi for k, s in standar.items()}
        baris = [
            BarisKompetensi(
                kode=k.kode,
                nama=k.nama,
                level=nilai[k.pk].level if k.pk in nilai else None,
                standar=standar[k.pk].level if k.pk in standar else None,
            )
            for k in sorted(komp.values(), key=lambda k: (k.urutan, k.nama))
        ]
        asesmen_tampil.append(AsesmenTampil(asesmen=a, baris=baris))

    radar = None
    if asesmen_tampil and asesmen_tampil[0].baris:
        latest = asesmen_tampil[0]
        radar = {
            "indikator": [b.nama for b in latest.baris],
            "level": [b.level for b in latest.baris],
            "standar": [b.standar for b in latest.baris],
            "tanggal": latest.asesmen.tanggal.isoformat(),
            "ada_standar": any(b.standar is not None for b in latest.baris),
        }

    can_change = user_has_role(user, EDIT_ROLES) and Pegawai.objects.restrict(user, CHANGE).filter(pk=p.pk).exists()
    return ProfilPegawai(
        can_change=can_change,
        pegawai=p,
        nik=p.nik if show_full_nik else mask_nik(p.nik),
        umur=age_on(p.tanggal_lahir, today),
        unit_path=unit_path,
        peringatan=p.nip_warnings(),
        jp_12_bulan=jp_12,
        asesmen=asesmen_tampil,
        radar=radar,
        riwayat={
            "pangkat": list(p.riwayatpangkat_set.all()),
            "jabatan": list(p.riwayatjabatan_set.all()),
            "pendidikan": list(p.riwayatpendidikan_set.all()),
            "diklat": diklat,
            "kinerja": list(p.riwayatkinerja_set.all()),
            "hukdis": list(p.riwayathukdis_set.all()),
            "penghargaan": list(p.riwayatpenghargaan_set.all()),
        },
    )

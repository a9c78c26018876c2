"""The one FilterSet of employees, shared by the HTML list and the API."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from simerit.organisasi.choices import JenisJabatan
from simerit.organisasi.models import UnitOrganisasi
from simerit.pegawai.choices import StatusKepegawaian
from simerit.pegawai.models import Pegawai
from simerit.pegawai.selectors import unit_filter_choices
from simerit.referensi.models import Pangkat

AKTIF_CHOICES = [
    ("aktif", _("Aktif")),
    ("nonaktif", _("Tidak aktif")),
    ("semua", _("Semua")),
]


class PegawaiFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_q",
        label=_("Cari"),
        widget=forms.TextInput(attrs={"placeholder": _("NIP atau nama"), "type": "search", "autocomplete": "off"}),
    )
    opd = django_filters.ModelChoiceFilter(
        queryset=UnitOrganisasi.objects.none(),
        method="filter_opd",
        label=_("OPD / unit"),
        empty_label=_("Semua OPD"),
    )
    golongan = django_filters.ModelChoiceFilter(
        field_name="pangkat",
        to_field_name="kode",
        queryset=Pangkat.objects.order_by("urutan"),
        label=_("Golongan"),
        empty_label=_("Semua golongan"),
    )
    jenis_jabatan = django_filters.ChoiceFilter(
        field_name="jabatan__jenis",
        choices=JenisJabatan.choices,
        label=_("Jenis jabatan"),
        empty_label=_("Semua jenis jabatan"),
    )
    status = django_filters.ChoiceFilter(
        choices=StatusKepegawaian.choices, label=_("Status kepegawaian"), empty_label=_("Semua status")
    )
    aktif = django_filters.ChoiceFilter(
        choices=AKTIF_CHOICES, method="filter_aktif", label=_("Keaktifan"), empty_label=None
    )

    class Meta:
        model = Pegawai
        fields = ["q", "opd", "golongan", "jenis_jabatan", "status", "aktif"]

    def __init__(
        self,
        data: Any = None,
        queryset: QuerySet[Pegawai] | None = None,
        *,
        request: Any = None,
        prefix: str | None = None,
        user: Any = None,
    ) -> None:
        self.user = user if user is not None else getattr(request, "user", None)
        if queryset is None:
            # Never fall back to the unscoped default manager.
            queryset = Pegawai.objects.restrict(self.user)
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.filters["opd"].queryset = (
            unit_filter_choices(user=self.user) if self.user is not None else UnitOrganisasi.objects.none()
        )

    @property
    def form(self) -> forms.Form:
        form = super().form
        if not getattr(form, "_simerit_styled", False):
            form.fields["golongan"].label_from_instance = lambda p: f"{p.kode} – {p.nama}"
            for f in form.fields.values():
                is_select = isinstance(f.widget, forms.Select)
                f.widget.attrs.setdefault("class", "form-select" if is_select else "form-control")
            form._simerit_styled = True
        return form

    def filter_queryset(self, queryset: QuerySet[Pegawai]) -> QuerySet[Pegawai]:
        qs = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("aktif"):
            # Default: active employees only.
            qs = qs.filter(aktif=True)
        return qs

    def filter_q(self, queryset: QuerySet[Pegawai], name: str, value: str) -> QuerySet[Pegawai]:
        value = value.strip()
        if not value:
            return queryset
        if value.isdigit():
            return queryset.filter(Q(nip__startswith=value) | Q(nama__icontains=value))
        return queryset.filter(nama__icontains=value)

    def filter_opd(self, queryset: QuerySet[Pegawai], name: str, value: UnitOrganisasi) -> QuerySet[Pegawai]:
        return queryset.filter(unit__path__startswith=value.path)

    def filter_aktif(self, queryset: QuerySet[Pegawai], name: str, value: str) -> QuerySet[Pegawai]:
        if value == "aktif":
            return queryset.filter(aktif=True)
        if value == "nonaktif":
            return queryset.filter(aktif=False)
        return queryset

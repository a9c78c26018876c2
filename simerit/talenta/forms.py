"""Forms of the talent screens (field rules only; the services decide and write)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from simerit.indeks.models import IndexResult
from simerit.organisasi.models import Jabatan
from simerit.rules import talent
from simerit.talenta import selectors
from simerit.talenta.models import MIN_REASON_LENGTH, CalibrationSession


class SessionForm(forms.Form):
    opd = forms.ModelChoiceField(
        label=_("OPD"),
        queryset=None,
        empty_label=_("— pilih OPD —"),
        error_messages={"required": _("OPD wajib dipilih."), "invalid_choice": _("OPD tidak dikenal.")},
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    judul = forms.CharField(
        label=_("Judul sesi"),
        max_length=200,
        error_messages={"required": _("Judul sesi wajib diisi.")},
        widget=forms.TextInput(
            attrs={"class": "form-control", "placeholder": _("mis. Rapat kalibrasi Tim Manajemen Talenta")}
        ),
    )
    catatan = forms.CharField(
        label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"class": "form-control", "rows": 2})
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = selectors.opd_choices(user=user)


class _ResultChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: IndexResult) -> str:
        return f"{obj.pegawai.nama} — NIP {obj.pegawai.nip} (kotak {obj.box})"


BOX_CHOICES = [("", _("— pilih kotak —"))] + [(str(b), talent.BOX_INFO[b].label) for b in range(9, 0, -1)]


class MoveForm(forms.Form):
    result = _ResultChoice(
        label=_("Pegawai"),
        queryset=None,
        empty_label=_("— pilih pegawai —"),
        error_messages={
            "required": _("Pegawai wajib dipilih."),
            "invalid_choice": _("Pegawai tidak termasuk OPD sesi ini."),
        },
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    box_after = forms.TypedChoiceField(
        label=_("Pindahkan ke kotak"),
        choices=BOX_CHOICES,
        coerce=int,
        error_messages={
            "required": _("Kotak tujuan wajib dipilih."),
            "invalid_choice": _("Kotak tujuan harus 1 sampai 9."),
        },
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    alasan = forms.CharField(
        label=_("Alasan (wajib)"),
        min_length=MIN_REASON_LENGTH,
        error_messages={
            "required": _("Alasan wajib ditulis untuk setiap perpindahan."),
            "min_length": _("Alasan terlalu singkat: tulis paling sedikit %(limit_value)d karakter."),
        },
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 2,
                                     "placeholder": _("mis. kinerja 2025 di atas ekspektasi menurut rapat tim penilai kinerja")}),
    )  # fmt: skip

    def __init__(self, *args: Any, session: CalibrationSession, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["result"].queryset = selectors.movable_people(session=session)


class _JabatanChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Jabatan) -> str:
        return f"{obj.nama} — {obj.unit.nama} ({obj.get_jenjang_display()})"


class KritisForm(forms.Form):
    jabatan = _JabatanChoice(
        label=_("Jabatan"),
        queryset=None,
        empty_label=_("— pilih jabatan —"),
        error_messages={
            "required": _("Jabatan wajib dipilih."),
            "invalid_choice": _("Jabatan tidak dikenal atau sudah kritis."),
        },
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["jabatan"].queryset = selectors.critical_choices(user=user).filter(jenis="struktural")

"""Employee form: choices limited to the user's scope; saving goes through the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from simerit.core.models import CHANGE
from simerit.organisasi.models import Jabatan, UnitOrganisasi
from simerit.pegawai.models import Pegawai

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PegawaiForm(forms.ModelForm):
    """Create or change an employee's main record (histories have their own screens/imports)."""

    class Meta:
        model = Pegawai
        fields = [
            "nip", "nik", "gelar_depan", "nama", "gelar_belakang", "tempat_lahir", "tanggal_lahir",
            "jenis_kelamin", "agama", "status", "tmt_cpns", "tmt_pns", "pangkat", "tmt_pangkat",
            "pendidikan", "unit", "jabatan", "tmt_jabatan", "aktif", "tanggal_berhenti",
        ]
        widgets = dict.fromkeys(("tanggal_lahir", "tmt_cpns", "tmt_pns", "tmt_pangkat", "tmt_jabatan", "tanggal_berhenti"), DATE_WIDGET)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = UnitOrganisasi.objects.restrict(user, CHANGE)
        self.fields["jabatan"].queryset = (
            Jabatan.objects.restrict(user, CHANGE).select_related("unit").order_by("unit__path", "nama")
        )
        self.fields["jabatan"].label_from_instance = lambda j: f"{j.nama} — {j.unit.nama}"
        self.fields["unit"].label_from_instance = lambda u: ("— " * u.level) + u.nama
        self.fields["nip"].widget.attrs.update({"inputmode": "numeric", "maxlength": 18, "autocomplete": "off"})
        self.fields["nik"].widget.attrs.update({"inputmode": "numeric", "maxlength": 16, "autocomplete": "off"})
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            if isinstance(field.widget, forms.CheckboxInput):
                css = "form-check-input"
            field.widget.attrs.setdefault("class", css)

    def clean_nip(self) -> str:
        value = self.cleaned_data["nip"]
        return value.strip() if isinstance(value, str) else value

    def service_data(self) -> dict[str, Any]:
        """The cleaned values, keyed as the services expect."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data}


PegawaiForm.base_fields["aktif"].help_text = _("Hapus centang bila pegawai pensiun, berhenti atau meninggal.")

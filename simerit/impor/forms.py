from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from simerit.impor.columns import JENIS


class UploadForm(forms.Form):
    jenis = forms.ChoiceField(
        label=_("Jenis data"),
        required=False,
        choices=[("", _("Kenali otomatis dari berkas"))] + [(j.kode, j.label) for j in JENIS.values()],
        widget=forms.Select(attrs={"class": "form-select"}),
        help_text=_("Berkas dari templat SIMERIT dan ekspor SIASN dikenali dari nama lembar dan judul kolomnya."),
    )
    berkas = forms.FileField(
        label=_("Berkas (.xlsx atau .csv)"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".xlsx,.csv"}),
    )

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class IndexRunForm(forms.Form):
    as_of = forms.DateField(
        label=_("Keadaan per tanggal"),
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"),
        help_text=_("Biasanya 31 Desember tahun pengukuran."),
    )

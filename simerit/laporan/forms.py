from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from simerit.laporan import selectors
from simerit.laporan.projection import HORIZON_DEFAULT, HORIZON_MAX
from simerit.laporan.reports import NOMINATIF_KOLOM


class OpdForm(forms.Form):
    opd = forms.ModelChoiceField(queryset=None, required=False, label=_("OPD"), empty_label=_("Seluruh cakupan"))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = selectors.opd_choices(user=user)
        for f in self.fields.values():
            f.widget.attrs.setdefault("class", "form-select" if isinstance(f.widget, forms.Select) else "form-control")


class PensiunForm(OpdForm):
    dari = forms.DateField(
        label=_("TMT pensiun dari"), required=False, widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    sampai = forms.DateField(
        label=_("sampai"), required=False, widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["dari"] > data["sampai"]:
            raise ValidationError(_("Tanggal awal periode harus sebelum tanggal akhirnya."))
        return data


class BezettingForm(OpdForm):
    tahun = forms.IntegerField(label=_("Pensiun dalam (tahun)"), min_value=1, max_value=10, initial=2, required=False)


class ProyeksiForm(OpdForm):
    tahun = forms.IntegerField(
        label=_("Jangka (tahun)"), min_value=1, max_value=HORIZON_MAX, initial=HORIZON_DEFAULT, required=False
    )


class NominatifKolomForm(forms.Form):
    kolom = forms.MultipleChoiceField(
        label=_("Kolom"), required=False, widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        choices=[(k, c.judul) for k, (c, _get) in NOMINATIF_KOLOM.items()],
    )  # fmt: skip

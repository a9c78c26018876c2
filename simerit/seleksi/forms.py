from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from simerit.organisasi.models import Jabatan
from simerit.rules import eligibility
from simerit.seleksi.models import MeritWeights, PlacementRound

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class BootstrapMixin:
    """Bootstrap classes on every widget (as the employee form does)."""

    def style(self) -> None:
        for field in self.fields.values():  # type: ignore[attr-defined]
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple):
                continue
            widget.attrs.setdefault("class", "form-select" if isinstance(widget, forms.Select) else "form-control")


class VacancyForm(BootstrapMixin, forms.Form):
    jabatan = forms.ModelChoiceField(queryset=Jabatan.objects.none(), label=_("Jabatan"))
    seats = forms.IntegerField(label=_("Jumlah formasi"), min_value=1, max_value=100, initial=1)
    as_of = forms.DateField(label=_("Keadaan per"), widget=DATE)
    placement_round = forms.ModelChoiceField(
        queryset=PlacementRound.objects.none(), required=False, label=_("Putaran penempatan (opsional)")
    )
    note = forms.CharField(label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["as_of"].initial = today
        levels = list(eligibility.level_rules(today))
        self.fields["jabatan"].queryset = (
            Jabatan.objects.restrict(user)
            .filter(jenjang__in=levels)
            .select_related("unit")
            .order_by("unit__path", "nama")
        )
        self.fields["jabatan"].label_from_instance = lambda j: f"{j.nama} — {j.unit.nama} ({j.get_jenjang_display()})"
        self.fields["placement_round"].queryset = PlacementRound.objects.restrict(user)
        self.style()

    def clean_as_of(self) -> Any:
        value = self.cleaned_data["as_of"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Tanggal keadaan tidak boleh di masa depan."))
        return value


class DecisionForm(BootstrapMixin, forms.Form):
    selected = forms.TypedMultipleChoiceField(
        coerce=int, label=_("Kandidat terpilih"), widget=forms.CheckboxSelectMultiple
    )
    justification = forms.CharField(
        label=_("Justifikasi"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib bila yang dipilih bukan kandidat peringkat teratas yang memenuhi syarat."),
    )

    other_nips = forms.CharField(
        label=_("NIP kandidat lain"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": _("mis. 199001012015031001")}),
        help_text=_("Untuk kandidat yang memenuhi syarat di luar daftar di atas: tulis NIP-nya, pisahkan dengan koma "
                    "atau baris baru."),
    )

    def __init__(
        self, *args: Any, choices: list[tuple[int, str]],
        resolve_nips: Callable[[list[str]], dict[str, int]] | None = None, **kwargs: Any,
    ) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self.fields["selected"].choices = choices
        self.fields["selected"].required = False  # someone may be chosen by NIP only
        self.resolve_nips = resolve_nips
        self.style()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        nips = list(dict.fromkeys(re.findall(r"[^\s,;]+", data.get("other_nips") or "")))
        chosen = list(data.get("selected") or [])
        if nips:
            found = self.resolve_nips(nips) if self.resolve_nips else {}
            unknown = [n for n in nips if n not in found]
            if unknown:
                self.add_error("other_nips", _("NIP berikut tidak ada di antara kandidat yang memenuhi syarat untuk "
                                               "lowongan ini: %(nips)s.") % {"nips": ", ".join(unknown)})
            chosen += [found[n] for n in nips if n in found]
        data["selected"] = list(dict.fromkeys(chosen))
        if not data["selected"] and not self.has_error("other_nips"):
            self.add_error("selected", _("Pilih sedikitnya satu kandidat."))
        return data


class MeritWeightsForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = MeritWeights
        fields = ["valid_from", "kualifikasi", "kompetensi", "kinerja", "rekam_jejak", "reason"]
        widgets = {"valid_from": DATE, "reason": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style()


class PlacementRoundForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=_("Nama putaran"), max_length=200)
    as_of = forms.DateField(label=_("Keadaan per"), widget=DATE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style()

"""The audit log screen (admin and auditor only)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import django_filters
from django import forms
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from simerit.core.models import AuditEvent
from simerit.core.permissions import AUDIT_LOG_ROLES, role_required

PAGE_SIZE = 50
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _model_label(label: str) -> str:
    try:
        return str(apps.get_model(label)._meta.verbose_name).capitalize()
    except (LookupError, ValueError):
        return label


class AuditEventFilterSet(django_filters.FilterSet):
    pelaku = django_filters.CharFilter(field_name="actor_label", lookup_expr="icontains", label=gettext_lazy("Pelaku"))
    model = django_filters.ChoiceFilter(label=gettext_lazy("Data"), empty_label=gettext_lazy("Semua data"))
    action = django_filters.ChoiceFilter(
        choices=AuditEvent.Action.choices, label=gettext_lazy("Aksi"), empty_label=gettext_lazy("Semua aksi")
    )
    dari = django_filters.DateFilter(
        field_name="created_at",
        lookup_expr="date__gte",
        label=gettext_lazy("Dari tanggal"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sampai = django_filters.DateFilter(
        field_name="created_at",
        lookup_expr="date__lte",
        label=gettext_lazy("Sampai tanggal"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = AuditEvent
        fields = ["pelaku", "model", "action", "dari", "sampai"]

    def __init__(self, data: Any = None, queryset: QuerySet[AuditEvent] | None = None, **kwargs: Any) -> None:
        super().__init__(data, queryset, **kwargs)
        models = self.queryset.order_by().values_list("model", flat=True).distinct()
        self.filters["model"].extra["choices"] = sorted(((m, _model_label(m)) for m in models), key=lambda c: c[1])

    @property
    def form(self) -> forms.Form:
        form = super().form
        for f in form.fields.values():
            f.widget.attrs.setdefault("class", "form-select" if isinstance(f.widget, forms.Select) else "form-control")
        return form


@dataclass
class Perubahan:
    field: str
    old: Any
    new: Any


def _display(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if value is True:
        return _("Ya")
    if value is False:
        return _("Tidak")
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        # Dates are stored as ISO text in the JSON; show them as the rest of the UI does.
        return date_format(dt.date.fromisoformat(value), "j M Y")
    return str(value)


def _changes(event: AuditEvent) -> list[Perubahan]:
    """The changed fields of one event with readable field names (verbose_name)."""
    try:
        meta = apps.get_model(event.model)._meta
    except (LookupError, ValueError):
        meta = None
    rows = []
    for name, pair in (event.changes or {}).items():
        old, new = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        label = name
        if meta is not None:
            try:
                label = str(meta.get_field(name).verbose_name)
            except FieldDoesNotExist:
                pass
        rows.append(Perubahan(field=label, old=_display(old), new=_display(new)))
    return rows


@role_required(AUDIT_LOG_ROLES)
def audit_log_view(request: HttpRequest) -> HttpResponse:
    events = AuditEvent.objects.restrict(request.user).select_related("instansi").order_by("-created_at", "-id")
    filterset = AuditEventFilterSet(request.GET, queryset=events)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    for event in page.object_list:
        event.perubahan = _changes(event)
        event.model_label = _model_label(event.model)
    return render(
        request,
        "core/audit.html",
        {"filterset": filterset, "page_obj": page, "filtered": any(v for k, v in request.GET.items() if k != "page")},
    )

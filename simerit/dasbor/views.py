"""The dashboard: headcount KPIs and charts for the user's scope."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from simerit.core.permissions import DASHBOARD_ROLES, role_required
from simerit.dasbor.selectors import dasbor_data
from simerit.indeks.selectors import merit_dashboard


@role_required(DASHBOARD_ROLES)
def dasbor_index_view(request: HttpRequest) -> HttpResponse:
    context = dasbor_data(user=request.user) | {"merit": merit_dashboard(user=request.user)}
    return render(request, "dasbor/index.html", context)

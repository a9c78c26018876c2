"""The dashboard: headcount KPIs and charts for the user's scope."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from simerit.core.permissions import DASHBOARD_ROLES, role_required
from simerit.dasbor.selectors import dasbor_data


@role_required(DASHBOARD_ROLES)
def dasbor_index_view(request: HttpRequest) -> HttpResponse:
    return render(request, "dasbor/index.html", dasbor_data(user=request.user))

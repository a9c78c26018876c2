"""Employee screens: the filtered list and the profile. Reads go through `selectors`."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from simerit.core.permissions import PEGAWAI_DETAIL_ROLES, PEGAWAI_LIST_ROLES, role_required
from simerit.pegawai.filtersets import PegawaiFilterSet
from simerit.pegawai.selectors import pegawai_list, pegawai_profil

PAGE_SIZE = 50


@role_required(PEGAWAI_LIST_ROLES)
def pegawai_list_view(request: HttpRequest) -> HttpResponse:
    filterset = PegawaiFilterSet(request.GET, user=request.user)
    page = Paginator(pegawai_list(user=request.user, filters=request.GET), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "filterset": filterset,
        "page_obj": page,
        "filtered": any(v for k, v in request.GET.items() if k not in ("page", "aktif")),
    }
    # htmx swaps only the result table when a filter changes; without JS the full page is served.
    template = "pegawai/partials/_tabel.html" if request.headers.get("HX-Request") else "pegawai/list.html"
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


@role_required(PEGAWAI_DETAIL_ROLES)
def pegawai_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    profil = pegawai_profil(user=request.user, pk=pk)
    return render(request, "pegawai/detail.html", {"profil": profil, "p": profil.pegawai})

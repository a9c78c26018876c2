"""Employee screens: the filtered list and the profile. Reads go through `selectors`."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from simerit.core.form_errors import add_service_errors
from simerit.core.permissions import EDIT_ROLES, PEGAWAI_DETAIL_ROLES, PEGAWAI_LIST_ROLES, role_required
from simerit.indeks.selectors import skor_pegawai
from simerit.pegawai.filtersets import PegawaiFilterSet
from simerit.pegawai.forms import PegawaiForm
from simerit.pegawai.selectors import pegawai_get_for_change, pegawai_list, pegawai_profil
from simerit.pegawai.services import pegawai_create, pegawai_update

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
    skor = skor_pegawai(user=request.user, pegawai=profil.pegawai)
    return render(request, "pegawai/detail.html", {"profil": profil, "p": profil.pegawai, "skor": skor})


@role_required(EDIT_ROLES)
def pegawai_create_view(request: HttpRequest) -> HttpResponse:
    if not request.user.instansi_id:
        raise PermissionDenied
    form = PegawaiForm(request.POST or None, user=request.user)
    form.instance.instansi_id = request.user.instansi_id
    if request.method == "POST" and form.is_valid():
        try:
            pegawai = pegawai_create(acting_user=request.user, instansi=request.user.instansi, data=form.service_data())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Data pegawai %(nama)s tersimpan.") % {"nama": pegawai.nama_lengkap})
            return redirect(pegawai)
    return render(request, "pegawai/form.html", {"form": form, "pegawai": None})


@role_required(EDIT_ROLES)
def pegawai_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    pegawai = pegawai_get_for_change(user=request.user, pk=pk)
    form = PegawaiForm(request.POST or None, instance=pegawai, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            pegawai = pegawai_update(acting_user=request.user, pegawai=pegawai, data=form.service_data())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Perubahan data %(nama)s tersimpan.") % {"nama": pegawai.nama_lengkap})
            return redirect(pegawai)
    return render(request, "pegawai/form.html", {"form": form, "pegawai": pegawai})

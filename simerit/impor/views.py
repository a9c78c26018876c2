"""Import screens: list + upload + template, the dry-run report with its confirm button, and the
progress partial polled by htmx. Writes go through `services`."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from simerit.core.models import CHANGE, VIEW, Role
from simerit.core.permissions import IMPOR_ROLES, role_required
from simerit.core.tasks import runs_in_background
from simerit.impor import services
from simerit.impor.columns import JENIS
from simerit.impor.forms import UploadForm
from simerit.impor.models import ImportBatch
from simerit.impor.template_xlsx import template
from simerit.organisasi.models import UnitOrganisasi

PROBLEMS_PER_PAGE = 100
LABELS = {j.kode: j.label for j in JENIS.values()}


def _batches(request: HttpRequest):  # type: ignore[no-untyped-def]
    return ImportBatch.objects.restrict(request.user, VIEW).defer("isi", "tabel", "report").select_related("created_by")


@role_required(IMPOR_ROLES)
def batch_list_view(request: HttpRequest) -> HttpResponse:
    form = UploadForm()
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["berkas"]
            try:
                batch = services.batch_upload(
                    acting_user=request.user, nama_berkas=upload.name, isi=upload.read(), jenis=form.cleaned_data["jenis"]
                )
            except (ValidationError, PermissionDenied) as exc:
                messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
            else:
                return redirect(batch)
    page = Paginator(_batches(request), 20).get_page(request.GET.get("page"))
    kinds = [j for j in JENIS.values() if not j.admin_only or request.user.role == Role.ADMIN or request.user.is_superuser]
    return render(request, "impor/list.html", {"form": form, "page_obj": page, "kinds": kinds, "labels": LABELS})


@role_required(IMPOR_ROLES)
def template_view(request: HttpRequest) -> HttpResponse:
    """The template of one kind of file (?jenis=pangkat); the employee file by default."""
    jenis = JENIS.get(request.GET.get("jenis") or "pegawai")
    if jenis is None:
        raise Http404
    units = list(UnitOrganisasi.objects.restrict(request.user, CHANGE).order_by("path"))
    response = HttpResponse(
        template(jenis, units), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{jenis.filename}"'
    return response


def _context(request: HttpRequest, pk: int) -> dict:
    batch = get_object_or_404(_batches(request).defer(None).defer("isi", "tabel"), pk=pk)
    return {"batch": batch, "background": runs_in_background()}


@role_required(IMPOR_ROLES)
def batch_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    context = _context(request, pk)
    problems = context["batch"].report.get("problems", [])
    context["problems"] = Paginator(problems, PROBLEMS_PER_PAGE).get_page(request.GET.get("page"))
    context["warnings"] = Paginator(context["batch"].report.get("peringatan", []), PROBLEMS_PER_PAGE).get_page(
        request.GET.get("pw")
    )
    context["jenis_label"] = LABELS.get(context["batch"].jenis, "")
    return render(request, "impor/detail.html", context)


@role_required(IMPOR_ROLES)
def batch_progress_view(request: HttpRequest, pk: int) -> HttpResponse:
    context = _context(request, pk)
    response = render(request, "impor/partials/_status.html", context)
    if not context["batch"].busy:
        response["HX-Refresh"] = "true"  # the full report replaces the progress bar
    patch_vary_headers(response, ("HX-Request",))
    return response


@role_required(IMPOR_ROLES)
@require_POST
def batch_commit_view(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(_batches(request), pk=pk)
    try:
        services.batch_commit_start(acting_user=request.user, batch=batch)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    return redirect(batch)

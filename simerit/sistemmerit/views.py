"""Self-assessment screens (decision 0090): list per year with the trend, create, fill by aspect,
result with the priorities, finalise, Excel/PDF export. Reads through `selectors`, writes through
`services`; the score comes from `simerit.rules.merit_system`."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from simerit.core.form_errors import flash_service_errors
from simerit.core.permissions import role_required, user_has_role
from simerit.laporan.download import attachment
from simerit.rules import merit_system
from simerit.sistemmerit import exports, selectors, services
from simerit.sistemmerit.models import MANAGE_ROLES, VIEW_ROLES


@role_required(VIEW_ROLES)
def list_view(request: HttpRequest) -> HttpResponse:
    scored = selectors.scored_list(user=request.user)
    rows = [{"a": a, "v": value} for a, value in scored]
    can = user_has_role(request.user, MANAGE_ROLES)
    taken = {r["a"].tahun for r in rows}
    this_year = timezone.localdate().year
    years = [y for y in range(this_year + 1, 2018, -1) if y not in taken]
    instrument = merit_system.instrument_for(timezone.localdate())
    return render(request, "sistemmerit/list.html", {
        "rows": rows, "can": can, "years": years, "default_year": this_year if this_year in years else None,
        "trend": selectors.trend(scored), "instrument": instrument,
    })  # fmt: skip


@role_required(MANAGE_ROLES)
@require_POST
def create_view(request: HttpRequest) -> HttpResponse:
    try:
        assessment = services.assessment_create(acting_user=request.user, tahun=request.POST.get("tahun", ""))
    except ValidationError as exc:
        flash_service_errors(request, exc)
        return redirect("sistemmerit:index")
    messages.success(
        request,
        _("Penilaian mandiri %(t)s dibuat. Level indikator yang dapat dibuktikan dari data sudah diisi dengan saran sistem.")
        % {"t": assessment.tahun},
    )
    return redirect("sistemmerit:fill", pk=assessment.pk)


@role_required(VIEW_ROLES)
def detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    res = selectors.result(assessment)
    can = user_has_role(request.user, MANAGE_ROLES) and not assessment.final
    return render(request, "sistemmerit/detail.html", {"a": assessment, "r": res, "can": can})


def _typed(request: HttpRequest, assessment) -> dict[str, dict[str, str]]:  # noqa: ANN001
    return {
        i.code: {k: request.POST.get(f"{k}_{i.code}", "") for k in ("level", "evidence", "note")}
        for i in assessment.instrument.indicators
    }


@role_required(MANAGE_ROLES)
def fill_view(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    if assessment.final and request.method != "POST":
        messages.info(request, _("Penilaian ini sudah final dan tidak dapat diubah."))
        return redirect(assessment)
    typed = None
    status = 200
    invalid: set[str] = set()
    if request.method == "POST":
        typed = _typed(request, assessment)
        try:
            services.answers_save(acting_user=request.user, assessment=assessment, data=typed)
        except ValidationError as exc:
            flash_service_errors(request, exc)
            status = 400
            if assessment.final:
                return redirect(assessment)
            invalid = set(getattr(exc, "error_dict", {}))
        else:
            messages.success(request, _("Jawaban disimpan."))
            if request.POST.get("lanjut") == "saran":
                return _refresh(request, assessment)
            if request.POST.get("lanjut") == "hasil":
                return redirect(assessment)
            return redirect("sistemmerit:fill", pk=assessment.pk)
    groups = selectors.form_groups(assessment, typed, invalid)
    return render(
        request, "sistemmerit/fill.html",
        {"a": assessment, "groups": groups, "instrument": assessment.instrument}, status=status,
    )  # fmt: skip


@role_required(MANAGE_ROLES)
@require_POST
def refresh_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _refresh(request, selectors.assessment_get(user=request.user, pk=pk))


def _refresh(request: HttpRequest, assessment) -> HttpResponse:  # noqa: ANN001
    """Compute the suggestions again, say what changed, back to the fill page."""
    try:
        changed = services.suggestions_refresh(acting_user=request.user, assessment=assessment)
    except ValidationError as exc:
        flash_service_errors(request, exc)
        return redirect(assessment)
    if changed:
        messages.success(
            request,
            _("Saran sistem dihitung ulang dari data terkini; saran berubah pada indikator %(i)s. Level yang Anda pilih "
              "sendiri (berbeda dari saran lama) tidak diubah.") % {"i": ", ".join(changed)},
        )  # fmt: skip
    else:
        messages.info(request, _("Saran sistem dihitung ulang dari data terkini; tidak ada yang berubah."))
    return redirect("sistemmerit:fill", pk=assessment.pk)


@role_required(MANAGE_ROLES)
@require_POST
def finalise_view(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    try:
        services.assessment_finalise(acting_user=request.user, assessment=assessment)
    except ValidationError as exc:
        flash_service_errors(request, exc)
    else:
        messages.success(request, _("Penilaian mandiri %(t)s difinalkan dan dikunci.") % {"t": assessment.tahun})
    return redirect(assessment)


def _export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    tabel = exports.result_table(assessment, selectors.result(assessment))
    return attachment(tabel, fmt, f"penilaian-mandiri-sistem-merit-{assessment.tahun}",
                      tempat=exports.tempat(assessment), sheet="Penilaian mandiri")  # fmt: skip


@role_required(VIEW_ROLES)
def export_xlsx_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _export(request, pk, "xlsx")


@role_required(VIEW_ROLES)
def export_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _export(request, pk, "pdf")

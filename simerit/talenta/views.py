"""Talent screens: talent pool per target level, critical positions and the succession-risk map,
calibration sessions. Reads through `selectors`, writes through `services`; no view computes a rule."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from simerit.core.form_errors import flash_form_errors, flash_service_errors
from simerit.core.permissions import TALENTA_CALIBRATE_ROLES, TALENTA_VIEW_ROLES, role_required, user_has_role
from simerit.indeks.selectors import latest_done_run
from simerit.rules import succession
from simerit.talenta import selectors, services
from simerit.talenta.forms import KritisForm, MoveForm, SessionForm

PAGE_SIZE = 25
RISK_ORDER = {c: i for i, c in enumerate(succession.RISK_COLORS)}


@role_required(TALENTA_VIEW_ROLES)
def pool_view(request: HttpRequest) -> HttpResponse:
    level = request.GET.get("jenjang", "jpt_pratama")
    if level not in selectors.POOL_LEVELS:
        level = "jpt_pratama"
    pool = selectors.talent_pool(user=request.user, level=level)
    show = request.GET.get("tampil", "memenuhi")
    rows = pool.excluded if show == "tidak" else pool.eligible
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    chart = {
        "labels": [c["label"] for c in pool.counts],
        "levels": [c["level"] for c in pool.counts],
        "eligible": [c["eligible"] for c in pool.counts],
        "excluded": [c["excluded"] for c in pool.counts],
    }
    return render(
        request,
        "talenta/pool.html",
        {"pool": pool, "page_obj": page, "show": show, "chart": chart, "levels": pool.counts, "tab": "pool"},
    )


@role_required(TALENTA_VIEW_ROLES)
def closest_view(request: HttpRequest) -> HttpResponse:
    closest = selectors.closest_to_next_level(user=request.user, level=request.GET.get("jenjang"))
    page = Paginator(closest.rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "talenta/terdekat.html", {"c": closest, "page_obj": page, "tab": "terdekat"})


@role_required(TALENTA_VIEW_ROLES)
def critical_view(request: HttpRequest) -> HttpResponse:
    overview = selectors.critical_positions(user=request.user)
    form = KritisForm(user=request.user) if user_has_role(request.user, TALENTA_CALIBRATE_ROLES) else None
    colour = request.GET.get("warna", "")
    rows = [p for p in overview.positions if not colour or p.color == colour]
    rows.sort(key=lambda p: (RISK_ORDER[p.color], p.jabatan.unit.path, p.jabatan.nama))
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "talenta/kritis.html",
        {
            "overview": overview,
            "rows": rows,
            "page_obj": page,
            "colour": colour,
            "form": form,
            "tab": "kritis",
            "risk_labels": succession.RISK_LABELS,
            "params": succession.params_for(overview.run.as_of) if overview.run else None,
        },
    )


@role_required(TALENTA_CALIBRATE_ROLES)
@require_POST
def critical_mark_view(request: HttpRequest) -> HttpResponse:
    form = KritisForm(request.POST, user=request.user)
    if form.is_valid():
        jabatan = services.jabatan_set_kritis(
            acting_user=request.user, jabatan=form.cleaned_data["jabatan"], kritis=True
        )
        messages.success(request, _("%(nama)s ditandai sebagai jabatan kritis.") % {"nama": jabatan.nama})
    else:
        flash_form_errors(request, form)
    return redirect("talenta:kritis")


@role_required(TALENTA_CALIBRATE_ROLES)
@require_POST
def critical_unmark_view(request: HttpRequest, pk: int) -> HttpResponse:
    jabatan = selectors.jabatan_get_for_change(user=request.user, pk=pk)
    services.jabatan_set_kritis(acting_user=request.user, jabatan=jabatan, kritis=False)
    messages.success(request, _("%(nama)s tidak lagi ditandai sebagai jabatan kritis.") % {"nama": jabatan.nama})
    return redirect("talenta:kritis")


@role_required(TALENTA_VIEW_ROLES)
def session_list_view(request: HttpRequest) -> HttpResponse:
    sessions = Paginator(selectors.session_list(user=request.user), 20).get_page(request.GET.get("page"))
    can = user_has_role(request.user, TALENTA_CALIBRATE_ROLES)
    return render(
        request,
        "talenta/kalibrasi_list.html",
        {
            "page_obj": sessions,
            "form": SessionForm(user=request.user) if can else None,
            "run": latest_done_run(user=request.user),
            "tab": "kalibrasi",
        },
    )


@role_required(TALENTA_CALIBRATE_ROLES)
@require_POST
def session_create_view(request: HttpRequest) -> HttpResponse:
    form = SessionForm(request.POST, user=request.user)
    run = latest_done_run(user=request.user)
    if run is None:
        messages.error(request, _("Belum ada perhitungan indeks yang selesai: hitung indeks dahulu."))
    elif form.is_valid():
        try:
            session = services.session_open(
                acting_user=request.user,
                run=run,
                opd=form.cleaned_data["opd"],
                judul=form.cleaned_data["judul"],
                catatan=form.cleaned_data["catatan"],
            )
        except ValidationError as exc:
            flash_service_errors(request, exc)
        else:
            messages.success(request, _("Sesi kalibrasi dibuka."))
            return redirect(session)
    else:
        flash_form_errors(request, form)
    return redirect("talenta:kalibrasi")


@role_required(TALENTA_VIEW_ROLES)
def session_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_get(user=request.user, pk=pk)
    view = selectors.calibration_view(user=request.user, session=session)
    can = user_has_role(request.user, TALENTA_CALIBRATE_ROLES) and not session.closed
    form = MoveForm(session=session) if can else None
    return render(
        request, "talenta/kalibrasi_detail.html", {"v": view, "session": session, "form": form, "tab": "kalibrasi"}
    )


@role_required(TALENTA_CALIBRATE_ROLES)
@require_POST
def move_view(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_get(user=request.user, pk=pk)
    form = MoveForm(request.POST, session=session)
    if form.is_valid():
        try:
            move = services.move_record(
                acting_user=request.user,
                session=session,
                result=form.cleaned_data["result"],
                box_after=form.cleaned_data["box_after"],
                alasan=form.cleaned_data["alasan"],
            )
        except ValidationError as exc:
            flash_service_errors(request, exc)
        else:
            messages.success(
                request,
                _("%(nama)s dipindahkan dari kotak %(a)s ke kotak %(b)s.")
                % {"nama": move.pegawai.nama, "a": move.box_before, "b": move.box_after},
            )
            return redirect(session)
    else:
        flash_form_errors(request, form)
    view = selectors.calibration_view(user=request.user, session=session)
    return render(
        request,
        "talenta/kalibrasi_detail.html",
        {"v": view, "session": session, "form": form, "tab": "kalibrasi"},
        status=400,
    )


@role_required(TALENTA_CALIBRATE_ROLES)
@require_POST
def session_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_get(user=request.user, pk=pk)
    try:
        services.session_close(acting_user=request.user, session=session)
    except ValidationError as exc:
        flash_service_errors(request, exc)
    else:
        messages.success(request, _("Sesi kalibrasi ditutup. Hasilnya final dan dipakai untuk kelompok talenta."))
    return redirect(session)

"""Index screens: runs (list, start, progress), 9-box members and the DUK. Reads go through
`selectors`, the start through `services`; no view computes a rule."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from simerit.core.form_errors import flash_service_errors
from simerit.core.models import Role
from simerit.core.permissions import INDEKS_RUN_ROLES, INDEKS_VIEW_ROLES, role_required
from simerit.indeks import selectors
from simerit.indeks.forms import IndexRunForm
from simerit.indeks.services import index_run_start
from simerit.rules import talent

PAGE_SIZE = 50


@role_required(INDEKS_VIEW_ROLES)
def index_run_list_view(request: HttpRequest) -> HttpResponse:
    runs = Paginator(selectors.index_run_list(user=request.user), 20).get_page(request.GET.get("page"))
    form = IndexRunForm(initial={"as_of": selectors.default_as_of()})
    return render(request, "indeks/list.html", {"page_obj": runs, "form": form})


@role_required(INDEKS_RUN_ROLES)
@require_POST
def index_run_start_view(request: HttpRequest) -> HttpResponse:
    form = IndexRunForm(request.POST)
    if form.is_valid() and request.user.instansi_id:
        try:
            run = index_run_start(
                acting_user=request.user, instansi=request.user.instansi, as_of=form.cleaned_data["as_of"]
            )
        except ValidationError as exc:
            flash_service_errors(request, exc)
        else:
            return redirect(run)
    elif not request.user.instansi_id:
        messages.error(request, _("Akun ini tidak terhubung ke instansi mana pun."))
    else:
        for errors in form.errors.values():
            for e in errors:
                messages.error(request, e)
    return redirect("indeks:list")


def _run_context(request: HttpRequest, pk: int) -> dict:
    run = selectors.index_run_get(user=request.user, pk=pk)
    context = {"state": selectors.run_state(run), "run": run}
    if run.status == run.Status.DONE:
        context["summary"] = selectors.run_summary(user=request.user, run=run)
    return context


@role_required(INDEKS_VIEW_ROLES)
def index_run_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "indeks/detail.html", _run_context(request, pk))


@role_required(INDEKS_VIEW_ROLES)
def index_run_progress_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress area alone (polled by htmx every second until the run has finished)."""
    response = render(request, "indeks/partials/_status.html", _run_context(request, pk))
    patch_vary_headers(response, ("HX-Request",))
    return response


@role_required(INDEKS_VIEW_ROLES)
def nine_box_members_view(request: HttpRequest, box: int) -> HttpResponse:
    if box not in talent.BOX_INFO:
        raise Http404
    run = selectors.latest_done_run(user=request.user)
    members = selectors.box_members(user=request.user, run=run, box=box) if run else None
    page = Paginator(members, PAGE_SIZE).get_page(request.GET.get("page")) if members is not None else None
    return render(
        request,
        "indeks/box.html",
        {
            "run": run,
            "box": box,
            "info": talent.BOX_INFO[box],
            "suksesi": box in talent.SUCCESSION_BOXES,
            "page_obj": page,
        },
    )


@role_required(INDEKS_VIEW_ROLES)
def duk_view(request: HttpRequest) -> HttpResponse:
    run = selectors.latest_done_run(user=request.user)
    choices = list(selectors.duk_opd_choices(user=request.user))
    opd_id: int | None = None
    raw = request.GET.get("opd", "")
    if raw.isdigit() and any(u.pk == int(raw) for u in choices):
        opd_id = int(raw)
    elif len(choices) == 1 and not request.user.is_superuser and request.user.role == Role.OPERATOR:
        opd_id = choices[0].pk  # an operator's DUK is the one of their OPD
    page = None
    if run is not None:
        page = Paginator(selectors.duk_list(user=request.user, run=run, opd_id=opd_id), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
    opd = next((u for u in choices if u.pk == opd_id), None)
    return render(request, "indeks/duk.html", {"run": run, "choices": choices, "opd": opd, "page_obj": page})

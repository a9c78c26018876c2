"""Selection screens: vacancies and their ranking, the decision, placement rounds, the sealed
decision record and the fairness check. Reads through `selectors`, writes through `services`."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from simerit.core.form_errors import add_service_errors, flash_form_errors
from simerit.core.permissions import (
    LEDGER_ROLES,
    SELEKSI_DECIDE_ROLES,
    SELEKSI_INDEX_ROLES,
    SELEKSI_MANAGE_ROLES,
    SELEKSI_VIEW_ROLES,
    role_required,
    user_has_role,
)
from simerit.rules import eligibility
from simerit.seleksi import selectors, services
from simerit.seleksi.forms import DecisionForm, MeritWeightsForm, PlacementRoundForm, VacancyForm
from simerit.seleksi.ledger import export_lines, ledger_head, ledger_verify
from simerit.seleksi.models import Vacancy

PAGE_SIZE = 50


@role_required(SELEKSI_INDEX_ROLES)
def index_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    context: dict[str, Any] = {"own": selectors.own_candidacies(user=user)}
    if user_has_role(user, SELEKSI_VIEW_ROLES):
        vacancies = selectors.vacancy_list(user=user)
        status = request.GET.get("status")
        if status in Vacancy.Status.values:
            vacancies = vacancies.filter(status=status)
        context.update(
            vacancies=Paginator(vacancies, PAGE_SIZE).get_page(request.GET.get("page")),
            status=status,
            head=ledger_head(user.instansi_id) if user.instansi_id else None,
        )
    return render(request, "seleksi/index.html", context)


@role_required(SELEKSI_MANAGE_ROLES)
def vacancy_create_view(request: HttpRequest) -> HttpResponse:
    if not request.user.instansi_id:
        raise PermissionDenied
    form = VacancyForm(request.POST or None, user=request.user, initial={"placement_round": request.GET.get("putaran")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            vacancy = services.vacancy_open(
                acting_user=request.user, instansi=request.user.instansi, jabatan=data["jabatan"], seats=data["seats"],
                as_of=data["as_of"], note=data["note"], placement_round=data["placement_round"],
            )  # fmt: skip
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Lowongan dibuka; seluruh pegawai aktif sedang diperingkat."))
            return redirect(vacancy)
    return render(request, "seleksi/vacancy_form.html", {"form": form})


def _decision_form(
    user: Any, ranking: Any, data: Any = None, *, first: list[Any] | None = None, **kwargs: Any
) -> DecisionForm:
    """The committee's form: the first PAGE_SIZE eligible candidates as boxes (plus any chosen
    in `data`), anyone else eligible by NIP. `first`: those candidates when the caller has read
    them already (the page's first table page)."""
    eligible = selectors.candidates(user=user, ranking=ranking, eligible=True)
    posted = [int(i) for i in data.getlist("selected") if str(i).isdigit()] if data is not None else []
    rows = list(eligible[:PAGE_SIZE]) if first is None else list(first)
    shown = {c.pegawai_id for c in rows}
    rows += [c for c in eligible.filter(pegawai_id__in=posted) if c.pegawai_id not in shown]
    return DecisionForm(
        data,
        choices=[(c.pegawai_id, f"{c.rank}. {c.pegawai.nama_lengkap} — {number_format(c.merit, 2)}") for c in rows],
        resolve_nips=lambda nips: selectors.eligible_ids_by_nip(user=user, ranking=ranking, nips=nips),
        **kwargs,
    )


def _vacancy_page(request: HttpRequest, vacancy: Vacancy, form: DecisionForm | None = None) -> HttpResponse:
    user = request.user
    ranking = selectors.ranking_for_display(vacancy)
    decision = getattr(vacancy, "decision", None) if vacancy.status == Vacancy.Status.DECIDED else None
    context: dict[str, Any] = {"vacancy": vacancy, "ranking": ranking, "decision": decision}
    if ranking is not None:
        eligible = selectors.candidates(user=user, ranking=ranking, eligible=True)
        page = Paginator(eligible, PAGE_SIZE).get_page(request.GET.get("page"))
        # The first PAGE_SIZE candidates serve the table's first page, the chart and the form: read once.
        first = list(page.object_list) if page.number == 1 else list(eligible[:PAGE_SIZE])
        context.update(
            page=page,
            ineligible=selectors.candidates(user=user, ranking=ranking, eligible=False)[:PAGE_SIZE],
            reasons=selectors.ineligible_reasons(ranking),
            rule=eligibility.level_rules(ranking.as_of).get(ranking.level),
            chart=[[c.pegawai.nama, round(c.merit, 2)] for c in first[:15]],
            standard=selectors.standard_named(ranking),
            bases=selectors.CRITERION_BASIS,
        )
        if decision is None and user_has_role(user, SELEKSI_DECIDE_ROLES):
            top = services.top_eligible(ranking, vacancy.seats)
            context["form"] = form or _decision_form(user, ranking, initial={"selected": top}, first=first)
            context["top"] = top
    if decision is not None:
        context["selected"] = list(decision.selected.all())
        context["head"] = ledger_head(vacancy.instansi_id)
    return render(request, "seleksi/vacancy_detail.html", context, status=400 if form is not None else 200)


@role_required(SELEKSI_VIEW_ROLES)
def vacancy_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _vacancy_page(request, selectors.vacancy_get(user=request.user, pk=pk))


@role_required(SELEKSI_DECIDE_ROLES)
@require_POST
def vacancy_decide_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Seal the decision, or show the page again with what was typed and why it was refused."""
    vacancy = selectors.vacancy_get(user=request.user, pk=pk)
    ranking = selectors.latest_ranking(vacancy)
    if ranking is None:
        messages.error(request, _("Lowongan ini belum memiliki peringkat kandidat."))
        return redirect(vacancy)
    form = _decision_form(request.user, ranking, request.POST)
    if form.is_valid():
        try:
            services.vacancy_decide(
                acting_user=request.user, vacancy=vacancy, selected_ids=form.cleaned_data["selected"],
                justification=form.cleaned_data["justification"],
            )  # fmt: skip
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Keputusan dicatat dan disegel."))
            return redirect(vacancy)
    flash_form_errors(request, form)
    vacancy.refresh_from_db()
    return _vacancy_page(request, vacancy, form)


@role_required(SELEKSI_MANAGE_ROLES)
@require_POST
def vacancy_recompute_view(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = selectors.vacancy_get(user=request.user, pk=pk)
    try:
        services.ranking_request(acting_user=request.user, vacancy=vacancy, as_of=timezone.localdate())
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Peringkat dihitung ulang dengan data hari ini."))
    return redirect(vacancy)


@role_required(SELEKSI_INDEX_ROLES)
def candidate_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = selectors.candidate_get(user=request.user, pk=pk)
    explanation = selectors.explain_candidate(candidate)
    own = request.user.pegawai_id == candidate.pegawai_id
    return render(
        request, "seleksi/candidate_detail.html",
        {"c": candidate, "vacancy": candidate.ranking.vacancy, "ex": explanation, "own": own},
    )  # fmt: skip


@role_required(SELEKSI_VIEW_ROLES)
def weights_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = None
    if user_has_role(user, SELEKSI_MANAGE_ROLES) and user.instansi_id:
        today = timezone.localdate()
        form = MeritWeightsForm(
            request.POST or None,
            initial={"valid_from": today, **services.weights_form_initial(user.instansi_id, today)},
        )
        form.instance.instansi_id = user.instansi_id
        if request.method == "POST" and form.is_valid():
            data = {k: form.cleaned_data[k] for k in form.Meta.fields}
            try:
                services.merit_weights_create(acting_user=user, instansi=user.instansi, data=data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Bobot baru ditetapkan."))
                return redirect("seleksi:weights")
    elif request.method == "POST":
        raise PermissionDenied
    _row, in_force = (
        services.weights_in_force(user.instansi_id, timezone.localdate()) if user.instansi_id else (None, None)
    )
    return render(
        request, "seleksi/weights.html",
        {"versions": selectors.weights_list(user=user), "form": form, "in_force": in_force, "row": _row},
    )  # fmt: skip


@role_required(SELEKSI_VIEW_ROLES)
def round_list_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = None
    if user_has_role(user, SELEKSI_MANAGE_ROLES) and user.instansi_id:
        form = PlacementRoundForm(request.POST or None, initial={"as_of": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            try:
                rnd = services.placement_round_create(
                    acting_user=user, instansi=user.instansi, name=form.cleaned_data["name"],
                    as_of=form.cleaned_data["as_of"],
                )  # fmt: skip
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return redirect(rnd)
    elif request.method == "POST":
        raise PermissionDenied
    return render(request, "seleksi/round_list.html", {"rounds": selectors.round_list(user=user), "form": form})


@role_required(SELEKSI_VIEW_ROLES)
def round_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = selectors.round_get(user=request.user, pk=pk)
    vacancies = list(rnd.vacancies.select_related("jabatan", "jabatan__unit").order_by("pk"))
    result = rnd.result or {}
    rows = []
    for v in vacancies:
        placed = result.get("lowongan", {}).get(str(v.pk), {})
        rows.append({"v": v, "optimal": placed.get("optimal", []), "greedy": placed.get("greedy", []),
                     "changed": str(v.pk) in result.get("berbeda", [])})  # fmt: skip
    chart = None
    if result:
        chart = {
            "labels": [_("Total skor merit")],
            "names": [_("Optimal"), _("Greedy")],
            "optimal": [result["optimal"]["total"]],
            "greedy": [result["greedy"]["total"]],
        }
    return render(
        request, "seleksi/round_detail.html", {"rnd": rnd, "rows": rows, "result": result, "result_chart": chart}
    )


@role_required(SELEKSI_MANAGE_ROLES)
@require_POST
def round_compute_view(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = selectors.round_get(user=request.user, pk=pk)
    try:
        services.placement_round_compute(acting_user=request.user, placement_round=rnd)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Penempatan optimal dan greedy dihitung."))
    return redirect(rnd)


@role_required(LEDGER_ROLES)
def ledger_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    entries = Paginator(selectors.ledger_list(user=user).order_by("-seq"), PAGE_SIZE).get_page(request.GET.get("page"))
    result = ledger_verify(user.instansi_id) if request.GET.get("verifikasi") and user.instansi_id else None
    head = ledger_head(user.instansi_id) if user.instansi_id else None
    return render(request, "seleksi/ledger.html", {"entries": entries, "result": result, "head": head})


@role_required(LEDGER_ROLES)
def ledger_export_view(request: HttpRequest) -> HttpResponse:
    if not request.user.instansi_id:
        raise PermissionDenied
    name = f"keputusan-seleksi-{request.user.instansi.kode}-{timezone.localdate():%Y%m%d}.jsonl"
    response = StreamingHttpResponse(export_lines(request.user.instansi_id), content_type="application/x-ndjson")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@role_required(SELEKSI_VIEW_ROLES)
def fairness_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    periods = selectors.fairness_periods(user=user)
    year = request.GET.get("tahun")
    round_id = request.GET.get("putaran")
    year_value = int(year) if year and year.isdigit() else None
    round_value = int(round_id) if round_id and round_id.isdigit() else None
    if year_value is None and round_value is None and periods["years"]:
        year_value = periods["years"][0]
    if round_value is not None:
        year_value = None
    tables, n_decisions = selectors.fairness_tables(user=user, year=year_value, round_id=round_value)
    chart_data = []
    for t in tables:
        rates = [r["rate"] for r in t.rows]
        top = max(rates, default=0)
        chart_data.append({
            "id": f"data-{t.dimension}",
            "data": {"labels": [r["group"] for r in t.rows], "rates": rates, "flags": [2 if r["adverse"] and r["significant"] else 1 if r["adverse"] else 0 for r in t.rows],
                     "threshold": 0.8 * top if top else None},
        })  # fmt: skip
    return render(
        request, "seleksi/fairness.html",
        {"tables": tables, "n": n_decisions, "periods": periods, "year": year_value, "round_id": round_value,
         "chart_data": chart_data},
    )  # fmt: skip

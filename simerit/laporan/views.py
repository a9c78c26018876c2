"""Report screens: the list of reports with their filters, and one download view per report and
format. Reads go through `selectors` (restrict + the latest finished run in scope)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from simerit.core.form_errors import flash_form_errors
from simerit.core.permissions import LAPORAN_ROLES, PEGAWAI_DETAIL_ROLES, role_required, user_has_role
from simerit.laporan import projection, reports, selectors
from simerit.laporan.download import attachment
from simerit.laporan.export import Tabel
from simerit.laporan.forms import BezettingForm, NominatifKolomForm, OpdForm, PensiunForm, ProyeksiForm
from simerit.pegawai.filtersets import PegawaiFilterSet


@role_required(PEGAWAI_DETAIL_ROLES)
def index_view(request: HttpRequest) -> HttpResponse:
    """Every role sees the DRH; the other reports are for the roles in LAPORAN_ROLES."""
    if not user_has_role(request.user, LAPORAN_ROLES):
        return render(request, "laporan/index.html", {"reports": False})
    run = selectors.latest_run(user=request.user)
    pensiun_initial = {}
    if run is not None:
        dari, sampai = selectors.default_pensiun_period(run)
        pensiun_initial = {"dari": dari, "sampai": sampai}
    return render(request, "laporan/index.html", {
        "reports": True,
        "run": run,
        "duk_form": OpdForm(user=request.user, prefix="duk"),
        "pensiun_form": PensiunForm(user=request.user, prefix="pensiun", initial=pensiun_initial),
        "bez_form": BezettingForm(user=request.user, prefix="bez"),
        "proyeksi_form": ProyeksiForm(user=request.user, prefix="proyeksi"),
        "nom_filter": PegawaiFilterSet(None, user=request.user, prefix="nom"),
        "nom_kolom": NominatifKolomForm(prefix="nom", initial={"kolom": list(reports.NOMINATIF_DEFAULT)}),
    })  # fmt: skip


def _download(build: Callable[[HttpRequest, object], tuple[Tabel, str] | None], fmt: str):  # noqa: ANN202
    @role_required(LAPORAN_ROLES)
    def view(request: HttpRequest) -> HttpResponse:
        run = selectors.latest_run(user=request.user)
        if run is None:
            messages.error(request, _("Belum ada perhitungan indeks yang selesai; laporan belum dapat dibuat."))
            return redirect("laporan:index")
        built = build(request, run)
        if built is None:
            return redirect("laporan:index")
        tabel, name = built
        return attachment(tabel, fmt, f"{name}-{run.as_of:%Y%m%d}", tempat=reports.tempat(run), sheet=tabel.judul[:31])

    return view


def _duk(request: HttpRequest, run) -> tuple[Tabel, str] | None:  # noqa: ANN001
    form = OpdForm(request.GET, user=request.user, prefix="duk")
    if not form.is_valid():
        flash_form_errors(request, form, labels=False)
        return None
    opd = form.cleaned_data["opd"]
    return reports.duk(user=request.user, run=run, opd=opd), "duk" + (f"-{opd.kode}" if opd else "")


def _pensiun(request: HttpRequest, run) -> tuple[Tabel, str] | None:  # noqa: ANN001
    form = PensiunForm(request.GET, user=request.user, prefix="pensiun")
    if not form.is_valid():
        flash_form_errors(request, form, labels=False)
        return None
    dari, sampai = selectors.default_pensiun_period(run)
    dari = form.cleaned_data["dari"] or dari
    sampai = form.cleaned_data["sampai"] or sampai
    if dari > sampai:
        messages.error(request, _("Tanggal awal periode harus sebelum tanggal akhirnya."))
        return None
    tabel = reports.pensiun(user=request.user, run=run, opd=form.cleaned_data["opd"], dari=dari, sampai=sampai)
    return tabel, "daftar-pensiun"


def _ipasn(request: HttpRequest, run) -> tuple[Tabel, str] | None:  # noqa: ANN001
    return reports.rekap_ipasn(user=request.user, run=run), "rekap-ip-asn"


def _bezetting(request: HttpRequest, run) -> tuple[Tabel, str] | None:  # noqa: ANN001
    form = BezettingForm(request.GET, user=request.user, prefix="bez")
    if not form.is_valid():
        flash_form_errors(request, form, labels=False)
        return None
    opd, tahun = form.cleaned_data["opd"], form.cleaned_data["tahun"] or 2
    return reports.bezetting(user=request.user, run=run, opd=opd, tahun=tahun), "bezetting"


def _proyeksi_form(request: HttpRequest) -> ProyeksiForm:
    return ProyeksiForm(request.GET or None, user=request.user, prefix="proyeksi")


def _proyeksi_args(form: ProyeksiForm) -> tuple[object, int]:
    data = form.cleaned_data if form.is_bound else {}
    return data.get("opd"), data.get("tahun") or projection.HORIZON_DEFAULT


@role_required(LAPORAN_ROLES)
def proyeksi_view(request: HttpRequest) -> HttpResponse:
    """Retirements per coming year by kind of position and OPD, and the headcount left against the
    ABK need, as a chart and a table (decision 0042)."""
    run = selectors.latest_run(user=request.user)
    form = _proyeksi_form(request)
    context: dict[str, object] = {"run": run, "form": form}
    if run is not None and (not form.is_bound or form.is_valid()):
        opd, years = _proyeksi_args(form)
        p = projection.projection(user=request.user, run=run, opd=opd, years=years)
        context.update(p=p, chart=projection.chart_data(p), years=years, query=request.GET.urlencode())
    return render(request, "laporan/proyeksi.html", context)


def _proyeksi(request: HttpRequest, run) -> tuple[Tabel, str] | None:  # noqa: ANN001
    form = _proyeksi_form(request)
    if form.is_bound and not form.is_valid():
        flash_form_errors(request, form, labels=False)
        return None
    opd, years = _proyeksi_args(form)
    p = projection.projection(user=request.user, run=run, opd=opd, years=years)
    return reports.proyeksi(user=request.user, projection=p, opd=opd), "proyeksi-pensiun"


duk_xlsx_view = _download(_duk, "xlsx")
duk_pdf_view = _download(_duk, "pdf")
pensiun_xlsx_view = _download(_pensiun, "xlsx")
pensiun_pdf_view = _download(_pensiun, "pdf")
ipasn_xlsx_view = _download(_ipasn, "xlsx")
ipasn_pdf_view = _download(_ipasn, "pdf")
bezetting_xlsx_view = _download(_bezetting, "xlsx")
bezetting_pdf_view = _download(_bezetting, "pdf")
proyeksi_xlsx_view = _download(_proyeksi, "xlsx")
proyeksi_pdf_view = _download(_proyeksi, "pdf")


def _nominatif(fmt: str):  # noqa: ANN202
    """The Nominatif reads the employees as they are now (no index run needed)."""

    @role_required(LAPORAN_ROLES)
    def view(request: HttpRequest) -> HttpResponse:
        filterset = PegawaiFilterSet(request.GET, user=request.user, prefix="nom")
        kolom = NominatifKolomForm(request.GET, prefix="nom")
        if not filterset.is_valid() or not kolom.is_valid():
            flash_form_errors(request, filterset.form, labels=False)
            flash_form_errors(request, kolom, labels=False)
            return redirect("laporan:index")
        today = timezone.localdate()
        tabel = reports.nominatif(
            user=request.user, filterset=filterset, kolom=kolom.cleaned_data["kolom"], today=today
        )
        inst = request.user.instansi
        tempat = reports.tempat_of(inst)
        return attachment(tabel, fmt, f"nominatif-{today:%Y%m%d}", tempat=tempat, sheet="Nominatif")

    return view


nominatif_xlsx_view = _nominatif("xlsx")
nominatif_pdf_view = _nominatif("pdf")


def _drh(fmt: str):  # noqa: ANN202
    """One employee's DRH: `?nip=` for anyone in the viewer's scope, or the viewer's own record."""

    @role_required(PEGAWAI_DETAIL_ROLES)
    def view(request: HttpRequest) -> HttpResponse:
        pegawai = selectors.drh_pegawai(user=request.user, nip=request.GET.get("nip"))
        if pegawai is None:
            if request.GET.get("nip"):
                messages.error(request, _("Pegawai dengan NIP itu tidak ditemukan dalam lingkup akses Anda."))
            else:
                messages.error(request, _("Isi NIP pegawai yang daftar riwayat hidupnya hendak diunduh."))
            return redirect("laporan:index")
        tabel = reports.drh(user=request.user, pegawai=pegawai, today=timezone.localdate())
        tempat = reports.tempat_of(pegawai.instansi)
        return attachment(tabel, fmt, f"drh-{pegawai.nip}", tempat=tempat, sheet="Data pribadi")

    return view


drh_xlsx_view = _drh("xlsx")
drh_pdf_view = _drh("pdf")

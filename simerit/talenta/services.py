"""Writes of the talent screens: mark a critical position, open / move / close a calibration
session. Each one is atomic, checks role and scope first, validates everything before writing and
is audited (`AuditedModel` under `acting_as`). Decision 0072 for calibration."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simerit.core.audit import acting_as
from simerit.core.permissions import TALENTA_CALIBRATE_ROLES, user_has_role
from simerit.indeks.models import IndexResult, IndexRun
from simerit.organisasi.models import Jabatan, UnitOrganisasi
from simerit.talenta.models import CalibrationMove, CalibrationSession


def _check_role(acting_user: Any) -> None:
    if not user_has_role(acting_user, TALENTA_CALIBRATE_ROLES):
        raise PermissionDenied


def jabatan_set_kritis(*, acting_user: Any, jabatan: Jabatan, kritis: bool) -> Jabatan:
    """Mark or unmark a position as critical (jabatan kritis), audited."""
    _check_role(acting_user)
    # The talent committee (admin, pimpinan) marks positions of the whole instansi it sees.
    if not Jabatan.objects.restrict(acting_user).filter(pk=jabatan.pk).exists():
        raise PermissionDenied
    with transaction.atomic(), acting_as(acting_user):
        jabatan = Jabatan.objects.select_for_update().get(pk=jabatan.pk)
        if jabatan.kritis != kritis:
            jabatan.kritis = kritis
            jabatan.save(update_fields=["kritis"])
    return jabatan


def session_open(
    *, acting_user: Any, run: IndexRun, opd: UnitOrganisasi, judul: str, catatan: str = ""
) -> CalibrationSession:
    """Open a calibration session for one OPD on a finished run of the acting user's instansi."""
    _check_role(acting_user)
    if (
        run.instansi_id != acting_user.instansi_id
        or not UnitOrganisasi.objects.restrict(acting_user).filter(pk=opd.pk).exists()
    ):
        raise PermissionDenied
    session = CalibrationSession(
        instansi_id=acting_user.instansi_id,
        run=run,
        opd=opd,
        judul=(judul or "").strip(),
        catatan=(catatan or "").strip(),
        opened_by=acting_user,
    )
    if not session.judul:
        raise ValidationError({"judul": _("Judul sesi wajib diisi.")})
    session.full_clean()
    with transaction.atomic(), acting_as(acting_user):
        session.save()
    return session


def _lock_open(session: CalibrationSession) -> CalibrationSession:
    locked = CalibrationSession.objects.select_for_update().get(pk=session.pk)
    if locked.closed:
        raise ValidationError(_("Sesi kalibrasi sudah ditutup: hasilnya final dan tidak dapat diubah."))
    return locked


def move_record(
    *, acting_user: Any, session: CalibrationSession, result: IndexResult, box_after: int, alasan: str
) -> CalibrationMove:
    """Move one employee of the session's OPD to `box_after` with a written reason.

    Moving the same employee again replaces the session's earlier move (moving them back to the
    computed box keeps the row, with its reason, as "no change"). The run's result is never
    changed (decision 0072)."""
    _check_role(acting_user)
    if session.instansi_id != acting_user.instansi_id:
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    alasan = (alasan or "").strip()
    if result.run_id != session.run_id or result.opd_id != session.opd_id:
        errors["pegawai"] = [_("Pegawai ini tidak termasuk OPD dan perhitungan sesi ini.")]
    elif result.box is None:
        errors["pegawai"] = [_("Pegawai ini belum ditempatkan pada 9-box dalam perhitungan ini.")]
    if box_after not in range(1, 10):
        errors["box_after"] = [_("Kotak tujuan harus 1 sampai 9.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic(), acting_as(acting_user):
        session = _lock_open(session)
        existing = CalibrationMove.objects.filter(session=session, pegawai_id=result.pegawai_id).first()
        if existing is None and box_after == result.box:
            raise ValidationError({"box_after": [_("Kotak tujuan sama dengan kotak hasil perhitungan.")]})
        move = existing or CalibrationMove(
            instansi_id=session.instansi_id, session=session, result=result, pegawai_id=result.pegawai_id
        )
        move.box_before, move.box_after, move.alasan, move.moved_by = result.box, box_after, alasan, acting_user
        move.full_clean()
        move.save()
    return move


def session_close(*, acting_user: Any, session: CalibrationSession) -> CalibrationSession:
    """Close a session: its moves become final and feed the effective boxes (decision 0072)."""
    _check_role(acting_user)
    if session.instansi_id != acting_user.instansi_id:
        raise PermissionDenied
    with transaction.atomic(), acting_as(acting_user):
        session = _lock_open(session)
        session.status = CalibrationSession.Status.CLOSED
        session.closed_by = acting_user
        session.closed_at = timezone.now()
        session.save()
    return session

"""Writes of the self-assessment (decision 0090): create a year's assessment with the data-based
suggestions, save the answers, refresh the suggestions of a draft, finalise. Each one checks role
and instansi first, validates everything before writing, runs in one transaction and is audited
(`AuditedModel` under `acting_as`). A final assessment is never changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simerit.core.audit import acting_as
from simerit.core.permissions import require_role_in_instansi
from simerit.rules import merit_system
from simerit.sistemmerit import selectors
from simerit.sistemmerit.models import MANAGE_ROLES, MIN_NOTE_LENGTH, SelfAssessment, SelfAssessmentAnswer


def assessment_create(*, acting_user: Any, tahun: int, instansi_id: int | None = None) -> SelfAssessment:
    """A draft assessment of the acting user's instansi for `tahun`, one answer row per indicator
    of the instrument in force on 31 December of that year, each evidenced indicator pre-filled
    with the suggested level (as the chosen level too) and the numbers behind it."""
    instansi_id = instansi_id or acting_user.instansi_id
    require_role_in_instansi(acting_user, MANAGE_ROLES, instansi_id)
    try:
        tahun = int(tahun)
    except (TypeError, ValueError):
        raise ValidationError({"tahun": _("Tahun harus berupa angka.")}) from None
    if not 2019 <= tahun <= timezone.localdate().year + 1:
        raise ValidationError({"tahun": _("Tahun harus antara 2019 dan tahun depan.")})
    if SelfAssessment.objects.filter(instansi_id=instansi_id, tahun=tahun).exists():
        raise ValidationError({"tahun": _("Penilaian mandiri tahun %(t)s sudah ada.") % {"t": tahun}})
    instrument = merit_system.instrument_for(dt.date(tahun, 12, 31))
    found = selectors.suggestions(instansi_id=instansi_id, tahun=tahun, instrument=instrument)
    assessment = SelfAssessment(
        instansi_id=instansi_id, tahun=tahun, instrument_version=instrument.version, created_by=acting_user
    )
    assessment.full_clean(validate_constraints=False)
    try:
        with transaction.atomic(), acting_as(acting_user):
            assessment.save()
            for ind in instrument.indicators:
                s = found.get(ind.code)
                SelfAssessmentAnswer.objects.create(
                    instansi_id=instansi_id, assessment=assessment, indicator=ind.code,
                    level=s.level if s else None, suggested_level=s.level if s else None,
                    suggestion=s.text if s else "", suggestion_url=s.url if s else "",
                )  # fmt: skip
    except IntegrityError:
        raise ValidationError({"tahun": _("Penilaian mandiri tahun %(t)s sudah ada.") % {"t": tahun}}) from None
    return assessment


def _label(ind: merit_system.Indicator) -> str:
    return f"Indikator {ind.code} ({ind.name})"


def validate_answers(
    assessment: SelfAssessment, data: Mapping[str, Mapping[str, Any]]
) -> tuple[dict[str, dict[str, Any]], dict[str, list[str]]]:
    """Clean the typed answers: level blank or 1–4; a level different from the system's suggestion
    needs a note (at least 10 characters). Returns the cleaned values and the error messages per
    indicator code, each naming the indicator and why."""
    instrument = assessment.instrument
    suggested = {a.indicator: a.suggested_level for a in assessment.answers.all()}
    cleaned: dict[str, dict[str, Any]] = {}
    errors: dict[str, list[str]] = {}
    for ind in instrument.indicators:
        row = data.get(ind.code, {})
        raw = str(row.get("level", "") or "").strip()
        evidence = str(row.get("evidence", "") or "").strip()
        note = str(row.get("note", "") or "").strip()
        level: int | None = None
        if raw:
            if raw.isdigit() and int(raw) in merit_system.LEVELS:
                level = int(raw)
            else:
                errors.setdefault(ind.code, []).append(_("%(i)s: level harus 1, 2, 3 atau 4 (diisi %(v)s).") % {"i": _label(ind), "v": raw})
        s = suggested.get(ind.code)
        if level is not None and s is not None and level != s and len(note) < MIN_NOTE_LENGTH:
            errors.setdefault(ind.code, []).append(
                _("%(i)s: level %(l)s berbeda dari saran sistem (%(s)s); tulis catatan alasannya (paling sedikit %(n)d karakter).")
                % {"i": _label(ind), "l": level, "s": s, "n": MIN_NOTE_LENGTH}
            )
        cleaned[ind.code] = {"level": level, "evidence": evidence, "note": note}
    return cleaned, errors


def _lock_draft(assessment: SelfAssessment) -> SelfAssessment:
    locked = SelfAssessment.objects.select_for_update().get(pk=assessment.pk)
    if locked.final:
        raise ValidationError(_("Penilaian ini sudah final dan tidak dapat diubah. Buat penilaian tahun berikutnya."))
    return locked


def answers_save(
    *, acting_user: Any, assessment: SelfAssessment, data: Mapping[str, Mapping[str, Any]]
) -> SelfAssessment:
    """Save every typed answer of a draft (all or nothing)."""
    require_role_in_instansi(acting_user, MANAGE_ROLES, assessment.instansi_id)
    if assessment.final:
        raise ValidationError(_("Penilaian ini sudah final dan tidak dapat diubah. Buat penilaian tahun berikutnya."))
    cleaned, errors = validate_answers(assessment, data)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic(), acting_as(acting_user):
        assessment = _lock_draft(assessment)
        for answer in SelfAssessmentAnswer.objects.select_for_update().filter(assessment=assessment):
            values = cleaned.get(answer.indicator)
            if values is None:
                continue
            if any(getattr(answer, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(answer, k, v)
                answer.save()
    return assessment


def suggestions_refresh(*, acting_user: Any, assessment: SelfAssessment) -> list[str]:
    """Compute a draft's data-based suggestions again from the data as it is now (the data may have
    grown since the draft was made). An answer that still held the old suggestion (or nothing)
    takes the new one; a level the user chose against the suggestion is kept, so a note may now be
    needed (finalising says so). Returns the codes of the indicators whose suggestion changed, in
    the instrument's order (the answers were created in it and are read by id)."""
    require_role_in_instansi(acting_user, MANAGE_ROLES, assessment.instansi_id)
    with transaction.atomic(), acting_as(acting_user):
        assessment = _lock_draft(assessment)
        found = selectors.suggestions(
            instansi_id=assessment.instansi_id, tahun=assessment.tahun, instrument=assessment.instrument
        )
        changed: list[str] = []
        for answer in SelfAssessmentAnswer.objects.select_for_update().filter(assessment=assessment):
            s = found.get(answer.indicator)
            new = (s.level, s.text, s.url) if s else (None, "", "")
            if new == (answer.suggested_level, answer.suggestion, answer.suggestion_url):
                continue
            if new[0] != answer.suggested_level:
                changed.append(answer.indicator)
            if answer.level is None or answer.level == answer.suggested_level:
                answer.level = new[0]
            answer.suggested_level, answer.suggestion, answer.suggestion_url = new
            answer.save()
    return changed


def assessment_finalise(*, acting_user: Any, assessment: SelfAssessment) -> SelfAssessment:
    """Lock a complete assessment: every indicator answered, every deviation explained."""
    require_role_in_instansi(acting_user, MANAGE_ROLES, assessment.instansi_id)
    with transaction.atomic(), acting_as(acting_user):
        assessment = _lock_draft(assessment)
        instrument = assessment.instrument
        answers = selectors.answers_of(assessment)
        data = {code: {"level": a.level, "evidence": a.evidence, "note": a.note} for code, a in answers.items()}
        errors = [m for ms in validate_answers(assessment, data)[1].values() for m in ms]
        result = merit_system.score({c: a.level for c, a in answers.items()}, instrument)
        errors += [p.message + "." for p in result.problems]
        if errors:
            raise ValidationError([_("Penilaian belum dapat difinalkan:"), *errors])
        assessment.status = SelfAssessment.Status.FINAL
        assessment.finalised_by = acting_user
        assessment.finalised_at = timezone.now()
        assessment.save()
    return assessment

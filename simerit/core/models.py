"""Tenancy (Instansi), the scoped queryset every list uses, and the audit log."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any, ClassVar

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from simerit.core.audit import current_actor

VIEW, CHANGE = "view", "change"


class Role(models.TextChoices):
    ADMIN = "admin", _("Admin BKPSDM")
    OPERATOR = "operator", _("Operator OPD")
    PIMPINAN = "pimpinan", _("Pimpinan")
    PEGAWAI = "pegawai", _("Pegawai")
    AUDITOR = "auditor", _("Auditor")


READ_ALL_ROLES = {Role.ADMIN, Role.PIMPINAN, Role.AUDITOR}


class RestrictedQuerySet(models.QuerySet):
    """The one place where row scope is decided (NetBox's `restrict`, see docs/architecture.md).

    - anonymous: nothing; superuser: everything;
    - Admin BKPSDM: everything of their instansi (view and change);
    - Pimpinan, Auditor: everything of their instansi, read only;
    - Operator OPD: rows of their unit and its sub-units (view and change);
    - Pegawai: their own record and its histories, read only.
    """

    def restrict(self, user: Any, action: str = VIEW) -> RestrictedQuerySet:
        model = self.model
        if user is None or not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_superuser:
            return self
        if not user.instansi_id:
            return self.none()
        role = user.role
        if role not in model.scope_view_roles:
            return self.none()
        qs = self.filter(**{model.scope_instansi: user.instansi_id})
        if role == Role.ADMIN:
            return qs
        if action == VIEW and role in getattr(model, "scope_read_all_roles", READ_ALL_ROLES):
            return qs
        if role == Role.OPERATOR:
            if model.scope_unit_path is None or not user.unit_id:
                return qs.none()
            return qs.filter(**{f"{model.scope_unit_path}__startswith": user.unit_path})
        if role == Role.PEGAWAI and action == VIEW and model.scope_pegawai is not None and user.pegawai_id:
            return qs.filter(**{model.scope_pegawai: user.pegawai_id})
        return qs.none()


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time | decimal.Decimal):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    return str(value)


class AuditedModel(models.Model):
    """Base for personnel data: every create/update/delete writes an AuditEvent in the same
    transaction, with the old and new value of each changed field."""

    audit_exclude: ClassVar[frozenset[str]] = frozenset()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        with transaction.atomic():
            old: dict[str, Any] | None = None
            if self.pk is not None:
                row = type(self)._base_manager.filter(pk=self.pk).first()
                old = row._audit_values() if row is not None else None
            super().save(*args, **kwargs)
            new = self._audit_values()
            if old is None:
                changes = {k: [None, v] for k, v in new.items() if v not in (None, "")}
                AuditEvent.record(self, AuditEvent.Action.CREATE, changes)
            else:
                changes = {k: [old.get(k), v] for k, v in new.items() if old.get(k) != v}
                if changes:
                    AuditEvent.record(self, AuditEvent.Action.UPDATE, changes)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        with transaction.atomic():
            old = self._audit_values()
            AuditEvent.record(self, AuditEvent.Action.DELETE, {k: [v, None] for k, v in old.items()})
            return super().delete(*args, **kwargs)

    def _audit_values(self) -> dict[str, Any]:
        return {
            f.attname: _jsonable(getattr(self, f.attname))
            for f in self._meta.concrete_fields
            if f.attname not in self.audit_exclude
        }


class Instansi(AuditedModel):
    """An agency that owns its ASN data: a regency, a province or a ministry."""

    class Jenis(models.TextChoices):
        KABUPATEN = "kabupaten", _("Pemerintah Kabupaten")
        KOTA = "kota", _("Pemerintah Kota")
        PROVINSI = "provinsi", _("Pemerintah Provinsi")
        PUSAT = "pusat", _("Instansi Pusat")

    kode = models.CharField(_("kode"), max_length=20, unique=True, help_text=_("Kode instansi, mis. kode SIASN."))
    nama = models.CharField(_("nama"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=20, choices=Jenis.choices, default=Jenis.KABUPATEN)
    alamat = models.CharField(_("alamat"), max_length=300, blank=True)
    # The signature block of the printed reports ("Lumajang, 25 November 2026 / Kepala BKPSDM / name / NIP").
    kota = models.CharField(_("kota tempat tanda tangan"), max_length=100, blank=True,
                            help_text=_("Mis. Lumajang; kosong: diambil dari nama instansi."))
    kepala_jabatan = models.CharField(_("jabatan penanda tangan"), max_length=200, blank=True,
                                      help_text=_("Kosong: Kepala BKPSDM."))
    kepala_nama = models.CharField(_("nama penanda tangan"), max_length=200, blank=True,
                                   help_text=_("Nama lengkap dengan gelar."))
    kepala_nip = models.CharField(_("NIP penanda tangan"), max_length=18, blank=True)

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class TenantModel(AuditedModel):
    """Base for every table holding tenant data: it carries the instansi and is scoped."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, verbose_name=_("instansi"), related_name="+")

    objects = RestrictedQuerySet.as_manager()

    # Lookups used by RestrictedQuerySet.restrict(); subclasses override.
    scope_instansi: ClassVar[str] = "instansi_id"
    scope_unit_path: ClassVar[str | None] = None
    scope_pegawai: ClassVar[str | None] = None
    scope_view_roles: ClassVar[frozenset[str]] = frozenset(Role.values)
    # Roles that read every row of their instansi (view only). Instansi-level records that hold no
    # personal data (e.g. an index run's header) add the Operator OPD here.
    scope_read_all_roles: ClassVar[frozenset[str]] = frozenset(READ_ALL_ROLES)

    class Meta:
        abstract = True


class AuditEvent(models.Model):
    """Append-only record of a change to personnel data: who, when, what (old -> new)."""

    class Action(models.TextChoices):
        CREATE = "create", _("buat")
        UPDATE = "update", _("ubah")
        DELETE = "delete", _("hapus")
        LOGIN = "login", _("masuk")
        LOGOUT = "logout", _("keluar")
        LOGIN_FAILED = "login_failed", _("gagal masuk")

    instansi = models.ForeignKey(
        Instansi, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("instansi"), related_name="+"
    )
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("pelaku")
    )
    actor_label = models.CharField(_("pelaku (nama)"), max_length=150)
    ip = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)
    action = models.CharField(_("aksi"), max_length=20, choices=Action.choices)
    model = models.CharField(_("data"), max_length=100, db_index=True)
    object_pk = models.CharField(_("ID objek"), max_length=64, blank=True)
    object_repr = models.CharField(_("objek"), max_length=300, blank=True)
    changes = models.JSONField(_("perubahan"), default=dict, blank=True)

    objects = RestrictedQuerySet.as_manager()
    scope_instansi: ClassVar[str] = "instansi_id"
    scope_unit_path: ClassVar[str | None] = None
    scope_pegawai: ClassVar[str | None] = None
    # The audit log is for BKPSDM administrators and auditors only.
    scope_view_roles: ClassVar[frozenset[str]] = frozenset({Role.ADMIN, Role.AUDITOR})

    class Meta:
        verbose_name = _("jejak audit")
        verbose_name_plural = _("jejak audit")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.model} {self.object_repr}"

    @classmethod
    def record(cls, obj: models.Model, action: str, changes: dict[str, Any]) -> AuditEvent:
        actor = current_actor()
        instansi_id = getattr(obj, "instansi_id", None)
        if isinstance(obj, Instansi):
            instansi_id = obj.pk
        return cls.objects.create(
            instansi_id=instansi_id,
            actor_id=actor.user_id if actor else None,
            actor_label=actor.label if actor else "sistem",
            ip=actor.ip if actor else None,
            action=action,
            model=obj._meta.label_lower,
            object_pk=str(obj.pk),
            object_repr=str(obj)[:300],
            changes=changes,
        )

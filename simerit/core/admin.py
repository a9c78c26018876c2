"""Django admin: scoped to the staff user's instansi/unit, audit log read-only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from simerit.core.models import CHANGE, AuditEvent, Instansi


class ScopedAdminMixin:
    """Admin lists and edits only rows the user may change (RestrictedQuerySet.restrict)."""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).restrict(request.user, CHANGE)  # type: ignore[misc]

    def get_exclude(self, request: HttpRequest, obj: Any = None) -> Any:
        exclude = list(super().get_exclude(request, obj) or [])  # type: ignore[misc]
        if not request.user.is_superuser:
            exclude.append("instansi")
        return exclude

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        # Choices (and typed raw ids) are limited to rows in scope: no jabatan, unit or
        # pegawai from another instansi or unit can be attached.
        manager = db_field.related_model._default_manager
        if hasattr(manager, "restrict"):
            kwargs["queryset"] = manager.restrict(request.user, CHANGE)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not request.user.is_superuser and not obj.instansi_id:
            obj.instansi_id = request.user.instansi_id
        super().save_model(request, obj, form, change)  # type: ignore[misc]


@admin.register(Instansi)
class InstansiAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama", "jenis")
    search_fields = ("kode", "nama")


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "actor_label", "action", "model", "object_repr")
    list_filter = ("action", "model")
    search_fields = ("actor_label", "object_repr", "object_pk")

    def get_queryset(self, request: HttpRequest) -> QuerySet[AuditEvent]:
        return super().get_queryset(request).restrict(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

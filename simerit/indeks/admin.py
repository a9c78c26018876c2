"""Index runs in the Django admin: read only (results of a run are never edited or deleted)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from simerit.indeks.models import IndexResult, IndexRun


class ReadOnlyAdmin(admin.ModelAdmin):
    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).restrict(request.user)  # type: ignore[attr-defined]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(IndexRun)
class IndexRunAdmin(ReadOnlyAdmin):
    list_display = ("id", "instansi", "as_of", "status", "progress", "started_by", "created_at", "finished_at")
    list_filter = ("status",)
    list_select_related = ("instansi", "started_by")


@admin.register(IndexResult)
class IndexResultAdmin(ReadOnlyAdmin):
    list_display = ("run", "pegawai", "ip_total", "ip_kategori", "predikat", "jpm_percent", "box", "duk_rank_instansi")
    list_filter = ("ip_kategori", "box")
    search_fields = ("pegawai__nip", "pegawai__nama")
    raw_id_fields = ("run", "pegawai", "unit")
    list_select_related = ("run", "pegawai")

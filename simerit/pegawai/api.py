"""REST API of employees: the same scope (`restrict`) and FilterSet as the HTML list."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import permissions, viewsets

from simerit.core.permissions import PEGAWAI_DETAIL_ROLES, PEGAWAI_LIST_ROLES, user_has_role
from simerit.pegawai.filtersets import PegawaiFilterSet
from simerit.pegawai.models import Pegawai
from simerit.pegawai.serializers import PegawaiSerializer


class PegawaiRolePermission(permissions.BasePermission):
    """The role gate of the HTML screens: the list for PEGAWAI_LIST_ROLES, one record for all roles."""

    def has_permission(self, request: Any, view: Any) -> bool:
        roles = PEGAWAI_LIST_ROLES if view.action == "list" else PEGAWAI_DETAIL_ROLES
        return user_has_role(request.user, roles)


class PegawaiViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PegawaiSerializer
    permission_classes = [permissions.IsAuthenticated, PegawaiRolePermission]
    filterset_class = PegawaiFilterSet

    def get_queryset(self) -> QuerySet[Pegawai]:
        return (
            Pegawai.objects.restrict(self.request.user)
            .select_related("pangkat", "jabatan", "unit")
            .order_by("nama", "id")
        )

    def filter_queryset(self, queryset: QuerySet[Pegawai]) -> QuerySet[Pegawai]:
        # The list filters (including "active only" by default) must not hide a record asked for by id.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

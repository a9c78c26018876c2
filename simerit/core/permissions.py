"""Which roles may open which screen. Row scope is decided by `RestrictedQuerySet.restrict`;
this module only decides whether a role may use a screen at all (403 otherwise)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from simerit.core.models import Role

# Screens and the roles that may open them.
DASHBOARD_ROLES = frozenset({Role.ADMIN, Role.OPERATOR, Role.PIMPINAN, Role.AUDITOR})
PEGAWAI_LIST_ROLES = frozenset({Role.ADMIN, Role.OPERATOR, Role.PIMPINAN, Role.AUDITOR})
PEGAWAI_DETAIL_ROLES = frozenset(Role.values)
AUDIT_LOG_ROLES = frozenset({Role.ADMIN, Role.AUDITOR})
EDIT_ROLES = frozenset({Role.ADMIN, Role.OPERATOR})
# Merit index: runs, their summary, 9-box lists and the DUK (rows limited by restrict).
INDEKS_VIEW_ROLES = frozenset({Role.ADMIN, Role.OPERATOR, Role.PIMPINAN, Role.AUDITOR})
# Starting a recompute of the whole instansi.
INDEKS_RUN_ROLES = frozenset({Role.ADMIN})
# Importing employees from Excel/CSV (an operator only into their own subtree).
IMPOR_ROLES = frozenset({Role.ADMIN, Role.OPERATOR})
# Reports (DUK, daftar pensiun, ...): rows limited by restrict and the latest finished run in scope.
LAPORAN_ROLES = frozenset({Role.ADMIN, Role.OPERATOR, Role.PIMPINAN, Role.AUDITOR})
# Talent management: talent pool, succession, calibration results (operator rows: own subtree).
TALENTA_VIEW_ROLES = frozenset({Role.ADMIN, Role.OPERATOR, Role.PIMPINAN, Role.AUDITOR})
# Holding a calibration session (the talent committee) and marking critical positions.
TALENTA_CALIBRATE_ROLES = frozenset({Role.ADMIN, Role.PIMPINAN})
# Vacancies, rankings, placement rounds and the fairness check (committee material, whole instansi).
SELEKSI_VIEW_ROLES = frozenset({Role.ADMIN, Role.PIMPINAN, Role.AUDITOR})
# The selection menu: the committee's screens, and for an employee the vacancies they were
# considered for ("mengapa bukan saya").
SELEKSI_INDEX_ROLES = frozenset(SELEKSI_VIEW_ROLES | {Role.PEGAWAI})
# Opening vacancies and placement rounds, setting the merit weights (BKPSDM).
SELEKSI_MANAGE_ROLES = frozenset({Role.ADMIN})
# Recording the committee's (Baperjakat/TPK) decision.
SELEKSI_DECIDE_ROLES = frozenset({Role.ADMIN, Role.PIMPINAN})
# Exporting and verifying the sealed decision record.
LEDGER_ROLES = frozenset({Role.ADMIN, Role.PIMPINAN, Role.AUDITOR})


def user_has_role(user: Any, roles: frozenset[str]) -> bool:
    return bool(user and user.is_authenticated and (user.is_superuser or user.role in roles))


def require_role_in_instansi(user: Any, roles: frozenset[str], instansi_id: int) -> None:
    """For services: PermissionDenied unless `user` has one of `roles` and works for `instansi_id`
    (a superuser works for every instansi)."""
    if not user_has_role(user, roles) or (not user.is_superuser and user.instansi_id != instansi_id):
        raise PermissionDenied


def role_required(roles: frozenset[str]) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Function-view decorator: login first, then 403 unless the user's role is in `roles`."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            if not user_has_role(request.user, roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


class RoleRequiredMixin(AccessMixin):
    """Class-view form of `role_required`."""

    allowed_roles: frozenset[str] = frozenset()

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not user_has_role(request.user, self.allowed_roles):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


def home_redirect(request: HttpRequest) -> HttpResponse:
    """The landing page: employees go to their own profile, everyone else to the dashboard."""
    user = request.user
    if not user.is_authenticated:
        return redirect("login")
    if user_has_role(user, DASHBOARD_ROLES):
        return redirect("dasbor:index")
    if user.pegawai_id:
        return redirect("pegawai:detail", pk=user.pegawai_id)
    raise PermissionDenied

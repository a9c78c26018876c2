"""Users of SIMERIT and their role and scope."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from simerit.core.models import Instansi, Role


class User(AbstractUser):
    """A person who logs in: BKPSDM staff, an OPD operator, a leader, an employee or an auditor."""

    role = models.CharField(_("peran"), max_length=20, choices=Role.choices, default=Role.PEGAWAI)
    instansi = models.ForeignKey(
        Instansi, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("instansi"), related_name="+"
    )
    unit = models.ForeignKey(
        "organisasi.UnitOrganisasi",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("unit organisasi"),
        help_text=_("Wajib untuk Operator OPD: lingkup data yang boleh dikelola."),
        related_name="+",
    )
    pegawai = models.OneToOneField(
        "pegawai.Pegawai",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("pegawai"),
        help_text=_("Data pegawai milik akun ini (wajib untuk peran Pegawai)."),
        related_name="user",
    )

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    @cached_property
    def unit_path(self) -> str:
        return self.unit.path if self.unit_id else ""

    def has_role(self, *roles: str) -> bool:
        return self.is_authenticated and (self.is_superuser or self.role in roles)

    @property
    def can_edit(self) -> bool:
        return self.is_superuser or self.role in (Role.ADMIN, Role.OPERATOR)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PegawaiConfig(AppConfig):
    name = "simerit.pegawai"
    label = "pegawai"
    verbose_name = _("Pegawai")

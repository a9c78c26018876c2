from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SistemMeritConfig(AppConfig):
    name = "simerit.sistemmerit"
    label = "sistemmerit"
    verbose_name = _("Penilaian mandiri sistem merit")

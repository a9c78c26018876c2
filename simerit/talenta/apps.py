from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalentaConfig(AppConfig):
    name = "simerit.talenta"
    label = "talenta"
    verbose_name = _("Manajemen talenta")

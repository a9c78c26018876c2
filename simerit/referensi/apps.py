from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferensiConfig(AppConfig):
    name = "simerit.referensi"
    label = "referensi"
    verbose_name = _("Data referensi")

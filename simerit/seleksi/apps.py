from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeleksiConfig(AppConfig):
    name = "simerit.seleksi"
    label = "seleksi"
    verbose_name = _("Seleksi dan promosi berbasis merit")

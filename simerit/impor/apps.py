from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImporConfig(AppConfig):
    name = "simerit.impor"
    label = "impor"
    verbose_name = _("Impor data")
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "simerit.laporan"
    verbose_name = "Laporan"
    default_auto_field = "django.db.models.BigAutoField"

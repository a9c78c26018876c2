from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "simerit.accounts"
    label = "accounts"
    verbose_name = _("Akun")

    def ready(self) -> None:
        from simerit.accounts import signals  # noqa: F401  (login/logout audit)

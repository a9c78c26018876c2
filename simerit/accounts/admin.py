from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from simerit.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "first_name", "role", "instansi", "unit", "is_active")
    list_filter = ("role", "instansi", "is_active")
    raw_id_fields = ("unit", "pegawai")
    fieldsets = (*BaseUserAdmin.fieldsets, (_("Peran dan lingkup"), {"fields": ("role", "instansi", "unit", "pegawai")}))

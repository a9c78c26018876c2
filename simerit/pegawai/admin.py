from django.contrib import admin

from simerit.core.admin import ScopedAdminMixin
from simerit.pegawai.models import (
    Pegawai,
    RiwayatDiklat,
    RiwayatHukdis,
    RiwayatJabatan,
    RiwayatKinerja,
    RiwayatPangkat,
    RiwayatPendidikan,
)


@admin.register(Pegawai)
class PegawaiAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ("nip", "nama", "status", "pangkat", "jabatan", "unit", "aktif")
    list_filter = ("status", "aktif", "jenis_kelamin")
    search_fields = ("nip", "nama")
    raw_id_fields = ("jabatan", "unit")
    list_select_related = ("pangkat", "jabatan", "unit")


class RiwayatAdmin(ScopedAdminMixin, admin.ModelAdmin):
    raw_id_fields = ("pegawai",)
    search_fields = ("pegawai__nip", "pegawai__nama")
    list_select_related = ("pegawai",)


for model in (RiwayatPangkat, RiwayatJabatan, RiwayatPendidikan, RiwayatDiklat, RiwayatKinerja, RiwayatHukdis):
    admin.site.register(model, RiwayatAdmin)

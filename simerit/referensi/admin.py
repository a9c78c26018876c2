from django.contrib import admin

from simerit.referensi.models import Kompetensi, Pangkat, TingkatPendidikan


@admin.register(Pangkat)
class PangkatAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama", "urutan")


@admin.register(TingkatPendidikan)
class TingkatPendidikanAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama", "urutan", "golongan_awal", "golongan_maks")


@admin.register(Kompetensi)
class KompetensiAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama", "jenis", "urutan")
    list_filter = ("jenis",)

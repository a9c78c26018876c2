from django.contrib import admin

from simerit.core.admin import ScopedAdminMixin
from simerit.organisasi.models import Jabatan, StandarKompetensi, UnitOrganisasi


@admin.register(UnitOrganisasi)
class UnitOrganisasiAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ("nama", "kode", "instansi", "parent", "level")
    list_filter = ("instansi", "level")
    search_fields = ("nama", "kode")
    raw_id_fields = ("parent",)


class StandarKompetensiInline(admin.TabularInline):
    model = StandarKompetensi
    extra = 0
    fields = ("kompetensi", "level")


@admin.register(Jabatan)
class JabatanAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ("nama", "jenis", "jenjang", "eselon", "kelas_jabatan", "unit", "kebutuhan")
    list_filter = ("instansi", "jenis", "jenjang")
    search_fields = ("nama",)
    raw_id_fields = ("unit",)
    inlines = [StandarKompetensiInline]

    def save_formset(self, request, form, formset, change):  # type: ignore[no-untyped-def]
        for obj in formset.save(commit=False):
            obj.instansi_id = form.instance.instansi_id
            obj.save()
        for obj in formset.deleted_objects:
            obj.delete()

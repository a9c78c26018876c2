"""URL configuration. URL names are relied on by templates and tests: keep them stable."""

from django.contrib import admin
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from simerit.core.permissions import home_redirect
from simerit.pegawai.api import PegawaiViewSet

router = DefaultRouter()
router.register("pegawai", PegawaiViewSet, basename="pegawai")

urlpatterns = [
    path("", home_redirect, name="home"),
    path("dasbor/", include("simerit.dasbor.urls")),
    path("pegawai/", include("simerit.pegawai.urls")),
    path("indeks/", include("simerit.indeks.urls")),
    path("impor/", include("simerit.impor.urls")),
    path("laporan/", include("simerit.laporan.urls")),
    path("talenta/", include("simerit.talenta.urls")),
    path("seleksi/", include("simerit.seleksi.urls")),
    path("sistem-merit/", include("simerit.sistemmerit.urls")),
    path("audit/", include("simerit.core.urls")),
    path("api/", include((router.urls, "api"))),
    path("admin/", admin.site.urls),
    path("akun/", include("django.contrib.auth.urls")),
]

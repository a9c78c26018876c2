from django.urls import path

from simerit.talenta import views

app_name = "talenta"

urlpatterns = [
    path("", views.pool_view, name="index"),
    path("terdekat/", views.closest_view, name="terdekat"),
    path("kritis/", views.critical_view, name="kritis"),
    path("kritis/tandai/", views.critical_mark_view, name="kritis_tandai"),
    path("kritis/<int:pk>/lepas/", views.critical_unmark_view, name="kritis_lepas"),
    path("kalibrasi/", views.session_list_view, name="kalibrasi"),
    path("kalibrasi/baru/", views.session_create_view, name="kalibrasi_baru"),
    path("kalibrasi/<int:pk>/", views.session_detail_view, name="kalibrasi_detail"),
    path("kalibrasi/<int:pk>/pindah/", views.move_view, name="kalibrasi_pindah"),
    path("kalibrasi/<int:pk>/tutup/", views.session_close_view, name="kalibrasi_tutup"),
]

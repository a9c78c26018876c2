from django.urls import path

from simerit.pegawai import views

app_name = "pegawai"

urlpatterns = [
    path("", views.pegawai_list_view, name="list"),
    path("tambah/", views.pegawai_create_view, name="create"),
    path("<int:pk>/", views.pegawai_detail_view, name="detail"),
    path("<int:pk>/ubah/", views.pegawai_edit_view, name="edit"),
]

from django.urls import path

from simerit.pegawai import views

app_name = "pegawai"

urlpatterns = [
    path("", views.pegawai_list_view, name="list"),
    path("<int:pk>/", views.pegawai_detail_view, name="detail"),
]

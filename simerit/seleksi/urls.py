from django.urls import path

from simerit.seleksi import views

app_name = "seleksi"

urlpatterns = [
    path("", views.index_view, name="index"),
]

from django.urls import path

from simerit.dasbor import views

app_name = "dasbor"

urlpatterns = [
    path("", views.dasbor_index_view, name="index"),
]

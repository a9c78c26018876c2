from django.urls import path

from simerit.talenta import views

app_name = "talenta"

urlpatterns = [
    path("", views.index_view, name="index"),
]

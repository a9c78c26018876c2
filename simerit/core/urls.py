from django.urls import path

from simerit.core import views

app_name = "core"

urlpatterns = [
    path("", views.audit_log_view, name="audit"),
]

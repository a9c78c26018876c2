from django.urls import path

from simerit.sistemmerit import views

app_name = "sistemmerit"

urlpatterns = [
    path("", views.list_view, name="index"),
    path("baru/", views.create_view, name="create"),
    path("<int:pk>/", views.detail_view, name="detail"),
    path("<int:pk>/isi/", views.fill_view, name="fill"),
    path("<int:pk>/perbarui-saran/", views.refresh_view, name="refresh"),
    path("<int:pk>/final/", views.finalise_view, name="finalise"),
    path("<int:pk>/hasil.xlsx", views.export_xlsx_view, name="export_xlsx"),
    path("<int:pk>/hasil.pdf", views.export_pdf_view, name="export_pdf"),
]

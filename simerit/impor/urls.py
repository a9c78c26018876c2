from django.urls import path

from simerit.impor import views

app_name = "impor"

urlpatterns = [
    path("", views.batch_list_view, name="list"),
    path("templat/pegawai.xlsx", views.template_view, name="template"),
    path("<int:pk>/", views.batch_detail_view, name="detail"),
    path("<int:pk>/kemajuan/", views.batch_progress_view, name="progress"),
    path("<int:pk>/simpan/", views.batch_commit_view, name="commit"),
]

from django.urls import path

from simerit.indeks import views

app_name = "indeks"

urlpatterns = [
    path("", views.index_run_list_view, name="list"),
    path("hitung/", views.index_run_start_view, name="start"),
    path("<int:pk>/", views.index_run_detail_view, name="detail"),
    path("<int:pk>/kemajuan/", views.index_run_progress_view, name="progress"),
    path("box/<int:box>/", views.nine_box_members_view, name="box"),
    path("duk/", views.duk_view, name="duk"),
]

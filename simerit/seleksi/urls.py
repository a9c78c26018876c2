from django.urls import path

from simerit.seleksi import views

app_name = "seleksi"

urlpatterns = [
    path("", views.index_view, name="index"),
    path("lowongan/baru/", views.vacancy_create_view, name="vacancy_create"),
    path("lowongan/<int:pk>/", views.vacancy_detail_view, name="vacancy"),
    path("lowongan/<int:pk>/putuskan/", views.vacancy_decide_view, name="decide"),
    path("lowongan/<int:pk>/hitung-ulang/", views.vacancy_recompute_view, name="recompute"),
    path("kandidat/<int:pk>/", views.candidate_detail_view, name="candidate"),
    path("bobot/", views.weights_view, name="weights"),
    path("putaran/", views.round_list_view, name="rounds"),
    path("putaran/<int:pk>/", views.round_detail_view, name="round"),
    path("putaran/<int:pk>/hitung/", views.round_compute_view, name="round_compute"),
    path("catatan/", views.ledger_view, name="ledger"),
    path("catatan/ekspor/", views.ledger_export_view, name="ledger_export"),
    path("keadilan/", views.fairness_view, name="fairness"),
]

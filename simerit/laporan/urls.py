from django.urls import path

from simerit.laporan import views

app_name = "laporan"

urlpatterns = [
    path("", views.index_view, name="index"),
    path("duk.xlsx", views.duk_xlsx_view, name="duk_xlsx"),
    path("duk.pdf", views.duk_pdf_view, name="duk_pdf"),
    path("pensiun.xlsx", views.pensiun_xlsx_view, name="pensiun_xlsx"),
    path("pensiun.pdf", views.pensiun_pdf_view, name="pensiun_pdf"),
    path("nominatif.xlsx", views.nominatif_xlsx_view, name="nominatif_xlsx"),
    path("nominatif.pdf", views.nominatif_pdf_view, name="nominatif_pdf"),
    path("ip-asn.xlsx", views.ipasn_xlsx_view, name="ipasn_xlsx"),
    path("ip-asn.pdf", views.ipasn_pdf_view, name="ipasn_pdf"),
    path("bezetting.xlsx", views.bezetting_xlsx_view, name="bezetting_xlsx"),
    path("bezetting.pdf", views.bezetting_pdf_view, name="bezetting_pdf"),
    path("proyeksi/", views.proyeksi_view, name="proyeksi"),
    path("proyeksi.xlsx", views.proyeksi_xlsx_view, name="proyeksi_xlsx"),
    path("proyeksi.pdf", views.proyeksi_pdf_view, name="proyeksi_pdf"),
    path("drh.xlsx", views.drh_xlsx_view, name="drh_xlsx"),
    path("drh.pdf", views.drh_pdf_view, name="drh_pdf"),
]

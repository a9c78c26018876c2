"""A report (`export.Tabel`) as a file to download: the one response every report screen sends."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone

from simerit.laporan.export import Tabel, to_pdf, to_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"


def attachment(tabel: Tabel, fmt: str, filename: str, *, tempat: str, sheet: str) -> HttpResponse:
    """The report as an attachment `<filename>.<fmt>`: PDF (signed at `tempat`, dated today) or xlsx."""
    if fmt == "pdf":
        body, ctype = to_pdf(tabel, dicetak=timezone.localdate(), tempat=tempat), PDF
    else:
        body, ctype = to_xlsx(tabel, sheet=sheet), XLSX
    response = HttpResponse(body, content_type=ctype)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response

"""Writers shared by every report: one table (columns + rows) to xlsx (xlsxwriter) or PDF
(reportlab platypus; WeasyPrint is an order of magnitude slower on long tables).

Nothing here knows about Django models: a report hands over a `Tabel`.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import xlsxwriter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
BKPSDM = "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

TEXT, DATE, INT, FLOAT = "text", "date", "int", "float"


def tanggal_id(value: dt.date | None) -> str:
    """31 Desember 2025."""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}" if value else ""


def tanggal_pendek(value: dt.date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def neutralise(value: str) -> str:
    """A cell text a spreadsheet would read as a formula gets a leading apostrophe."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


@dataclass(frozen=True)
class Kolom:
    judul: str
    jenis: str = TEXT
    lebar_xlsx: float = 12  # characters
    lebar_pdf: float = 20  # millimetres
    rata_kanan: bool = False


@dataclass
class Bagian:
    """One section of a multi-table report (the DRH): a heading and its own table."""

    judul: str
    kolom: Sequence[Kolom]
    baris: Iterable[Sequence[Any]]


@dataclass
class Tabel:
    """One report: the letterhead data, the title lines, the columns and the rows."""

    instansi: str
    alamat: str
    judul: str
    subjudul: list[str]
    keadaan_per: dt.date
    kolom: Sequence[Kolom]
    baris: Iterable[Sequence[Any]]
    landscape: bool = True
    kertas: str = "A4"  # or "F4" (215 x 330 mm, the folio of Indonesian government letters)
    catatan: list[str] = field(default_factory=list)
    # Further sections after the main table (Excel: one sheet each).
    bagian: list[Bagian] = field(default_factory=list)
    # PDF cells wrap long text (short reports such as the DRH); long tables cut it to the width.
    bungkus: bool = False
    # Signature block: the signer's position, name and NIP (Instansi.kepala_*); blank -> dotted lines.
    ttd_jabatan: str = ""
    ttd_nama: str = ""
    ttd_nip: str = ""


# --- Excel -------------------------------------------------------------------------------------------


def to_xlsx(tabel: Tabel, sheet: str = "Laporan") -> bytes:
    """Title rows, then the header (frozen, autofilter) and the rows with proper cell types.
    Every text cell is written with write_string (never parsed as a formula) and neutralised.
    Each further section (`tabel.bagian`) gets a sheet of its own."""
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"constant_memory": True, "strings_to_formulas": False,
                                   "strings_to_numbers": False, "strings_to_urls": False})  # fmt: skip
    formats = {
        "bold": wb.add_format({"bold": True}),
        "title": wb.add_format({"bold": True, "font_size": 13}),
        "head": wb.add_format({"bold": True, "bg_color": "#DDE6EE", "border": 1, "text_wrap": True, "valign": "top"}),
        DATE: wb.add_format({"num_format": "dd-mm-yyyy"}),
        INT: wb.add_format({"num_format": "0"}),
        FLOAT: wb.add_format({"num_format": "0.00"}),
        TEXT: wb.add_format({"num_format": "@"}),
    }
    _sheet(wb, formats, sheet, tabel, tabel.judul, tabel.kolom, tabel.baris, tabel.catatan)
    used = {sheet[:31]}
    for b in tabel.bagian:
        name = _sheet_name(b.judul, used)
        _sheet(wb, formats, name, tabel, b.judul, b.kolom, b.baris, [])
    wb.close()
    return buf.getvalue()


def _sheet_name(judul: str, used: set[str]) -> str:
    base = "".join(c for c in judul if c not in "[]:*?/\\")[:28] or "Data"
    name, i = base, 2
    while name in used:
        name, i = f"{base[:26]} {i}", i + 1
    used.add(name)
    return name


def _sheet(
    wb: Any, fmt: dict[str, Any], name: str, tabel: Tabel, judul: str, kolom: Sequence[Kolom],
    baris: Iterable[Sequence[Any]], catatan: list[str],
) -> None:  # fmt: skip
    ws = wb.add_worksheet(name[:31])
    for i, k in enumerate(kolom):
        ws.set_column(i, i, k.lebar_xlsx)
    top = [(tabel.instansi, fmt["bold"]), (judul, fmt["title"]), *[(s, None) for s in tabel.subjudul],
           (f"Keadaan per {tanggal_id(tabel.keadaan_per)}", None)]  # fmt: skip
    for r, (text, f) in enumerate(top):
        ws.write_string(r, 0, neutralise(text), f)
    header_row = len(top) + 1
    for c, k in enumerate(kolom):
        ws.write_string(header_row, c, k.judul, fmt["head"])
    r = header_row
    for r, row in enumerate(baris, start=header_row + 1):
        for c, (k, v) in enumerate(zip(kolom, row, strict=True)):
            if v is None or v == "":
                continue
            if k.jenis == DATE:
                ws.write_datetime(r, c, v, fmt[DATE])
            elif k.jenis in (INT, FLOAT):
                ws.write_number(r, c, v, fmt[k.jenis])
            else:
                ws.write_string(r, c, neutralise(str(v)), fmt[TEXT])
    ws.freeze_panes(header_row + 1, 0)
    ws.autofilter(header_row, 0, max(r, header_row), len(kolom) - 1)
    for i, text in enumerate(catatan, start=r + 2):
        ws.write_string(i, 0, neutralise(text))


# --- PDF ---------------------------------------------------------------------------------------------

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
_FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
_fonts_ready = False


def _fonts() -> tuple[str, str]:
    """DejaVu (Debian fonts-dejavu) for every Indonesian character; Helvetica if it is missing."""
    global _fonts_ready
    if _fonts_ready:
        return FONT, FONT_BOLD
    try:
        pdfmetrics.registerFont(TTFont(FONT, _FONT_DIR + "DejaVuSans.ttf"))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, _FONT_DIR + "DejaVuSans-Bold.ttf"))
    except Exception:  # noqa: BLE001 - no DejaVu on this machine
        return "Helvetica", "Helvetica-Bold"
    _fonts_ready = True
    return FONT, FONT_BOLD


class _NumberedCanvas(rl_canvas.Canvas):
    """Keeps every page until the end so each can say 'Halaman X dari Y'."""

    font = "Helvetica"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(self.font, 7)
            width = self._pagesize[0]
            self.drawRightString(width - 12 * mm, 7 * mm, f"Halaman {self._pageNumber} dari {total}")
            super().showPage()
        super().save()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Cut a text to the column width (long tables use plain strings, not wrapped paragraphs)."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


F4 = (215 * mm, 330 * mm)
CHUNK = 400  # rows per platypus Table: splitting one 9,000-row table is quadratic


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _tables(
    kolom: Sequence[Kolom], baris: Iterable[Sequence[Any]], width: float, font: str, bold: str, wrap: bool = False
) -> list[Any]:
    """The rows as platypus Tables of CHUNK rows, each repeating the header on every page; plain
    strings cut to the column width (paragraphs in 9,000 rows would take minutes)."""
    head = ParagraphStyle("h", fontName=bold, fontSize=7, leading=8.5, alignment=1)
    cell = ParagraphStyle("cell", fontName=font, fontSize=6.5, leading=8)
    widths = [k.lebar_pdf * mm for k in kolom]
    scale = width / sum(widths)  # the table fills the width of the page
    widths = [w * scale for w in widths]
    header = [Paragraph(_esc(k.judul), head) for k in kolom]
    style = TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 6.5),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE6EE")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 1), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        *[("ALIGN", (i, 1), (i, -1), "RIGHT") for i, k in enumerate(kolom) if k.rata_kanan],
    ])  # fmt: skip
    out: list[Any] = []
    chunk: list[list[Any]] = []

    def flush() -> None:
        t = Table([header, *chunk], colWidths=widths, repeatRows=1)
        t.setStyle(style)
        out.append(t)
        chunk.clear()

    for row in baris:
        cells = []
        for k, v, w in zip(kolom, row, widths, strict=True):
            if v is None:
                text = ""
            elif k.jenis == DATE:
                text = tanggal_pendek(v)
            elif k.jenis == FLOAT:
                text = f"{v:.2f}".replace(".", ",")  # Indonesian decimal comma (Excel cells stay numbers)
            else:
                text = str(v)
            cells.append(Paragraph(_esc(text), cell) if wrap and k.jenis == TEXT else _fit(text, font, 6.5, w - 4))
        chunk.append(cells)
        if len(chunk) == CHUNK:
            flush()
    if not out and not chunk:
        chunk.append(["Tidak ada data."] + [""] * (len(kolom) - 1))
        style.add("SPAN", (0, 1), (-1, 1))
        style.add("ALIGN", (0, 1), (-1, 1), "CENTER")
    if chunk:
        flush()
    return out


def to_pdf(tabel: Tabel, *, dicetak: dt.date, tempat: str) -> bytes:
    font, bold = _fonts()
    buf = io.BytesIO()
    paper = F4 if tabel.kertas == "F4" else A4
    size = landscape(paper) if tabel.landscape else portrait(paper)
    doc = SimpleDocTemplate(
        buf, pagesize=size, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=14 * mm,
        title=tabel.judul, author=tabel.instansi,
    )  # fmt: skip
    center = ParagraphStyle("c", fontName=bold, fontSize=11, leading=14, alignment=1)
    center_small = ParagraphStyle("cs", fontName=font, fontSize=8, leading=10, alignment=1)
    title = ParagraphStyle("t", fontName=bold, fontSize=11, leading=14, alignment=1, spaceBefore=4)
    normal = ParagraphStyle("n", fontName=font, fontSize=7.5, leading=9.5, spaceBefore=3)
    esc = _esc

    story: list[Any] = [
        Paragraph(esc(tabel.instansi.upper()), center),
        Paragraph(BKPSDM, center),
    ]
    if tabel.alamat:
        story.append(Paragraph(esc(tabel.alamat), center_small))
    line = Table([[""]], colWidths=[doc.width], rowHeights=[3])
    line.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 1.2, colors.black)]))
    story += [line, Spacer(1, 4), Paragraph(esc(tabel.judul.upper()), title)]
    for s in tabel.subjudul:
        story.append(Paragraph(esc(s), center_small))
    story += [Paragraph(f"Keadaan per {tanggal_id(tabel.keadaan_per)}", center_small), Spacer(1, 6)]

    story += _tables(tabel.kolom, tabel.baris, doc.width, font, bold, tabel.bungkus)
    for c in tabel.catatan:
        story.append(Paragraph(esc(c), normal))
    h2 = ParagraphStyle("h2", fontName=bold, fontSize=9, leading=12, spaceBefore=8, spaceAfter=3)
    for b in tabel.bagian:
        story += [Paragraph(esc(b.judul), h2), *_tables(b.kolom, b.baris, doc.width, font, bold, tabel.bungkus)]

    sign = ParagraphStyle("s", fontName=font, fontSize=9, leading=12)
    block = [
        Paragraph(f"{esc(tempat)}, {tanggal_id(dicetak)}", sign),
        Paragraph(esc(tabel.ttd_jabatan or "Kepala BKPSDM"), sign),
        Spacer(1, 16 * mm),
        Paragraph(f"<u>{esc(tabel.ttd_nama)}</u>" if tabel.ttd_nama
                  else "(.........................................................)", sign),
        Paragraph(f"NIP. {esc(tabel.ttd_nip)}" if tabel.ttd_nip else "NIP. ...................................................",
                  sign),
    ]
    signature = Table([["", block]], colWidths=[doc.width - 75 * mm, 75 * mm])
    signature.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [Spacer(1, 8), KeepTogether(signature)]

    canvas_class = type("Canvas", (_NumberedCanvas,), {"font": font})
    doc.build(story, canvasmaker=canvas_class)
    return buf.getvalue()

"""Read an uploaded xlsx or CSV into a text-only polars frame, or refuse it with one clear
Indonesian message (ImportFileError). Nothing here touches the database."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from simerit.impor import siasn
from simerit.impor.columns import BY_SHEET, JENIS, PEGAWAI, Jenis, recognise

MAX_ROWS = 200_000
ROW = "_baris"  # Excel row number of each data row (header = row 1)
_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell ")


def _may_hold_formula(body: bytes) -> bool:
    """False when `_FORMULA` cannot match: none of the byte pairs it needs before `[ >/]` occurs
    (a plain substring search is some fifty times faster than the regex on a large sheet)."""
    return any(part in body for part in (b"<f ", b"<f>", b"<f/", b":f ", b":f>", b":f/"))


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is for the user (Bahasa Indonesia)."""


@dataclass
class Table:
    frame: pl.DataFrame  # one Utf8 column per known key, plus ROW
    sheet: str
    # Rows (Excel numbers) where a code column (NIP, NIK) holds a number cell instead of text.
    numeric_rows: dict[str, set[int]] = field(default_factory=dict)
    ignored_headers: list[str] = field(default_factory=list)
    # "templat" or siasn.SOURCE; for SIASN, the file's own column name per key (for the report)
    # and the unit given by name (UNOR NAMA) instead of by code.
    source: str = "templat"
    headers: dict[str, str] = field(default_factory=dict)
    unit_by_name: bool = False
    jenis: str = "pegawai"  # columns.JENIS key
    # Asesmen: file header -> column key of the columns named by a kompetensi code ("+kode").
    extra_headers: dict[str, str] = field(default_factory=dict)


def read_upload(name: str, data: bytes, jenis: str | None = None) -> Table:
    """`jenis` is the kind the user picked; None recognises it by sheet name, then by header."""
    if not data:
        raise ImportFileError("Berkas kosong (0 bita).")
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise ImportFileError("Berkas berformat Excel lama (.xls). Buka di Excel lalu simpan sebagai .xlsx.")
    if data[:2] == b"PK":
        return _read_xlsx(data, jenis)
    if name.lower().endswith((".xlsx", ".xlsm")):
        raise ImportFileError("Berkas bernama .xlsx tetapi isinya bukan buku kerja Excel. Jenis berkas tidak dikenal.")
    if name.lower().endswith((".csv", ".txt")):
        return _read_csv(data, jenis)
    raise ImportFileError("Jenis berkas tidak dikenal: unggah berkas Excel (.xlsx) atau CSV (.csv).")


def _read_xlsx(data: bytes, jenis: str | None) -> Table:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        if "xl/workbook.xml" not in archive.namelist():
            raise ImportFileError("Berkas bukan buku kerja Excel (.xlsx) yang sah.")
        bodies = {n: archive.read(n) for n in sheets}
    except (zipfile.BadZipFile, EOFError, OSError, zipfile.LargeZipFile) as exc:
        raise ImportFileError(
            "Berkas Excel rusak atau terpotong (tidak dapat dibuka). Unggah ulang berkas aslinya, "
            "atau buka di Excel lalu simpan ulang sebagai .xlsx."
        ) from exc
    except Exception as exc:  # zlib errors inside a damaged member
        raise ImportFileError("Berkas Excel rusak atau terpotong (isi tidak dapat dibaca).") from exc
    try:
        import python_calamine

        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = book.sheet_names
        wanted = JENIS[jenis].sheet.lower() if jenis else None
        sheet_name = (
            next((n for n in names if n.lower() == wanted), None)
            or next((n for n in names if n.lower() in BY_SHEET), None)
            or next((n for n in names if n.lower() != "petunjuk"), names[0] if names else None)
        )
        if sheet_name is None:
            raise ImportFileError("Buku kerja tidak berisi lembar kerja.")
        sheet = book.get_sheet_by_name(sheet_name)
        merged = sheet.merged_cell_ranges or []
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError("Berkas Excel rusak atau tidak dapat dibaca.") from exc
    if merged:
        (r0, c0), (r1, c1) = merged[0]
        raise ImportFileError(
            f"Lembar '{sheet_name}' berisi sel yang digabung (merge), mis. {_cell(r0, c0)}:{_cell(r1, c1)}. "
            "Pisahkan semua sel gabungan (Unmerge) lalu unggah ulang."
        )
    for body in bodies.values():
        if _may_hold_formula(body) and _FORMULA.search(body):
            raise ImportFileError(
                "Berkas berisi rumus (formula). Salin lalu tempel sebagai nilai (Paste Special → Values) "
                "agar yang diimpor adalah nilainya, lalu unggah ulang."
            )
    if sheet.height == 0 or sheet.width == 0:
        raise ImportFileError(f"Lembar '{sheet_name}' kosong: tidak ada baris judul maupun data.")
    try:
        frame = pl.read_excel(
            io.BytesIO(data), engine="calamine", sheet_name=sheet_name, infer_schema_length=0,
            read_options={"header_row": 0},
        )
    except Exception as exc:
        raise ImportFileError(f"Lembar '{sheet_name}' tidak dapat dibaca: {exc}") from exc
    table = _to_table(frame, sheet_name, jenis)
    indexes = {key: i for key in ("nip", "nik") if (i := _header_index(frame.columns, key, table)) is not None}
    if indexes and table.frame.height:
        # A number typed in a code column loses its leading zeros and, beyond 15 digits, its last
        # digits (Excel stores doubles). Only the cell type tells, so look at it.
        for i, row in enumerate(sheet.iter_rows()):
            for key, col in indexes.items():
                if i and col < len(row) and isinstance(row[col], int | float) and not isinstance(row[col], bool):
                    table.numeric_rows.setdefault(key, set()).add(i + 1)
    return table


def _read_csv(data: bytes, jenis: str | None) -> Table:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError("Berkas CSV berkode UTF-16. Simpan ulang sebagai «CSV UTF-8 (dipisah koma)».")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"Berkas CSV bukan UTF-8 (bita tidak sah pada posisi {exc.start}; kemungkinan Windows-1252/ANSI). "
            "Di Excel pilih Simpan Sebagai → «CSV UTF-8 (dipisah koma)», lalu unggah ulang."
        ) from exc
    first = text.split("\n", 1)[0]
    if not first.strip():
        raise ImportFileError("Berkas CSV kosong: tidak ada baris judul.")
    # SIASN's Export Data ASN has been seen with "|" as well as "," and ";" between columns.
    separator = max((",", ";", "|"), key=first.count)
    try:
        frame = pl.read_csv(
            io.StringIO(text), separator=separator, infer_schema=False, has_header=True,
            truncate_ragged_lines=False,
        )
    except Exception as exc:
        raise ImportFileError(f"Berkas CSV tidak dapat dibaca (jumlah kolom tidak sama atau tanda kutip rusak): {exc}") from exc
    return _to_table(frame, "CSV", jenis)


def _header_index(columns: list[str], key: str, table: Table) -> int | None:
    if table.source == siasn.SOURCE:
        to_key = siasn.mapping(columns)[0]
        return next((i for i, c in enumerate(columns) if to_key.get(c) == key), None)
    by_header = JENIS[table.jenis].by_header
    for i, c in enumerate(columns):
        k = by_header.get(str(c).strip().lower())
        if k is not None and k.key == key:
            return i
    return None


def _kind_of(columns: list[str], sheet: str, jenis: str | None) -> Jenis:
    """The user's pick, else the template sheet's name, else the header row; else the employee
    file (whose missing headers the message then names)."""
    if jenis:
        return JENIS[jenis]
    return BY_SHEET.get(sheet.strip().lower()) or recognise(columns) or PEGAWAI


def _to_table(frame: pl.DataFrame, sheet: str, jenis: str | None = None) -> Table:
    if jenis in (None, PEGAWAI.kode) and siasn.is_siasn(frame.columns):
        return _siasn_table(frame, sheet)
    kind = _kind_of(frame.columns, sheet, jenis)
    by_header = kind.by_header
    mapping: dict[str, str] = {}
    ignored = []
    extra: dict[str, str] = {}
    for c in frame.columns:
        k = by_header.get(str(c).strip().lower())
        if k is not None and k.key not in mapping.values():
            mapping[c] = k.key
        elif kind.kode == "asesmen" and str(c).strip() and not str(c).startswith("__UNNAMED__"):
            # One column per kompetensi code; the dry run checks the codes.
            mapping[c] = extra[str(c).strip()] = "+" + str(c).strip().lower()
        else:
            ignored.append(str(c))
    missing = [h for h in kind.required if by_header[h.lower()].key not in mapping.values()]
    if frame.width == 0:
        raise ImportFileError(f"Lembar '{sheet}' kosong: tidak ada baris judul maupun data.")
    if missing:
        hint = "" if jenis or kind is not PEGAWAI else (
            " Jika ini berkas riwayat atau organisasi, pakai templatnya atau pilih jenis datanya saat mengunggah."
        )
        raise ImportFileError(
            f"Baris 1 lembar '{sheet}' harus berisi judul kolom templat {kind.label.lower()}; tidak ditemukan: "
            f"{', '.join(missing)}. Unduh templat dan salin data ke dalamnya.{hint}"
        )
    table = Table(pl.DataFrame(), sheet, ignored_headers=ignored, jenis=kind.kode, extra_headers=extra)
    return _finish(frame, mapping, sheet, table)


def _siasn_table(frame: pl.DataFrame, sheet: str) -> Table:
    mapping, headers, unused, missing = siasn.mapping(frame.columns)
    if missing:
        raise ImportFileError(
            f"Berkas dikenali sebagai Export Data ASN SIASN (ada kolom PNS ID dan NIP BARU), tetapi kolom wajib "
            f"tidak ditemukan: {', '.join(missing)}. Unggah berkas ekspor SIASN apa adanya, tanpa menghapus kolom."
        )
    table = Table(pl.DataFrame(), sheet, ignored_headers=unused, source=siasn.SOURCE, headers=headers, unit_by_name=True)
    return _finish(frame, mapping, sheet, table, convert=siasn.convert)


def _finish(frame: pl.DataFrame, mapping: dict[str, str], sheet: str, table: Table,
            convert: Callable[[pl.DataFrame], pl.DataFrame] | None = None) -> Table:
    out = frame.select([pl.col(c).cast(pl.Utf8).str.strip_chars().alias(k) for c, k in mapping.items()])
    out = out.with_columns([pl.when(pl.col(k) == "").then(None).otherwise(pl.col(k)).alias(k) for k in out.columns])
    if convert is not None:
        out = convert(out)
    out = out.with_row_index(ROW, offset=2).with_columns(pl.col(ROW).cast(pl.Int64))
    data_cols = [c for c in out.columns if c != ROW]
    out = out.filter(~pl.all_horizontal([pl.col(c).is_null() for c in data_cols]))
    if out.height == 0:
        raise ImportFileError(f"Lembar '{sheet}' tidak berisi data: hanya baris judul (atau baris kosong).")
    if out.height > MAX_ROWS:
        raise ImportFileError(
            f"Lembar '{sheet}' berisi {out.height:,} baris data; paling banyak {MAX_ROWS:,} per berkas. Bagi berkasnya."
        )
    table.frame = out
    return table


def _cell(row: int, col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"


# The parse of a file kept between its dry run and its commit (docs/decisions/0052): the file's
# bytes never change, so neither does what this module reads from them, as long as this module
# does not change either. Bump PARSE_VERSION with any change to how a file is read.
PARSE_VERSION = 1


def pack_table(table: Table, data: bytes) -> bytes:
    """The parsed `table` of the file `data`: a JSON header line (version, the file's SHA-256, the
    table's attributes) then the frame as Arrow IPC (zstd)."""
    head = {
        "versi": PARSE_VERSION, "sha256": hashlib.sha256(data).hexdigest(), "sheet": table.sheet,
        "numeric_rows": {k: sorted(v) for k, v in table.numeric_rows.items()},
        "ignored_headers": table.ignored_headers, "source": table.source, "headers": table.headers,
        "unit_by_name": table.unit_by_name, "jenis": table.jenis, "extra_headers": table.extra_headers,
    }
    out = io.BytesIO()
    table.frame.write_ipc(out, compression="zstd")
    return json.dumps(head).encode() + b"\n" + out.getvalue()


def unpack_table(packed: bytes, data: bytes) -> Table | None:
    """The table `pack_table` kept, or None when there is none, or it was read from other bytes or
    by another version of this module (then the file is read again)."""
    if not packed:
        return None
    try:
        line, _sep, ipc = bytes(packed).partition(b"\n")
        head = json.loads(line)
        if head.get("versi") != PARSE_VERSION or head.get("sha256") != hashlib.sha256(data).hexdigest():
            return None
        return Table(
            pl.read_ipc(io.BytesIO(ipc)), head["sheet"],
            numeric_rows={k: set(v) for k, v in head["numeric_rows"].items()},
            ignored_headers=head["ignored_headers"], source=head["source"], headers=head["headers"],
            unit_by_name=head["unit_by_name"], jenis=head["jenis"], extra_headers=head["extra_headers"],
        )
    except (ValueError, KeyError, AttributeError, OSError, pl.exceptions.PolarsError):
        return None  # a damaged copy is only a missed shortcut: the file is read again

"""The columns of the employee template: header, model field, required, format (Indonesian)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kolom:
    header: str
    key: str
    wajib: str  # "ya", "tidak" or a condition
    arti: str
    format: str
    kind: str = "text"  # text, date, code
    width: int = 16


SHEET = "Pegawai"
KOLOM: tuple[Kolom, ...] = (
    Kolom("NIP", "nip", "ya", "Nomor Induk Pegawai (NI PPPK untuk PPPK); kunci impor: baris dengan NIP yang sudah ada mengubah pegawai itu", "18 digit, diisi sebagai TEKS (jangan angka, angka nol di depan bisa hilang)", "code", 22),
    Kolom("NIK", "nik", "tidak", "Nomor Induk Kependudukan", "16 digit, teks", "code", 20),
    Kolom("Gelar Depan", "gelar_depan", "tidak", "Gelar di depan nama", "teks, mis. dr., Ir., Drs.", width=12),
    Kolom("Nama", "nama", "ya", "Nama tanpa gelar", "teks, paling banyak 150 huruf", width=28),
    Kolom("Gelar Belakang", "gelar_belakang", "tidak", "Gelar di belakang nama", "teks, mis. S.Kep., M.Si.", width=14),
    Kolom("Tempat Lahir", "tempat_lahir", "tidak", "Kota/kabupaten kelahiran", "teks", width=16),
    Kolom("Tanggal Lahir", "tanggal_lahir", "ya", "Tanggal lahir; tidak boleh di masa depan dan harus sebelum TMT CPNS", "tanggal: sel tanggal Excel, atau teks DD-MM-YYYY / YYYY-MM-DD", "date", 14),
    Kolom("Jenis Kelamin", "jenis_kelamin", "ya", "Jenis kelamin", "L (laki-laki) atau P (perempuan)", "code", 8),
    Kolom("Agama", "agama", "tidak", "Agama", "Islam, Kristen, Katolik, Hindu, Buddha, Khonghucu", width=12),
    Kolom("Status", "status", "ya", "Status kepegawaian", "CPNS, PNS atau PPPK", "code", 8),
    Kolom("TMT CPNS", "tmt_cpns", "wajib untuk CPNS dan PNS", "Terhitung mulai tanggal pengangkatan CPNS", "tanggal", "date", 14),
    Kolom("TMT PNS", "tmt_pns", "wajib untuk PNS", "Terhitung mulai tanggal pengangkatan PNS; tidak sebelum TMT CPNS", "tanggal", "date", 14),
    Kolom("Golongan", "golongan", "wajib untuk CPNS dan PNS", "Golongan/ruang saat ini", "kode, lihat daftar di bawah (mis. III/a)", "code", 10),
    Kolom("TMT Golongan", "tmt_pangkat", "tidak", "TMT golongan/ruang saat ini; setelah tanggal lahir", "tanggal", "date", 14),
    Kolom("Pendidikan", "pendidikan", "tidak", "Tingkat pendidikan tertinggi", "kode, lihat daftar di bawah (mis. S1)", "code", 11),
    Kolom("Kode Unit", "kode_unit", "ya", "Unit kerja (OPD atau sub-unit) dalam lingkup kewenangan Anda", "kode unit seperti di SIMERIT, teks", "code", 14),
    Kolom("Jabatan", "jabatan", "tidak", "Nama jabatan yang sudah terdaftar pada unit itu", "teks, persis nama jabatan di SIMERIT (huruf besar/kecil tidak dibedakan)", width=32),
    Kolom("TMT Jabatan", "tmt_jabatan", "tidak", "TMT jabatan saat ini; setelah tanggal lahir", "tanggal", "date", 14),
)
BY_HEADER = {k.header.lower(): k for k in KOLOM}
BY_KEY = {k.key: k for k in KOLOM}
REQUIRED_HEADERS = ("NIP", "Nama", "Tanggal Lahir", "Jenis Kelamin", "Status", "Kode Unit")

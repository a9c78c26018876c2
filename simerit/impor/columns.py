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


# ---------------------------------------------------------------------------------------------
# Every kind of file the import takes: the employee file above, each history and the organisation.


@dataclass(frozen=True)
class Jenis:
    kode: str  # URL and ImportBatch.jenis value
    label: str  # shown in the UI and the template title
    sheet: str  # the data sheet of its template; a workbook with a sheet of this name is this kind
    kolom: tuple[Kolom, ...]
    required: tuple[str, ...]  # headers that must be present (recognition and refusal)
    kunci: str  # the natural key, explained in the Petunjuk sheet
    petunjuk: tuple[str, ...] = ()  # lines special to this kind
    admin_only: bool = False  # the organisation is the Admin BKPSDM's

    @property
    def by_header(self) -> dict[str, Kolom]:
        return {k.header.lower(): k for k in self.kolom}

    @property
    def by_key(self) -> dict[str, Kolom]:
        return {k.key: k for k in self.kolom}

    @property
    def filename(self) -> str:
        return f"templat-impor-{self.kode}.xlsx"


_NIP = Kolom("NIP", "nip", "ya", "NIP pegawai yang sudah terdaftar di SIMERIT (impor pegawai lebih dulu)",
             "18 digit, TEKS", "code", 22)
_SK = (
    Kolom("Nomor SK", "nomor_sk", "tidak", "Nomor surat keputusan", "teks", width=24),
    Kolom("Tanggal SK", "tanggal_sk", "tidak", "Tanggal surat keputusan; tidak di masa depan", "tanggal", "date", 14),
)
_DATE = "tanggal: sel tanggal Excel, atau teks DD-MM-YYYY / YYYY-MM-DD"

PANGKAT = Jenis(
    "pangkat", "Riwayat pangkat", "Riwayat Pangkat",
    (
        _NIP,
        Kolom("Golongan", "pangkat", "ya", "Golongan/ruang yang diberikan", "kode, mis. III/a", "code", 10),
        Kolom("TMT Pangkat", "tmt", "ya", "Terhitung mulai tanggal pangkat; tidak sebelum TMT CPNS dan tidak sebelum "
              "usia 18 tahun", _DATE, "date", 14),
        Kolom("Jenis KP", "jenis_kp", "tidak (Reguler)", "Jenis kenaikan pangkat",
              "Pengangkatan, Reguler, Pilihan, Istimewa atau Ijazah", "code", 14),
        Kolom("MK Tahun", "masa_kerja_tahun", "tidak (0)", "Masa kerja golongan, tahun", "bilangan bulat", "int", 9),
        Kolom("MK Bulan", "masa_kerja_bulan", "tidak (0)", "Masa kerja golongan, bulan", "bilangan bulat 0-11", "int", 9),
        *_SK,
    ),
    ("NIP", "Golongan", "TMT Pangkat"),
    "NIP + Golongan + TMT Pangkat",
)
JABATAN_RIWAYAT = Jenis(
    "jabatan", "Riwayat jabatan", "Riwayat Jabatan",
    (
        _NIP,
        Kolom("Kode Unit", "unit", "ya", "Unit tempat jabatan itu berada", "kode unit seperti di SIMERIT", "code", 14),
        Kolom("Jabatan", "jabatan", "ya", "Nama jabatan yang terdaftar pada unit itu",
              "teks, persis nama jabatan di SIMERIT (huruf besar/kecil tidak dibedakan)", width=32),
        Kolom("TMT Jabatan", "tmt", "ya", "Terhitung mulai tanggal jabatan; tidak sebelum TMT CPNS", _DATE, "date", 14),
        *_SK,
    ),
    ("NIP", "Kode Unit", "Jabatan", "TMT Jabatan"),
    "NIP + Jabatan (kode unit + nama) + TMT Jabatan",
)
PENDIDIKAN = Jenis(
    "pendidikan", "Riwayat pendidikan", "Riwayat Pendidikan",
    (
        _NIP,
        Kolom("Tingkat Pendidikan", "tingkat", "ya", "Jenjang pendidikan yang ditamatkan", "kode, mis. S1", "code", 11),
        Kolom("Nama Institusi", "nama_institusi", "ya", "Nama sekolah/perguruan tinggi", "teks", width=30),
        Kolom("Jurusan", "jurusan", "tidak", "Jurusan/program studi", "teks", width=24),
        Kolom("Tahun Lulus", "tahun_lulus", "ya", "Tahun lulus; setelah tahun lahir, tidak di masa depan", "angka 4 digit",
              "int", 10),
        Kolom("Nomor Ijazah", "nomor_ijazah", "tidak", "Nomor ijazah", "teks", width=20),
    ),
    ("NIP", "Tingkat Pendidikan", "Nama Institusi", "Tahun Lulus"),
    "NIP + Tingkat Pendidikan + Tahun Lulus",
)
DIKLAT = Jenis(
    "diklat", "Riwayat diklat/kursus", "Riwayat Diklat",
    (
        _NIP,
        Kolom("Jenis Diklat", "jenis", "ya", "Jenis diklat", "Kepemimpinan, Fungsional, Teknis atau Seminar", "code", 14),
        Kolom("Nama Diklat", "nama", "ya", "Nama diklat/kursus; untuk Kepemimpinan salah satu: PKN I, PKN II, PKA, PKP, "
              "Diklatpim I-IV", "teks", width=32),
        Kolom("Penyelenggara", "penyelenggara", "tidak", "Lembaga penyelenggara", "teks", width=24),
        Kolom("JP", "jp", "tidak (0)", "Jumlah jam pelajaran", "bilangan bulat", "int", 8),
        Kolom("Tanggal Mulai", "tanggal_mulai", "ya", "Tanggal mulai", _DATE, "date", 14),
        Kolom("Tanggal Selesai", "tanggal_selesai", "ya", "Tanggal selesai; tidak sebelum tanggal mulai", _DATE, "date", 14),
        Kolom("Nomor Sertifikat", "nomor_sk", "tidak", "Nomor sertifikat/STTPP", "teks", width=22),
        Kolom("Tanggal Sertifikat", "tanggal_sk", "tidak", "Tanggal sertifikat", "tanggal", "date", 14),
    ),
    ("NIP", "Jenis Diklat", "Nama Diklat", "Tanggal Mulai", "Tanggal Selesai"),
    "NIP + Jenis Diklat + Nama Diklat + Tanggal Mulai",
)
KINERJA = Jenis(
    "kinerja", "Riwayat kinerja (SKP)", "Riwayat Kinerja",
    (
        _NIP,
        Kolom("Tahun", "tahun", "ya", "Tahun penilaian; tidak sebelum tahun TMT CPNS", "angka 4 digit", "int", 8),
        Kolom("Rating Hasil Kerja", "hasil_kerja", "wajib sejak 2022", "Rating hasil kerja (PermenPANRB 6/2022)",
              "Di atas, Sesuai atau Di bawah (ekspektasi)", "code", 16),
        Kolom("Rating Perilaku Kerja", "perilaku_kerja", "wajib sejak 2022", "Rating perilaku kerja",
              "Di atas, Sesuai atau Di bawah (ekspektasi)", "code", 16),
        Kolom("Nilai", "nilai", "wajib sebelum 2022", "Nilai SKP angka 0-100 (PP 46/2011), hanya sebelum 2022",
              "angka, koma atau titik desimal", "decimal", 8),
        *_SK,
    ),
    ("NIP", "Tahun"),
    "NIP + Tahun",
)
HUKDIS = Jenis(
    "hukdis", "Riwayat hukuman disiplin", "Hukuman Disiplin",
    (
        _NIP,
        Kolom("Jenis Hukuman", "jenis", "ya", "Jenis hukuman disiplin", "kode, lihat daftar di bawah", "code", 22),
        Kolom("Tingkat", "tingkat", "tidak (mengikuti jenis)", "Tingkat hukuman; jika diisi harus sesuai jenisnya",
              "Ringan, Sedang atau Berat", "code", 10),
        Kolom("Nomor SK", "nomor_sk", "tidak", "Nomor keputusan hukuman disiplin", "teks", width=24),
        Kolom("Tanggal SK", "tanggal_sk", "ya", "Tanggal keputusan hukuman disiplin", _DATE, "date", 14),
        Kolom("Berlaku Mulai", "tmt_mulai", "tidak", "Awal masa hukuman; tidak sebelum TMT CPNS", _DATE, "date", 14),
        Kolom("Berlaku Sampai", "tmt_selesai", "tidak", "Akhir masa hukuman; tidak sebelum awalnya", _DATE, "date", 14),
        Kolom("Keterangan", "keterangan", "tidak", "Keterangan", "teks", width=30),
    ),
    ("NIP", "Jenis Hukuman", "Tanggal SK"),
    "NIP + Jenis Hukuman + Tanggal SK",
)
ASESMEN = Jenis(
    "asesmen", "Asesmen kompetensi", "Asesmen Kompetensi",
    (
        _NIP,
        Kolom("Tanggal Asesmen", "tanggal", "ya", "Tanggal pelaksanaan asesmen", _DATE, "date", 14),
        Kolom("Asesor", "asesor", "ya", "Nama asesor (atau ketua tim asesor)", "teks", width=24),
        Kolom("Lembaga", "lembaga", "tidak", "Lembaga/assessment center", "teks", width=24),
        Kolom("Metode", "metode", "tidak", "Metode asesmen", "teks, mis. Assessment Center", width=20),
    ),
    ("NIP", "Tanggal Asesmen", "Asesor"),
    "NIP + Tanggal Asesmen; level per kompetensi: asesmen + kode kompetensi",
    petunjuk=(
        "Satu baris = satu asesmen seorang pegawai. Setelah kolom Metode ada satu kolom per kompetensi; judul kolomnya "
        "adalah KODE kompetensi (lihat daftar di bawah), isinya level yang dicapai (1-5).",
        "Sel level yang kosong berarti kompetensi itu tidak diukur dalam asesmen tersebut: level yang sudah tersimpan "
        "tidak dihapus. Kolom kompetensi yang tidak dipakai boleh dihapus.",
    ),
)
UNIT = Jenis(
    "unit", "Unit organisasi", "Unit Organisasi",
    (
        Kolom("Kode Unit", "kode", "ya", "Kode unit; kunci impor (kode yang sudah ada mengubah unit itu)", "teks", "code", 14),
        Kolom("Nama Unit", "nama", "ya", "Nama unit (OPD atau sub-unit)", "teks", width=36),
        Kolom("Singkatan", "singkatan", "tidak", "Singkatan, mis. BKPSDM", "teks", width=12),
        Kolom("Kode Unit Induk", "parent", "tidak (kosong = OPD)", "Kode unit atasannya; boleh unit yang ada di berkas ini",
              "kode unit", "code", 14),
        Kolom("UNOR ID", "unor_id", "tidak", "ID unit organisasi di SIASN BKN (untuk impor Export Data ASN); unik", "teks",
              "code", 36),
    ),
    ("Kode Unit", "Nama Unit"),
    "Kode Unit",
    admin_only=True,
)
JABATAN = Jenis(
    "jabatan_unit", "Jabatan (formasi dan ABK)", "Jabatan",
    (
        Kolom("Kode Unit", "unit", "ya", "Unit tempat jabatan berada", "kode unit", "code", 14),
        Kolom("Nama Jabatan", "nama", "ya", "Nama jabatan; kunci bersama Kode Unit", "teks", width=36),
        Kolom("Jenis Jabatan", "jenis", "ya", "Jenis jabatan", "Struktural, Fungsional atau Pelaksana", "code", 14),
        Kolom("Jenjang", "jenjang", "ya", "Jenjang jabatan, sesuai jenisnya", "kode, lihat daftar di bawah", "code", 16),
        Kolom("Eselon", "eselon", "tidak", "Eselon (hanya struktural)", "mis. II.b, III.a, IV.a", "code", 8),
        Kolom("Kelas Jabatan", "kelas_jabatan", "tidak", "Kelas jabatan 1-17", "bilangan bulat", "int", 8),
        Kolom("BUP Khusus", "bup", "tidak", "Batas usia pensiun khusus jabatan ini (50-75); kosong = BUP umum", "bilangan bulat",
              "int", 8),
        Kolom("Diklat Kepemimpinan", "diklat_kepemimpinan", "tidak", "Diklat kepemimpinan yang disyaratkan",
              "PKN I, PKN II, PKA atau PKP", "code", 12),
        Kolom("Diklat Fungsional", "diklat_fungsional", "tidak", "Diklat fungsional yang disyaratkan", "teks", width=24),
        Kolom("Kebutuhan", "kebutuhan", "tidak (1)", "Kebutuhan pegawai menurut analisis beban kerja (ABK)", "bilangan bulat",
              "int", 10),
        Kolom("Kritis", "kritis", "tidak (Tidak)", "Jabatan kritis (untuk manajemen talenta)", "Ya atau Tidak", "bool", 8),
    ),
    ("Kode Unit", "Nama Jabatan", "Jenis Jabatan", "Jenjang"),
    "Kode Unit + Nama Jabatan",
    admin_only=True,
)
STANDAR = Jenis(
    "standar", "Standar kompetensi jabatan", "Standar Kompetensi",
    (
        Kolom("Kode Unit", "unit", "ya", "Unit jabatan", "kode unit", "code", 14),
        Kolom("Nama Jabatan", "jabatan", "ya", "Nama jabatan yang terdaftar pada unit itu", "teks", width=36),
        Kolom("Kode Kompetensi", "kompetensi", "ya", "Kode kompetensi (lihat daftar di bawah)", "kode", "code", 22),
        Kolom("Level", "level", "ya", "Level yang disyaratkan", "1-5", "int", 8),
    ),
    ("Kode Unit", "Nama Jabatan", "Kode Kompetensi", "Level"),
    "Jabatan (Kode Unit + Nama Jabatan) + Kode Kompetensi",
    petunjuk=("Satu baris = satu kompetensi satu jabatan.",),
    admin_only=True,
)
PEGAWAI = Jenis("pegawai", "Data pegawai", SHEET, KOLOM, REQUIRED_HEADERS, "NIP")
JENIS: dict[str, Jenis] = {
    j.kode: j for j in (PEGAWAI, PANGKAT, JABATAN_RIWAYAT, PENDIDIKAN, DIKLAT, KINERJA, HUKDIS, ASESMEN, UNIT, JABATAN, STANDAR)
}
BY_SHEET = {j.sheet.lower(): j for j in JENIS.values()}


def recognise(headers: list[str]) -> Jenis | None:
    """The kind whose required headers are all in the file; several -> the one requiring most
    (an employee file also holds the headers of a jabatan history, not the other way round)."""
    names = {str(h).strip().lower() for h in headers}
    found = [j for j in JENIS.values() if all(h.lower() in names for h in j.required)]
    return max(found, key=lambda j: len(j.required)) if found else None

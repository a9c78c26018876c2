"""Performance predikat from rating hasil kerja x rating perilaku kerja.

Legal basis: PermenPANRB 6/2022 (Pengelolaan Kinerja Pegawai ASN), predikat matrix as in
shared/domain/regulations.md §2.2. Before 2022 the numeric value (PP 46/2011) is kept with its label.
"""

from __future__ import annotations

BASIS = "PermenPANRB 6/2022"
RATINGS = ("di_atas", "sesuai", "di_bawah")
RATING_LABELS = {"di_atas": "Di Atas Ekspektasi", "sesuai": "Sesuai Ekspektasi", "di_bawah": "Di Bawah Ekspektasi"}

# (hasil_kerja, perilaku_kerja) -> predikat
PREDIKAT_MATRIX: dict[tuple[str, str], str] = {
    ("di_atas", "di_atas"): "Sangat Baik",
    ("di_atas", "sesuai"): "Baik",
    ("di_atas", "di_bawah"): "Kurang/Misconduct",
    ("sesuai", "di_atas"): "Baik",
    ("sesuai", "sesuai"): "Baik",
    ("sesuai", "di_bawah"): "Kurang/Misconduct",
    ("di_bawah", "di_atas"): "Butuh Perbaikan",
    ("di_bawah", "sesuai"): "Butuh Perbaikan",
    ("di_bawah", "di_bawah"): "Sangat Kurang",
}

# PP 46/2011 labels for the numeric value (0-100), placed by lower bound.
NUMERIC_BANDS: tuple[tuple[float, str], ...] = (
    (91, "Sangat Baik"),
    (76, "Baik"),
    (61, "Cukup"),
    (51, "Kurang"),
    (0, "Buruk"),
)


def predikat(hasil_kerja: str, perilaku_kerja: str) -> str:
    """Predikat kinerja for one year (PermenPANRB 6/2022 matrix, hasil kerja rows x perilaku columns)."""
    try:
        return PREDIKAT_MATRIX[(hasil_kerja, perilaku_kerja)]
    except KeyError as exc:
        raise ValueError(f"rating tidak dikenal: {hasil_kerja!r}, {perilaku_kerja!r}") from exc


def numeric_label(nilai: float) -> str:
    """Label of a pre-2022 numeric performance value (PP 46/2011: >=91 Sangat Baik ... <=50 Buruk)."""
    for lower, label in NUMERIC_BANDS:
        if nilai >= lower:
            return label
    return "Buruk"

"""Predikat matrix, PermenPANRB 6/2022 (regulations.md §2.2), every cell."""

import pytest

from simerit.rules.skp import numeric_label, predikat


@pytest.mark.parametrize(
    ("hasil", "perilaku", "expected"),
    [
        ("di_atas", "di_atas", "Sangat Baik"),
        ("di_atas", "sesuai", "Baik"),
        ("di_atas", "di_bawah", "Kurang/Misconduct"),
        ("sesuai", "di_atas", "Baik"),
        ("sesuai", "sesuai", "Baik"),
        ("sesuai", "di_bawah", "Kurang/Misconduct"),
        ("di_bawah", "di_atas", "Butuh Perbaikan"),
        ("di_bawah", "sesuai", "Butuh Perbaikan"),
        ("di_bawah", "di_bawah", "Sangat Kurang"),
    ],
)
def test_predikat_cell(hasil, perilaku, expected):
    assert predikat(hasil, perilaku) == expected


def test_unknown_rating_is_refused():
    with pytest.raises(ValueError, match="rating tidak dikenal"):
        predikat("luar_biasa", "sesuai")


@pytest.mark.parametrize(
    ("nilai", "label"),
    [(100, "Sangat Baik"), (91, "Sangat Baik"), (90.99, "Baik"), (76, "Baik"), (75.5, "Cukup"),
     (61, "Cukup"), (60.9, "Kurang"), (51, "Kurang"), (50, "Buruk"), (0, "Buruk")],
)
def test_numeric_bands_by_lower_bound(nilai, label):
    assert numeric_label(nilai) == label

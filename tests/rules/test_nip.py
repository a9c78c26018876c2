"""NIP rules (Perka BKN 22/2007; checks per docs/decisions/0002-nip-validation.md)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules.nip import parse_nip, validate_nip_column


def test_example_from_regulation_decodes_every_part():
    parts, problems = parse_nip("198609262015051001")
    assert problems == []
    assert parts is not None
    assert parts.birth_date == dt.date(1986, 9, 26)
    assert parts.cpns_month_iso == "2015-05"
    assert parts.sex == "L"
    assert parts.serial == "001"


def test_female_digit_and_leading_zero_serial_kept_as_text():
    parts, _ = parse_nip("199001012019022045")
    assert parts is not None and parts.sex == "P" and parts.serial == "045"


@pytest.mark.parametrize(
    ("nip", "fragment"),
    [
        ("19860926201505100", "tepat 18 digit"),  # 17 digits
        ("1986092620150510011", "tepat 18 digit"),  # 19 digits
        ("19860926201505100A", "tepat 18 digit"),
        ("198602312015051001", "bukan tanggal lahir"),  # 31 February
        ("198609262015131001", "bukan tahun-bulan"),  # month 13
        ("198609261986091001", "tidak setelah tanggal lahir"),  # CPNS in the birth month
        ("198609261985051001", "tidak setelah tanggal lahir"),  # CPNS before birth
        ("198609262015053001", "harus 1 (laki-laki) atau 2"),  # sex digit 3
        ("198609262015051000", "mulai dari 001"),  # serial 000
        ("", "wajib diisi"),
    ],
)
def test_invalid_nip_is_refused_with_the_reason(nip, fragment):
    parts, problems = parse_nip(nip)
    assert parts is None
    assert problems
    assert all(p.field == "nip" for p in problems)
    assert any(fragment in p.message for p in problems)


def test_number_instead_of_text_is_refused():
    parts, problems = parse_nip(198609262015051001)
    assert parts is None
    assert "teks" in problems[0].message


def test_no_plus_forty_rule_for_women():
    # Day 66 would be a NIK-style female birth day; in a NIP it is simply invalid.
    parts, _ = parse_nip("198609662015052001")
    assert parts is None


def test_batch_matches_hand_cases():
    nips = ["198609262015051001", "198602312015051001", None, "198609262015053001", " 198609262015051001 "]
    assert validate_nip_column(pl.Series(nips)).to_list() == [True, False, False, False, True]


def _valid_nips() -> st.SearchStrategy[str]:
    return st.builds(
        lambda b, months, sex, serial: (
            f"{b:%Y%m%d}"
            f"{(b.year * 12 + b.month - 1 + months) // 12:04d}{(b.month - 1 + months) % 12 + 1:02d}"
            f"{sex}{serial:03d}"
        ),
        st.dates(dt.date(1940, 1, 1), dt.date(2007, 12, 31)),
        st.integers(1, 12 * 45),
        st.sampled_from("12"),
        st.integers(1, 999),
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_valid_nips(), st.text(alphabet="0123456789", min_size=17, max_size=19)), max_size=40))
def test_scalar_and_batch_agree(nips):
    batch = validate_nip_column(pl.Series(nips, dtype=pl.Utf8)).to_list()
    scalar = [parse_nip(n)[0] is not None for n in nips]
    assert batch == scalar

"""`simerit evaluate` as an outside caller uses it: JSON in, JSON out, exit codes, no database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SIMERIT = str(Path(sys.executable).with_name("simerit"))

CONTRACT_EXAMPLE = {
    "as_of": "2025-12-31",
    "employees": [
        {
            "id": "contoh",
            "nip": "198609262015051001",
            "birth_date": "1986-09-26",
            "status": "PNS",
            "position": {"kind": "struktural", "level": "pengawas", "bup": None},
            "education": "S1",
            "trainings": [
                {"type": "kepemimpinan", "name": "PKP", "end_date": "2019-05-01", "jp": 0},
                {"type": "teknis", "end_date": "2025-03-10", "jp": 24},
                {"type": "seminar", "end_date": "2024-11-02", "jp": 8},
                {"type": "fungsional", "end_date": "2020-01-01", "jp": 0},
            ],
            "performance": [
                {"year": 2025, "hasil_kerja": "di_atas", "perilaku_kerja": "sesuai"},
                {"year": 2021, "nilai": 88.5},
            ],
            "discipline": [{"level": "ringan", "decision_date": "2025-06-01"}],
            "competency": {
                "standard": {"integritas": 3, "kerjasama": 3, "komunikasi": 3},
                "actual": {"integritas": 3, "kerjasama": 2, "komunikasi": 4},
            },
        }
    ],
}


def run(payload: str | dict, env: dict | None = None) -> tuple[int, dict]:
    text = payload if isinstance(payload, str) else json.dumps(payload)
    proc = subprocess.run(
        [SIMERIT, "evaluate"], input=text, capture_output=True, text=True, timeout=60,
        env={**os.environ, **(env or {})},
    )
    assert "Traceback" not in proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def test_contract_worked_example_comes_out_exactly():
    code, out = run(CONTRACT_EXAMPLE)
    assert code == 0
    assert out["as_of"] == "2025-12-31"
    assert "ipasn@2019" in out["rules_version"]
    r = out["results"][0]
    assert r["id"] == "contoh"
    assert r["errors"] == []
    assert r["nip"] == {"valid": True, "birth_date": "1986-09-26", "cpns_month": "2015-05", "sex": "L", "serial": "001"}
    assert r["retirement"] == {"bup": 58, "tmt_pensiun": "2044-10-01"}
    assert r["predikat"] == {"year": 2025, "value": "Baik"}
    assert r["ip_asn"] == {"kualifikasi": 15, "kompetensi": 40, "kinerja": 25, "disiplin": 3,
                           "total": 83, "kategori": "Tinggi", "flags": []}
    assert r["jpm"] == {"percent": 88.89, "pemetaan": "Cukup Optimal", "seleksi": "Memenuhi Syarat"}
    assert r["nine_box"] == {"box": 5, "kinerja": "sesuai", "potensial": "menengah"}
    assert len(r["explanations"]["ip_asn"]) >= 4
    assert any("8/2019" in line for line in r["explanations"]["ip_asn"])


def test_runs_without_any_database():
    code, out = run(CONTRACT_EXAMPLE, env={"DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"})
    assert code == 0
    assert out["results"][0]["ip_asn"]["total"] == 83


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        ("{not json", "JSON tidak valid"),
        ("[]", "permintaan harus objek JSON"),
        ('{"employees": []}', "as_of wajib diisi"),
        ('{"as_of": "2025-02-30", "employees": []}', "bukan tanggal yang sah"),
        ('{"as_of": "2025-12-31", "employees": {}}', "employees wajib berupa daftar"),
        ('{"as_of": "2025-12-31", "employees": [5]}', "employees[0] harus objek"),
        ('{"as_of": "2025-12-31", "employees": [{"trainings": "banyak"}]}', "employees[0].trainings harus daftar"),
        ('{"as_of": "2025-12-31", "employees": [{"trainings": [{"type": "teknis", "jp": "24"}]}]}',
         "employees[0].trainings[0].jp harus angka"),
        ('{"as_of": "2025-12-31", "employees": [{"nip": 198609262015051001}]}', "employees[0].nip harus teks"),
    ],
)
def test_malformed_request_exits_2_with_a_clear_error(payload, fragment):
    code, out = run(payload)
    assert code == 2
    assert fragment in out["error"]


def test_invalid_values_are_errors_of_that_employee_only():
    request = {
        "as_of": "2025-12-31",
        "employees": [
            {"id": "rusak", "nip": "198602312015051001", "birth_date": "1986-09-26", "status": "PNS",
             "position": {"kind": "struktural", "level": "kepala"}, "education": "S1"},
            CONTRACT_EXAMPLE["employees"][0],
        ],
    }
    code, out = run(request)
    assert code == 0
    bad, good = out["results"]
    fields = {e["field"] for e in bad["errors"]}
    assert {"nip", "position.level"} <= fields
    assert bad["nip"] == {"valid": False}
    assert bad["retirement"] is None
    assert bad["explanations"]["retirement"]
    assert good["errors"] == [] and good["ip_asn"]["total"] == 83


def test_employee_with_no_records_gets_nulls_with_reasons():
    code, out = run({"as_of": "2025-12-31", "employees": [{"id": "kosong"}]})
    assert code == 0
    r = out["results"][0]
    assert r["jpm"] is None and r["nine_box"] is None and r["predikat"] is None
    for key in ("jpm", "nine_box", "predikat", "ip_asn", "retirement"):
        assert r["explanations"][key], key

"""The hash chain and the offline verifier (`simerit verify-ledger`), without a database."""

from __future__ import annotations

import hashlib
import json

import pytest

from simerit import ledger
from simerit.cli import main as cli_main


def _chain(payloads):
    entries, prev = [], ledger.GENESIS
    for seq, payload in enumerate(payloads, start=1):
        created = f"2026-11-25T10:00:0{seq}+00:00"
        digest = ledger.entry_hash(
            seq=seq, kind="keputusan_seleksi", created_at=created, prev_hash=prev, payload=payload
        )
        entries.append({"seq": seq, "kind": "keputusan_seleksi", "created_at": created, "prev_hash": prev,
                        "payload": payload, "hash": digest})  # fmt: skip
        prev = digest
    return entries


def test_hash_is_sha256_over_the_documented_fields():
    payload = {"b": 1, "a": "Kepala Bidang"}
    text = "1\nkeputusan_seleksi\n2026-11-25T10:00:00+00:00\n" + "0" * 64 + '\n{"a":"Kepala Bidang","b":1}'
    expected = hashlib.sha256(text.encode()).hexdigest()
    assert ledger.entry_hash(seq=1, kind="keputusan_seleksi", created_at="2026-11-25T10:00:00+00:00",
                             prev_hash=ledger.GENESIS, payload=payload) == expected  # fmt: skip


def test_canonical_form_ignores_key_order_and_keeps_unicode():
    assert ledger.canonical({"z": 1, "a": [1.5, "é"]}) == '{"a":[1.5,"é"],"z":1}'
    assert ledger.canonical({"a": 88.89}) == ledger.canonical(json.loads(json.dumps({"a": 88.89})))


def test_intact_chain_verifies():
    result = ledger.verify(_chain([{"n": 1}, {"n": 2}, {"n": 3}]))
    assert result.ok and result.count == 3


def test_edited_payload_is_detected_at_its_entry():
    entries = _chain([{"n": 1}, {"n": 2}, {"n": 3}])
    entries[1]["payload"]["n"] = 99
    result = ledger.verify(entries)
    assert not result.ok
    assert result.problems == ["Entri 2: isi tidak cocok dengan hash yang disegel (data diubah)."]


def test_rehashed_edit_breaks_the_next_link():
    entries = _chain([{"n": 1}, {"n": 2}, {"n": 3}])
    e = entries[1]
    e["payload"] = {"n": 99}
    e["hash"] = ledger.entry_hash(
        seq=2, kind=e["kind"], created_at=e["created_at"], prev_hash=e["prev_hash"], payload=e["payload"]
    )
    result = ledger.verify(entries)
    assert result.problems == ["Entri 3: tautan ke entri sebelumnya tidak cocok (prev_hash berubah)."]


def test_deleted_middle_entry_is_a_gap():
    entries = _chain([{"n": 1}, {"n": 2}, {"n": 3}])
    del entries[1]
    problems = ledger.verify(entries).problems
    assert problems[0].startswith("Entri 3: nomor urut seharusnya 2")
    assert "Entri 3: tautan ke entri sebelumnya tidak cocok (prev_hash berubah)." in problems


def test_deleted_newest_entry_needs_the_recorded_head():
    entries = _chain([{"n": 1}, {"n": 2}, {"n": 3}])
    head = entries[-1]["hash"]
    assert ledger.verify(entries[:2]).ok  # the chain alone cannot see a truncated tail
    result = ledger.verify(entries[:2], expect_head=head)
    assert not result.ok and "entri terbaru dihapus" in result.problems[0]


def _write(tmp_path, entries, head=True):
    path = tmp_path / "ekspor.jsonl"
    lines = [json.dumps(e, ensure_ascii=False) for e in entries]
    if head:
        lines.append(
            json.dumps({"head": {"count": len(entries), "hash": entries[-1]["hash"] if entries else ledger.GENESIS}})
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_command_exit_codes(tmp_path, capsys):
    entries = _chain([{"n": 1}, {"n": 2}])
    good = _write(tmp_path, entries)
    assert cli_main(["simerit", "verify-ledger", str(good)]) == 0
    assert "UTUH: 2 entri" in capsys.readouterr().out
    assert cli_main(["simerit", "verify-ledger", str(good), "--expect-head", "f" * 64]) == 1
    entries[0]["payload"]["n"] = 5
    bad = _write(tmp_path, entries)
    assert cli_main(["simerit", "verify-ledger", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "Entri 1: isi tidak cocok" in out and "RUSAK" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("bukan json\n", "baris 1: bukan JSON"),
        ("[1, 2]\n", "baris 1: bukan objek JSON"),
        ('{"seq": 1}\n', "baris 1: kolom kind, created_at, prev_hash, payload, hash tidak ada"),
        (
            '{"seq": "1", "kind": "k", "created_at": "t", "prev_hash": "p", "payload": {}, "hash": "h"}\n',
            "baris 1: tipe kolom salah",
        ),
    ],
)
def test_command_rejects_a_file_that_is_not_an_export(tmp_path, capsys, content, message):
    path = tmp_path / "rusak.jsonl"
    path.write_text(content, encoding="utf-8")
    assert cli_main(["simerit", "verify-ledger", str(path)]) == 2
    assert message in capsys.readouterr().err


def test_command_on_a_missing_file(tmp_path, capsys):
    assert cli_main(["simerit", "verify-ledger", str(tmp_path / "tidak-ada.jsonl")]) == 2
    assert "Tidak dapat dibaca" in capsys.readouterr().err


def test_head_line_that_disagrees_is_reported(tmp_path, capsys):
    entries = _chain([{"n": 1}, {"n": 2}])
    path = _write(tmp_path, entries[:1], head=False)
    path.write_text(path.read_text() + json.dumps({"head": {"count": 2, "hash": entries[1]["hash"]}}) + "\n")
    assert cli_main(["simerit", "verify-ledger", str(path)]) == 1
    assert "Ekspor menyatakan 2 entri, berkas berisi 1." in capsys.readouterr().out

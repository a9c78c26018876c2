"""The sealed decision record: an append-only chain of entries, each carrying the SHA-256 of the
one before it (docs/decisions/0080-sealed-decision-record.md).

Pure Python (no Django, no database) so an auditor can verify an export offline:

    simerit verify-ledger keputusan.jsonl [--expect-head <hash>]

An export is JSON Lines: one object per entry with the keys of `ENTRY_KEYS`, in `seq` order,
optionally followed by one `{"head": {...}}` line that states the count and the last hash at the
time of export. Exit status: 0 the chain is intact, 1 it was altered (each problem is printed
with the entry's number), 2 the file cannot be read as an export.

What the chain proves: changing any field of a sealed entry changes its hash; recomputing that
hash breaks the link from the next entry; deleting an entry leaves a gap in `seq` or a broken
link. Rewriting the whole tail consistently, or deleting the newest entries, is only detectable
against a head hash kept elsewhere — every decision page and every export prints the head, and
`--expect-head` checks an export against the one an auditor wrote down.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

GENESIS = "0" * 64
ENTRY_KEYS = ("seq", "kind", "created_at", "prev_hash", "payload", "hash")


def canonical(payload: Any) -> str:
    """The one serialisation that is hashed: sorted keys, no spaces, UTF-8 kept as is.

    Floats are written by Python's shortest round-trip repr, so a value read back from the
    export re-serialises to the same text."""
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def entry_hash(*, seq: int, kind: str, created_at: str, prev_hash: str, payload: Any) -> str:
    """SHA-256 (hex) over the entry's number, kind, time, the previous hash and the payload."""
    text = "\n".join((str(seq), kind, created_at, prev_hash, canonical(payload)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class VerifyResult:
    count: int = 0
    head: str = GENESIS
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(entries: Iterable[Mapping[str, Any]], *, expect_head: str | None = None) -> VerifyResult:
    """Check every link of a chain given in `seq` order; report every broken entry (Indonesian)."""
    result = VerifyResult()
    expected_seq, prev = 1, GENESIS
    for entry in entries:
        seq = entry["seq"]
        if seq != expected_seq:
            result.problems.append(
                f"Entri {seq}: nomor urut seharusnya {expected_seq} — ada entri yang hilang atau disisipkan."
            )
        if entry["prev_hash"] != prev:
            result.problems.append(f"Entri {seq}: tautan ke entri sebelumnya tidak cocok (prev_hash berubah).")
        recomputed = entry_hash(
            seq=seq, kind=entry["kind"], created_at=entry["created_at"], prev_hash=entry["prev_hash"],
            payload=entry["payload"],
        )  # fmt: skip
        if recomputed != entry["hash"]:
            result.problems.append(f"Entri {seq}: isi tidak cocok dengan hash yang disegel (data diubah).")
        result.count += 1
        expected_seq, prev = seq + 1, entry["hash"]
    result.head = prev
    if expect_head is not None and expect_head != prev:
        result.problems.append(
            f"Hash terakhir {prev[:16]}… tidak sama dengan hash yang dicatat auditor {expect_head[:16]}… "
            "— entri terbaru dihapus atau rantai ditulis ulang."
        )
    return result


class ExportError(ValueError):
    """The file is not a ledger export (line number and reason in the message)."""


def read_export(lines: Iterable[str]) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """Parse an export: the entries and the optional head line."""
    entries: list[dict[str, Any]] = []
    head: dict[str, Any] | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ExportError(f"baris {number}: bukan JSON ({exc.msg})") from None
        if not isinstance(obj, dict):
            raise ExportError(f"baris {number}: bukan objek JSON")
        if "head" in obj and len(obj) == 1:
            head = obj["head"]
            continue
        missing = [k for k in ENTRY_KEYS if k not in obj]
        if missing:
            raise ExportError(f"baris {number}: kolom {', '.join(missing)} tidak ada")
        if not isinstance(obj["seq"], int) or not all(
            isinstance(obj[k], str) for k in ("kind", "created_at", "prev_hash", "hash")
        ):
            raise ExportError(
                f"baris {number}: tipe kolom salah (seq bilangan bulat; kind, created_at, prev_hash, hash teks)"
            )
        entries.append(obj)
    return entries, head


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="simerit verify-ledger",
        description="Periksa rantai hash ekspor catatan keputusan SIMERIT (tanpa basis data).",
    )
    parser.add_argument("file", help="berkas ekspor .jsonl (atau - untuk stdin)")
    parser.add_argument("--expect-head", help="hash terakhir yang dicatat auditor sebelumnya")
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        if args.file == "-":
            entries, head = read_export(sys.stdin)
        else:
            with open(args.file, encoding="utf-8") as handle:
                entries, head = read_export(handle)
    except (OSError, UnicodeDecodeError, ExportError) as exc:
        sys.stderr.write(f"Tidak dapat dibaca: {exc}\n")
        return 2
    result = verify(entries, expect_head=args.expect_head)
    if head is not None:
        if head.get("count") != result.count:
            result.problems.append(f"Ekspor menyatakan {head.get('count')} entri, berkas berisi {result.count}.")
        if head.get("hash") != result.head:
            result.problems.append("Hash terakhir di baris penutup ekspor tidak sama dengan hash entri terakhir.")
    for problem in result.problems:
        sys.stdout.write(problem + "\n")
    if result.ok:
        sys.stdout.write(f"UTUH: {result.count} entri, hash terakhir {result.head}\n")
        return 0
    sys.stdout.write(f"RUSAK: {len(result.problems)} masalah pada {result.count} entri\n")
    return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

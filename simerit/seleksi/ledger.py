"""The database side of the sealed decision record: append an entry, export, verify.

The hashing and the verification are `simerit.ledger` (pure, also the offline command); this
module only reads and writes `LedgerEntry` rows.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from django.db import IntegrityError, transaction

from simerit import ledger
from simerit.core.models import Instansi
from simerit.seleksi.models import Decision, LedgerEntry


def _entry_dict(entry: LedgerEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "kind": entry.kind,
        "created_at": entry.created_at,
        "prev_hash": entry.prev_hash,
        "payload": json.loads(entry.payload),
        "hash": entry.hash,
    }


def ledger_append(*, instansi: Instansi, kind: str, payload: dict[str, Any]) -> LedgerEntry:
    """Seal `payload` as the next entry of the instansi's chain (inside the caller's transaction).

    The newest entry is locked (SELECT … FOR UPDATE on PostgreSQL; SQLite serialises writers)
    and (instansi, seq) is unique, so two concurrent decisions cannot fork the chain: the loser
    retries on the new head.
    """
    for _attempt in range(5):
        try:
            with transaction.atomic():
                last = LedgerEntry.objects.select_for_update().filter(instansi=instansi).order_by("-seq").first()
                seq = last.seq + 1 if last else 1
                prev = last.hash if last else ledger.GENESIS
                created_at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
                text = ledger.canonical(payload)
                digest = ledger.entry_hash(
                    seq=seq, kind=kind, created_at=created_at, prev_hash=prev, payload=json.loads(text)
                )
                entry = LedgerEntry(
                    instansi=instansi, seq=seq, kind=kind, created_at=created_at, prev_hash=prev, payload=text,
                    hash=digest,
                )  # fmt: skip
                entry.save()
                return entry
        except IntegrityError:
            continue
    raise RuntimeError("ledger: the chain head kept moving; try again")


def ledger_entries(instansi_id: int) -> Iterator[dict[str, Any]]:
    for entry in LedgerEntry.objects.filter(instansi_id=instansi_id).order_by("seq").iterator(chunk_size=200):
        yield _entry_dict(entry)


def ledger_head(instansi_id: int) -> tuple[int, str]:
    last = LedgerEntry.objects.filter(instansi_id=instansi_id).order_by("-seq").first()
    return (last.seq, last.hash) if last else (0, ledger.GENESIS)


def export_lines(instansi_id: int) -> Iterator[str]:
    """JSON Lines for `simerit verify-ledger`: every entry, then the head line."""
    count, head = 0, ledger.GENESIS
    for entry in ledger_entries(instansi_id):
        count, head = count + 1, entry["hash"]
        yield json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n"
    yield json.dumps({"head": {"count": count, "hash": head}}) + "\n"


def ledger_verify(instansi_id: int) -> ledger.VerifyResult:
    """The chain as stored, plus a cross-check against the decisions that point into it: a
    deleted newest entry or a decision whose sealed hash no longer matches is reported too."""
    result = ledger.verify(ledger_entries(instansi_id))
    hash_by_id = dict(LedgerEntry.objects.filter(instansi_id=instansi_id).values_list("id", "hash"))
    decisions = Decision.objects.filter(instansi_id=instansi_id).values_list(
        "vacancy_id", "ledger_entry_id", "ledger_hash"
    )
    for vacancy_id, entry_id, sealed in decisions:
        stored = hash_by_id.get(entry_id)
        if stored is None:
            result.problems.append(f"Keputusan lowongan #{vacancy_id}: entri tersegelnya tidak ada lagi.")
        elif stored != sealed:
            result.problems.append(
                f"Keputusan lowongan #{vacancy_id}: hash entri berbeda dari yang dicatat saat disegel."
            )
    return result

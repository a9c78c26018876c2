"""`manage.py synth`: generate a fake regency (or a national parquet dataset) for demos and tests."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError
from django.utils import timezone

from simerit.synth.generator import generate, write_parquet


class Command(BaseCommand):
    help = (
        "Membangkitkan data ASN sintetis (palsu, deterministik menurut seed) untuk satu kabupaten dan "
        "memuatnya ke basis data, beserta akun demo untuk setiap peran. Dengan --parquet hanya menulis "
        "berkas parquet berskala nasional tanpa menyentuh basis data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--size", type=int, default=9000, help="Jumlah pegawai (bawaan 9000).")
        parser.add_argument("--seed", type=int, default=42, help="Seed acak; seed sama menghasilkan data sama.")
        parser.add_argument("--instansi-kode", default="3328", help="Kode instansi (bawaan 3328).")
        parser.add_argument("--instansi-nama", default="Pemerintah Kabupaten Contoh", help="Nama instansi.")
        parser.add_argument(
            "--if-empty", action="store_true", help="Lewati bila sudah ada data pegawai (dipakai oleh make run)."
        )
        parser.add_argument("--parquet", metavar="DIR", help="Hanya tulis berkas parquet nasional ke DIR.")
        parser.add_argument(
            "--chunk-size", type=int, default=500_000, help="Pegawai per potongan untuk --parquet (bawaan 500000)."
        )
        parser.add_argument(
            "--as-of", help="Tanggal acuan data (YYYY-MM-DD); bawaan hari ini, agar tidak ada pegawai aktif yang "
            "sudah melewati TMT pensiun."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        size, seed = options["size"], options["seed"]
        if size < 50:
            raise CommandError("Jumlah pegawai (--size) minimal 50.")
        as_of = self._as_of(options["as_of"])
        started = time.monotonic()
        if options["parquet"]:
            self._parquet(Path(options["parquet"]), size, seed, options["chunk_size"], as_of)
        else:
            self._database(options, size, seed, as_of)
        self.stdout.write(f"Selesai dalam {time.monotonic() - started:.1f} detik.")

    def _as_of(self, value: str | None) -> dt.date:
        today = timezone.localdate()
        if value is None:
            # Today: a regency generated as of an earlier date would, viewed today, still list as
            # active the people who reached their TMT pensiun in between.
            return today
        try:
            as_of = dt.date.fromisoformat(value)
        except ValueError as exc:
            raise CommandError(f"Tanggal acuan '{value}' tidak sah; gunakan format YYYY-MM-DD.") from exc
        if as_of > today:
            raise CommandError("Tanggal acuan tidak boleh di masa depan.")
        return as_of

    def _parquet(self, directory: Path, size: int, seed: int, chunk_size: int, as_of: dt.date) -> None:
        if chunk_size < 1000:
            raise CommandError("Ukuran potongan (--chunk-size) minimal 1000.")
        self.stdout.write(f"Menulis data nasional sintetis: {size} pegawai, seed {seed}, ke {directory}")
        try:
            counts = write_parquet(directory, size, seed, chunk_size, as_of=as_of, progress=self._progress())
        except OSError as exc:
            raise CommandError(f"Tidak dapat menulis ke {directory}: {exc}") from exc
        for name, count in counts.items():
            self.stdout.write(f"  {name}.parquet: {count} baris")

    def _database(self, options: dict[str, Any], size: int, seed: int, as_of: dt.date) -> None:
        from simerit.pegawai.models import Pegawai
        from simerit.synth.loader import SynthLoadError, existing_demo_logins, load_synth

        try:
            if options["if_empty"] and Pegawai._base_manager.exists():
                self.stdout.write("Data pegawai sudah ada; pembangkitan data demo dilewati.")
                logins = existing_demo_logins()
                if logins:
                    self._logins(logins)
                return
            self.stdout.write(f"Membangkitkan {size} pegawai sintetis (seed {seed}, per {as_of:%d-%m-%Y}) ...")
            data = generate(size, seed, as_of)
            self.stdout.write("Memuat ke basis data ...")
            result = load_synth(
                data,
                instansi_kode=options["instansi_kode"],
                instansi_nama=options["instansi_nama"],
                progress=self._progress(),
            )
        except SynthLoadError as exc:
            raise CommandError(str(exc)) from exc
        except DatabaseError as exc:
            raise CommandError(f"Gagal menulis ke basis data (sudah menjalankan migrate?): {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"{result['counts']['pegawai']} pegawai dimuat ke {options['instansi_nama']}."))
        self._logins(result["logins"])

    def _progress(self) -> Any:
        last = {"time": 0.0, "stage": ""}

        def report(stage: str, done: int, total: int) -> None:
            now = time.monotonic()
            if done == total or stage != last["stage"] or now - last["time"] >= 1.0:
                self.stdout.write(f"  {stage}: {done}/{total}")
                last["time"], last["stage"] = now, stage

        return report

    def _logins(self, logins: list[dict[str, str]]) -> None:
        header = ("Nama pengguna", "Kata sandi", "Peran")
        rows = [(x["username"], x["password"], f"{x['peran']} ({x['role']})") for x in logins]
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Akun demo (satu akun untuk setiap peran):"))
        for row in [header, *rows]:
            self.stdout.write(("  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True))).rstrip())

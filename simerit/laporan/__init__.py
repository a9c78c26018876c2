"""Standard reports (issue 4) as xlsx and PDF from the same rows, scoped to the viewer.

- `selectors`: reads, always through `restrict(user)`; ranks, BUP, TMT pensiun and IP ASN come from
  the latest finished index run in scope (never recomputed here).
- `reports`: each report as an `export.Tabel` (columns with types and widths, rows as an iterator).
- `export`: xlsx with xlsxwriter (constant_memory, typed cells, text cells neutralised against
  formula injection) and PDF with reportlab platypus (letterhead, repeated headers, "Halaman X
  dari Y", signature block); reportlab because a 9,000-row table must render in seconds.
"""

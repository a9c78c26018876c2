"""Per-employee facts placed by row number instead of joins (batch helpers, no rule of their own).

A batch rule reads history records (`EmployeeFrames.trainings`, `performance`, ...) and needs one
fact per employee (the latest record, a sum, whether any record qualifies) in the order of
`EmployeeFrames.employees`. A group_by per employee and a join back cost more than everything
else in a run; here each record gets the row number of its employee once (`row_numbers`: a
direct index when the ids are dense integers, a binary search otherwise) and the facts are
reduced per row number with numpy (`ByRow`: segment reductions over the records in row order,
which history tables usually are already; otherwise one stable sort first).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import polars as pl

_SMALL = (pl.Int8, pl.Int16, pl.Int32, pl.UInt8, pl.UInt16, pl.Date, pl.Boolean)
_INTEGER = (pl.Int8, pl.Int16, pl.Int32, pl.Int64, pl.UInt8, pl.UInt16, pl.UInt32, pl.UInt64)


def row_numbers(keys: pl.Series, ids: pl.Series) -> np.ndarray:
    """For each value of `keys`, its position in `ids` (int32 or int64; -1 where null or not in `ids`).

    `ids` must be unique (the employees' ids; `ValueError` otherwise); `keys` may repeat."""
    n = len(ids)
    if n == 0 or len(keys) == 0:
        return np.full(len(keys), -1, dtype=np.int64)
    keys = keys.cast(ids.dtype) if keys.dtype != ids.dtype else keys
    if ids.dtype in _INTEGER and ids.null_count() == 0:
        lo, hi = int(ids.min()), int(ids.max())  # type: ignore[arg-type]
        k_lo, k_hi = keys.min(), keys.max()
        inside = keys.null_count() == 0 and lo <= k_lo and k_hi <= hi  # type: ignore[operator]
        if inside and hi - lo + 1 == n and n < 2**31 and int(ids[0]) == lo and bool((ids.diff().slice(1) == 1).all()):
            # ids lo, lo + 1, ..., hi in that order (a population loaded whole): the row number is
            # the key's offset, computed by polars without a lookup table.
            return (keys - lo).cast(pl.Int32).to_numpy()
        if hi - lo < 4 * n + 1024:  # dense: a direct index, one gather per record
            table = np.full(hi - lo + 1, -1, dtype=np.int64)
            table[ids.to_numpy().astype(np.int64) - lo] = np.arange(n, dtype=np.int64)
            if np.count_nonzero(table >= 0) != n:
                raise ValueError("row_numbers: ids are not unique")
            if inside:
                return table[keys.to_numpy().astype(np.int64, copy=False) - lo]
            k = keys.fill_null(lo).to_numpy().astype(np.int64, copy=False) - lo
            inside = (k >= 0) & (k <= hi - lo)
            if keys.null_count():
                inside &= keys.is_not_null().to_numpy()
            out = np.full(len(k), -1, dtype=np.int64)
            out[inside] = table[k[inside]]
            return out
    order = ids.arg_sort()
    ordered = ids.gather(order)
    if n > 1 and (ordered.slice(1) == ordered.slice(0, n - 1)).any():
        raise ValueError("row_numbers: ids are not unique")
    found = pl.Series(ordered.search_sorted(keys), dtype=pl.Int64).clip(upper_bound=n - 1)
    hit = (ordered.gather(found) == keys).fill_null(False)
    return pl.select(pl.when(hit).then(order.cast(pl.Int64).gather(found)).otherwise(-1)).to_series().to_numpy()


def all_in(keys: pl.Series, ids: pl.Series) -> bool:
    """Whether every value of `keys` is one of `ids`, when that is cheap to tell (`ids` unique
    integers without gaps, `keys` within their range, no null); False when it is not."""
    if ids.dtype not in _INTEGER or keys.dtype not in _INTEGER or len(ids) == 0 or ids.null_count():
        return False
    lo, hi = ids.min(), ids.max()
    if hi - lo + 1 != len(ids) or keys.null_count():  # type: ignore[operator]
        return False
    if len(keys) and not (lo <= keys.min() and keys.max() <= hi):  # type: ignore[operator]
        return False
    return ids.n_unique() == len(ids)


def by_employee(keys: pl.Series, ids: pl.Series) -> ByRow:
    """`ByRow` of the records whose employee ids are `keys`, for the employees `ids` (in that
    order; an id that appears twice gets the same facts in both rows, as a join would give)."""
    try:
        return ByRow(row_numbers(keys, ids), len(ids))
    except ValueError:
        unique = ids.unique(maintain_order=True).drop_nulls()
        by_row = ByRow(row_numbers(keys, unique), len(unique))
        by_row.spread = pl.Series(row_numbers(ids, unique))
        by_row.spread = by_row.spread.set(by_row.spread < 0, None)  # type: ignore[arg-type]
        return by_row


class ByRow:
    """Records grouped by their employee's row number (`rows`, -1 = not an employee of the frame,
    dropped), for reductions placed at that row: each result has one value per employee (`n`),
    null where the employee has no record."""

    def __init__(self, rows: np.ndarray, n: int) -> None:
        self.n = n
        self.spread: pl.Series | None = None  # `by_employee`: the result row of each employee
        keep = rows >= 0
        self._keep = None if keep.all() else keep
        r = rows if self._keep is None else rows[keep]
        self._order = None if r.size < 2 or bool((r[1:] >= r[:-1]).all()) else np.argsort(r, kind="stable")
        if self._order is not None:
            r = r[self._order]
        self._starts = np.flatnonzero(np.r_[True, r[1:] != r[:-1]]) if r.size else np.zeros(0, dtype=np.int64)
        self.rows = r[self._starts] if r.size else np.zeros(0, dtype=np.int64)

    def _arranged(self, values: np.ndarray) -> np.ndarray:
        if self._keep is not None:
            values = values[self._keep]
        return values if self._order is None else values[self._order]

    def has_records(self) -> np.ndarray:
        """Boolean per employee: has at least one record."""
        out = np.zeros(self.n, dtype=bool)
        out[self.rows] = True
        return out

    def reduce(self, values: pl.Series, how: Literal["max", "min", "sum", "any"]) -> pl.Series:
        """Per employee, the max / min / sum of the non-null values of its records (null when it
        has none; sum 0 when all are null), or whether any is True (False when none is; null when
        it has no record): what polars' group_by aggregates give, in employee order."""
        return self.reduce_all(values.to_frame(), {values.name: how}).to_series()

    def reduce_all(self, records: pl.DataFrame, how: dict[str, Literal["max", "min", "sum", "any"]]) -> pl.DataFrame:
        """`reduce` of several columns of `records` (one row per record), one column per key of
        `how` in that order: the columns are made ready for numpy in one parallel select."""
        schema = records.schema
        floats = [c for c in how if how[c] in ("max", "min") and schema[c].is_float()]
        nan = records.select([pl.col(c).is_nan().any() for c in floats]).row(0) if floats else ()
        fallback = {c for c, has_nan in zip(floats, nan, strict=True) if has_nan}  # NaN: as polars orders it
        sentinels: dict[str, float | int] = {}
        exprs = []
        for c, h in how.items():
            if c in fallback:
                continue
            col = pl.col(c).to_physical()
            if h == "any":
                exprs.append(col.fill_null(False).cast(pl.UInt8))
            elif h == "sum":
                exprs.append(col.cast(pl.Int64).fill_null(0))
            else:
                low = h == "min"
                if c in floats:
                    sentinels[c] = np.inf if low else -np.inf
                    exprs.append(col.cast(pl.Float64).fill_null(sentinels[c]))
                else:  # 32-bit integers where they hold the values (half the memory to move)
                    small = schema[c] in _SMALL
                    info = np.iinfo(np.int32 if small else np.int64)
                    sentinels[c] = int(info.max if low else info.min)
                    exprs.append(col.cast(pl.Int32 if small else pl.Int64).fill_null(sentinels[c]))
        ready = records.lazy().select(exprs).collect().rechunk() if exprs else None
        absent = ~self.has_records()
        out: list[pl.Series] = []
        for c, h in how.items():
            if c in fallback:
                out.append(self._grouped(records[c], h))
                continue
            assert ready is not None
            v = self._arranged(ready[c].to_numpy())
            if h in ("any", "sum"):
                result = np.zeros(self.n, dtype=np.int64)
                if v.size:
                    result[self.rows] = self._segment_sums(v)
                series = pl.Series(c, result > 0 if h == "any" else result)
                out.append(series.set(pl.Series(absent), None))  # type: ignore[arg-type]
                continue
            sentinel = sentinels[c]
            result = np.full(self.n, sentinel, dtype=v.dtype)
            if v.size:
                result[self.rows] = (np.minimum if h == "min" else np.maximum).reduceat(v, self._starts)
            missing = result == sentinel
            # A real value equal to the sentinel can only be the column's largest (min) or smallest
            # (max) value: one polars reduction instead of comparing every value.
            real = records[c].to_physical()
            extreme = real.max() if h == "min" else real.min()
            if extreme is not None and float(extreme) == float(sentinel):  # type: ignore[arg-type]
                # a real value equal to the sentinel: tell it from nulls by counting the values
                valid = self._arranged(records[c].is_not_null().to_numpy().astype(np.int64))
                counts = np.zeros(self.n, dtype=np.int64)
                counts[self.rows] = np.add.reduceat(valid, self._starts)
                missing = counts == 0
            series = pl.Series(c, result).set(pl.Series(missing), None)  # type: ignore[arg-type]
            out.append(series.cast(records[c].to_physical().dtype).cast(schema[c]))
        frame = pl.DataFrame(out)
        return frame if self.spread is None else frame[self.spread]

    def _segment_sums(self, v: np.ndarray) -> np.ndarray:
        """The sum of each segment of `v` (integers in row order: 0/1 flags or Int64 values), as
        differences of one running sum (a reduceat pays per segment, and segments are short);
        `np.add.reduceat` when the running sum could leave int64."""
        if max(abs(int(v.max())), abs(int(v.min()))) * v.size >= 2**62:
            return np.add.reduceat(v, self._starts)
        running = np.cumsum(v, dtype=np.int64)
        ends = running[np.r_[self._starts[1:], v.size] - 1]
        ends[1:] -= ends[:-1].copy()
        return ends

    def reduce_filled(self, columns: dict[str, tuple[np.ndarray, Literal["max", "min"], int]]) -> pl.DataFrame:
        """Per employee, the max / min of integer columns (one value per record) whose nulls the
        caller has already replaced by a sentinel that no real value takes (the smallest value of
        the type for a max, the largest for a min): Int32 columns, null where the employee has no
        record or only sentinels. `reduce_all` without the pass that fills the nulls."""
        out = []
        for name, (values, how, sentinel) in columns.items():
            v = self._arranged(values)
            result = np.full(self.n, sentinel, dtype=np.int32)
            if v.size:
                result[self.rows] = (np.minimum if how == "min" else np.maximum).reduceat(v, self._starts)
            out.append(pl.Series(name, result).set(pl.Series(result == sentinel), None))  # type: ignore[arg-type]
        frame = pl.DataFrame(out)
        return frame if self.spread is None else frame[self.spread]

    def _grouped(self, values: pl.Series, how: str) -> pl.Series:
        """`reduce` through polars' group_by (for the cases the numpy path leaves to it)."""
        index = self._arranged(np.arange(len(values)))
        rows = np.repeat(self.rows, np.diff(np.r_[self._starts, len(index)]))
        frame = pl.DataFrame({"_row": rows, "v": values.gather(index)})
        agg = getattr(pl.col("v"), how)()
        grouped = frame.group_by("_row").agg(agg)
        out = pl.DataFrame({"_row": np.arange(self.n)}).join(grouped, on="_row", how="left", maintain_order="left")
        return out["v"].cast(values.dtype).alias(values.name)

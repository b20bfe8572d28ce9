"""A 100,000-row roster workbook: polars' own read vs `econdash import` (issue 15).

Run: python bench/import_bench.py [ROWS]. Prints both times and the margin
(target: import ≤ polars' read + 2 s). Makes its files in a temporary folder.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import polars as pl
import xlsxwriter

from econdash.cli import main


def make_roster(path: Path, rows: int) -> None:
    workbook = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = workbook.add_worksheet("名单")
    sheet.write_row(0, 0, ["2022年企业荣誉名单"])
    sheet.write_row(1, 0, ["序号", "企业名称", "荣誉名称", "级别", "所属镇（街道）", "认定年份"])
    levels, towns = ("国家级", "省级", "市级"), ("溪口镇", "锦屏街道", "岳林街道")
    for i in range(rows):
        sheet.write_row(i + 2, 0, [i + 1, f"企业{i:06d}", f"荣誉{i % 50}", levels[i % 3],
                                   towns[i % 3], 2015 + i % 8])
    workbook.close()


def run(rows: int = 100_000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.xlsx"
        make_roster(path, rows)
        start = time.perf_counter()
        pl.read_excel(path, engine="calamine", has_header=False)
        read = time.perf_counter() - start
        target = Path(folder) / "ds"
        start = time.perf_counter()
        code = main(["import", str(path), "--period", "2022FY", "--to", str(target)])
        imported = time.perf_counter() - start
        print(f"{rows} rows: polars read {read:.2f} s, econdash import {imported:.2f} s "
              f"(exit {code}); margin {imported - read:.2f} s (target ≤ 2 s): "
              f"{'met' if imported <= read + 2 else 'missed'}")


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)

"""Regenerate the example dataset shipped in data/examples/.

Reads the real 2011-2019 figures of 丽水, 衢州 and 宁德 from
../shared/realdata/lishui_quzhou_ningde_2011_2019_industry.csv (facts, with
their source named in dataset.toml) and writes one annual period folder per
year. Run from the repository root: python scripts/make_examples.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import polars as pl
import tomli_w

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "realdata" / "lishui_quzhou_ningde_2011_2019_industry.csv"
TARGET = ROOT / "data" / "examples" / "three-cities"
CITIES = {"丽水": ("lishui", "Lishui"), "衢州": ("quzhou", "Quzhou"), "宁德": ("ningde", "Ningde")}
INDICATORS = {
    "规上工业总产值": ("output", "gross output of above-scale industry"),
    "规上工业增加值": ("value_added", "value added of above-scale industry"),
    "规上工业企业数": ("enterprises", "number of above-scale industrial enterprises"),
}
PROVENANCE = ("Transcribed figures from a public 丽水市经信局 dashboard project "
              "(w1039913278/lishui on GitHub, commit bb46dbb1546e, "
              "src/views/industry-economic-run/data/index.js)")


def main() -> int:
    frame = pl.read_csv(SOURCE)
    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.mkdir(parents=True)
    meta = {"name": "浙闽三市规上工业 2011-2019", "name_en": "Three cities' industry 2011-2019",
            "region": "丽水市 (与衢州、宁德对比)", "region_en": "Lishui (with Quzhou and Ningde)",
            "source": PROVENANCE}
    (TARGET / "dataset.toml").write_text(tomli_w.dumps(meta), encoding="utf-8")
    for year, rows in sorted(frame.group_by("year"), key=lambda item: item[0][0]):
        write_year(int(year[0]), rows)
    print(f"wrote {TARGET}")
    return 0


def write_year(year: int, rows: pl.DataFrame) -> None:
    indicators = []
    for city, indicator, unit, value in rows.select("city", "indicator_zh", "unit",
                                                    "value").iter_rows():
        city_id, city_en = CITIES[city]
        ind_id, ind_en = INDICATORS[indicator]
        indicators.append({
            "id": f"{city_id}_{ind_id}", "name": f"{city}{indicator}",
            "name_en": f"{city_en}: {ind_en}", "category": city, "value": value, "unit": unit,
            "headline": ind_id != "enterprises",
        })
    indicators.sort(key=lambda i: list(CITIES).index(i["category"]))
    report = {"period": {"year": year, "months": [1, 12], "region": "丽水市",
                         "source": PROVENANCE},
              "indicator": indicators}
    folder = TARGET / f"{year}-FY"
    folder.mkdir()
    (folder / "report.toml").write_text(tomli_w.dumps(report), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())

"""Real-world files from shared/realdata (NBS exports, a city dashboard's figures).

They live beside the repository, never inside it; the module is skipped when
they are absent (e.g. a clone without the shared folder).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from shared_material import REALDATA, needs

from econdash.core.loaders.csvfile import read_csv_table
from econdash.core.loaders.text import decode
from econdash.core.model.schema import CsvSpec

pytestmark = needs("realdata")

NBS_MONTHLY = ["nbs_fsyd_realestate_浙江.csv", "nbs_fsyd_realestate_江苏.csv",
               "nbs_fsyd_realestate_内蒙古.csv"]
NBS_QUARTERLY = ["nbs_quarterly_gdp_indices.csv", "nbs_quarterly_gdp_current_prices.csv"]
PERMISSIVE = CsvSpec(required=())


def sample(name: str) -> Path:
    path = REALDATA / name
    if not path.is_file():
        pytest.skip(f"{name} is not in {REALDATA}")
    return path


@pytest.mark.parametrize("name", NBS_MONTHLY + NBS_QUARTERLY)
def test_nbs_exports_are_utf8_with_bom(name: str) -> None:
    decoded = decode(sample(name).read_bytes(), name)
    assert decoded.encoding == "utf-8-sig"
    assert not decoded.text.startswith("\ufeff")


@pytest.mark.parametrize("name", ["nbs_hgnd_gdp_index_prev_year_100.csv",
                                  "lishui_2019_mujun_headline.csv"])
def test_files_without_bom_are_plain_utf8(name: str) -> None:
    assert decode(sample(name).read_bytes(), name).encoding == "utf-8"


def test_nbs_monthly_text() -> None:
    text = decode(sample(NBS_MONTHLY[0]).read_bytes(), NBS_MONTHLY[0]).text
    assert text.startswith("数据库：分省月度数据")
    assert "房地产投资累计值(亿元),10682.97" in text


def test_headline_thousands_separators() -> None:
    spec = CsvSpec(required=("year", "region", "indicator_zh", "unit", "raw_value"),
                   numbers=("raw_value",))
    result = read_csv_table(sample("lishui_2019_mujun_headline.csv"), "headline.csv", spec)
    assert result.problems == []
    frame = result.frame
    assert frame is not None
    tax = frame.filter(frame["indicator_zh"] == "税收实际贡献")
    assert tax["raw_value"].to_list() == [573564.0]
    assert tax["value"].to_list() == ["573564"]  # unknown to the spec: kept, as text
    assert 2236605.0 in frame["raw_value"].to_list()


def test_by_county_slash_is_missing_never_zero() -> None:
    spec = CsvSpec(required=("year", "region", "metric_code", "raw_value"),
                   numbers=("value", "raw_value"))
    path = sample("lishui_2019_mujun_by_county.csv")
    slashes = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.endswith(",/"))
    assert slashes > 0  # the file does use "/" for N/A
    result = read_csv_table(path, "by_county.csv", spec)
    assert result.problems == []
    frame = result.frame
    assert frame is not None
    assert frame["raw_value"].null_count() == slashes
    assert frame["value"].null_count() == slashes
    assert 0.0 not in frame["raw_value"].to_list()


def test_nbs_quarterly_export_warns_instead_of_raising() -> None:
    name = NBS_QUARTERLY[0]
    result = read_csv_table(sample(name), name, PERMISSIVE)
    assert result.encoding == "utf-8-sig"
    assert [p for p in result.problems if p.severity == "error"] == []
    ragged = [p for p in result.problems if p.row is not None]
    assert ragged and all(p.severity == "warning" and "cells but the header has" in p.message
                          for p in ragged)
    assert [p.row for p in ragged] == sorted(p.row for p in ragged)
    assert min(p.row for p in ragged) >= 2
    assert result.frame is not None


def test_nbs_quarterly_rows_have_one_more_cell_than_their_header(tmp_path: Path) -> None:
    """From the `Indicators` header on, rows carry an unquoted comma inside the name."""
    name = NBS_QUARTERLY[0]
    text = decode(sample(name).read_bytes(), name).text
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Indicators"))
    table = tmp_path / "quarterly.csv"  # a scratch copy, outside the repository
    table.write_text("\n".join(lines[start:]) + "\n", encoding="utf-8")
    result = read_csv_table(table, "quarterly.csv", PERMISSIVE)
    frame = result.frame
    assert frame is not None
    assert frame.columns[:2] == ["Indicators", "1Q 2026"]  # the tab before each comma trimmed
    wider = [p for p in result.problems if p.row is not None and p.row > 1]
    assert wider, result.problems
    width = len(frame.columns)
    # Names with one comma fill the header's empty last column (reported as unnamed);
    # names with two commas spill past it and are reported row by row.
    assert any(p.row == 1 and "has no name" in p.message for p in result.problems)
    assert all(f"but the header has {width}" in p.message for p in wider)
    assert [p.row for p in wider][:2] == [10, 11]
    assert "Gross Domestic Product" in frame["Indicators"][0]


def test_nbs_monthly_blank_header_cells_do_not_crash() -> None:
    name = NBS_MONTHLY[0]
    result = read_csv_table(sample(name), name, PERMISSIVE)
    # The metadata row is taken as the header; its many empty names are reported, not raised.
    assert result.problems
    assert all(p.file == name for p in result.problems)

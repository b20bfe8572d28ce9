"""Importing 国家统计局 (NBS) CSV exports: the real files, small synthetic ones, and fuzzing.

The real exports live outside the repository, in ../shared/realdata (see its
SOURCES.md); they are read from there and never copied. Tests that need them
are skipped with a reason when that folder is absent; the synthetic tests
and the property tests always run.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shared_material import REALDATA, needs

from econdash.core.errors import FileProblem
from econdash.core.loaders.csvfile import read_csv_table
from econdash.core.loaders.nbs import StatisticsExport, is_statistics_export, parse_statistics_export
from econdash.core.loaders.nbs_layouts import indicator_id, parse_period, split_name
from econdash.core.loaders.report import ID_PATTERN
from econdash.core.model.schema import SERIES

needs_realdata = needs("realdata")
PROVINCES = {"浙江": "浙江省", "江苏": "江苏省", "内蒙古": "内蒙古自治区"}
GDP = "nbs_gross_domestic_product"


def real(name: str) -> StatisticsExport:
    return parse_statistics_export(REALDATA / name, name)


def one(frame: pl.DataFrame, **where: object) -> dict[str, object]:
    """The single row matching every column = value in `where`."""
    rows = frame.filter(**where).to_dicts()
    assert len(rows) == 1, f"{len(rows)} rows match {where}"
    return rows[0]


def filled_cells(path: Path) -> int:
    """Non-empty figure cells under the 指标 header, counted by other means than the importer."""
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))
    at = next(i for i, row in enumerate(rows) if row and row[0] == "指标")
    body = [row for row in rows[at + 1:] if row and not row[0].startswith("数据来源")]
    return sum(1 for row in body for cell in row[1:] if cell.strip())


def check_contract(export: StatisticsExport) -> None:
    """Exactly the series.csv columns and types, valid ids, one row per (indicator, span)."""
    frame = export.series
    assert frame.columns == list(SERIES.known)
    assert frame.dtypes == [pl.String, pl.Int64, pl.Int64, pl.Int64, pl.Float64, pl.String,
                            pl.Float64, pl.String, pl.String, pl.String, pl.String, pl.String]
    assert all(ID_PATTERN.match(i) for i in frame["indicator"].unique())
    keys = ["indicator", "year", "first_month", "last_month"]
    assert frame.select(keys).is_duplicated().sum() == 0
    assert frame.filter(pl.col("value").is_null() & pl.col("yoy_pct").is_null()).is_empty()
    assert frame.filter((pl.col("first_month") < 1) | (pl.col("last_month") > 12)
                        | (pl.col("first_month") > pl.col("last_month"))).is_empty()


# --- the real exports --------------------------------------------------------------------

@needs_realdata
@pytest.mark.parametrize("province", PROVINCES)
def test_real_monthly_province_export(province: str) -> None:
    name = f"nbs_fsyd_realestate_{province}.csv"
    export = real(name)
    frame = export.series
    check_contract(export)
    assert (export.region, export.database, export.warnings) == (PROVINCES[province], "分省月度数据", [])
    # 2 indicators (房地产投资, 房地产住宅投资), 36 months less 3 empty Januaries each.
    assert frame["name"].unique(maintain_order=True).to_list() == ["房地产投资", "房地产住宅投资"]
    assert frame.height == 2 * 33
    # Every filled cell lands once: 累计值 in value, 累计增长 in yoy_pct of the same row.
    assert frame["value"].count() + frame["yoy_pct"].count() == filled_cells(REALDATA / name)
    assert frame["value"].null_count() == frame["yoy_pct"].null_count() == 0
    assert frame.filter(pl.col("last_month") == 1).is_empty()  # January: no rows, never 0
    assert (frame["first_month"] == 1).all()
    assert set(frame["unit"]) == {"亿元"} and frame["name_en"].is_null().all()
    assert set(frame["category"]) == {"分省月度数据"}
    assert set(frame["source"]) == {f"国家统计局 分省月度数据 {PROVINCES[province]}"}


@needs_realdata
def test_real_zhejiang_december_2019() -> None:
    frame = real("nbs_fsyd_realestate_浙江.csv").series
    row = one(frame, name="房地产投资", year=2019, last_month=12)
    assert row["indicator"] == indicator_id("房地产投资")
    got = (row["first_month"], row["value"], row["yoy_pct"], row["unit"])
    assert got == (1, 10682.97, 7.4, "亿元")
    assert one(frame, name="房地产投资", year=2019, last_month=2)["value"] == 1205.26
    assert one(frame, name="房地产住宅投资", year=2017, last_month=2)["yoy_pct"] == 20.0


@needs_realdata
def test_real_quarterly_current_prices() -> None:
    export = real("nbs_quarterly_gdp_current_prices.csv")
    frame = export.series
    check_contract(export)
    assert (export.database, export.region, export.warnings) == ("Quarterly", None, [])
    # 16 indicators x (18 current quarters + 18 accumulated - 5 first quarters counted twice).
    assert frame["indicator"].n_unique() == 16
    assert frame.height == 16 * 31
    assert frame["yoy_pct"].is_null().all() and set(frame["unit"]) == {"100 million yuan"}
    assert (frame["name_en"] == frame["name"]).all()
    assert set(frame["source"]) == {"National Bureau of Statistics Quarterly"}
    q1 = frame.filter(indicator=GDP, year=2026)
    assert q1.select("first_month", "last_month", "value").rows() == [(1, 3, 334192.9)]
    assert one(frame, indicator=GDP, year=2025, first_month=10, last_month=12)["value"] == 387911.3
    assert one(frame, indicator=GDP, year=2025, first_month=1, last_month=12)["value"] == 1401879.2
    assert one(frame, indicator=GDP, year=2025, first_month=7, last_month=9)["value"] == 354106.2


@needs_realdata
def test_real_quarterly_names_with_unquoted_commas() -> None:
    frame = real("nbs_quarterly_gdp_current_prices.csv").series
    names = set(frame["name"])
    assert "Value-added of Agriculture, Forestry, Animal Husbandry and Fishery industries" in names
    assert "Value-added of Transport, Storage and Post" in names
    # "Accumulated(100 million yuan)" (no space) is still the finance indicator, unit and all.
    finance = frame.filter(indicator="nbs_value_added_of_finance")
    assert finance.height == 31 and set(finance["unit"]) == {"100 million yuan"}
    assert all(len(i) <= 4 + 40 for i in frame["indicator"])


@needs_realdata
def test_real_quarterly_indices_are_growth_of_the_same_indicators() -> None:
    export = real("nbs_quarterly_gdp_indices.csv")
    frame = export.series
    check_contract(export)
    assert export.warnings == [] and frame.height == 16 * 31
    assert frame["value"].is_null().all() and frame["unit"].is_null().all()
    assert one(frame, indicator=GDP, year=2026, first_month=1, last_month=3)["yoy_pct"] == 5.0
    assert one(frame, indicator=GDP, year=2021, first_month=1, last_month=12)["yoy_pct"] == 8.6
    assert one(frame, indicator="nbs_value_added_of_construction", year=2026)["yoy_pct"] == -3.8
    # The index rows name the same indicators as the value rows (ids match across files),
    # except finance, which NBS calls "Finance" in one and "Financial Intermediation" in the other.
    values = set(real("nbs_quarterly_gdp_current_prices.csv").series["indicator"])
    assert len(values & set(frame["indicator"])) == 15


@needs_realdata
def test_real_annual_index_table() -> None:
    export = real("nbs_hgnd_gdp_index_prev_year_100.csv")
    frame = export.series
    check_contract(export)
    assert (export.region, export.database, export.warnings) == (None, None, [])
    assert frame["indicator"].n_unique() == 6 and frame.height == 6 * 37
    assert frame["value"].is_null().all() and frame["name_en"].is_null().all()
    per_capita = one(frame, name="人均国内生产总值", year=1978)
    assert (per_capita["first_month"], per_capita["last_month"]) == (1, 12)
    assert per_capita["yoy_pct"] == 10.162560342  # 110.162560342 - 100, no float residue
    assert one(frame, name="国内生产总值", year=1978)["yoy_pct"] == 11.646643994
    assert one(frame, name="第二产业增加值", year=2014)["yoy_pct"] == 7.306059278
    assert set(frame["category"]) == set(frame["source"]) == {"国家统计局"}


@needs_realdata
def test_real_annual_value_table_has_no_unit() -> None:
    export = real("nbs_hgnd_value_added_by_sector.csv")
    frame = export.series
    check_contract(export)
    assert frame["indicator"].n_unique() == 10 and frame.height == 10 * 37
    assert frame["unit"].is_null().all() and frame["yoy_pct"].is_null().all()
    assert one(frame, name="交通运输、仓储和邮政业增加值", year=1978)["value"] == 181.979296913
    assert one(frame, name="建筑业增加值", year=2014)["value"] == 44789.5561687
    [warning] = export.warnings
    assert warning.severity == "warning" and "unit is not in the file" in warning.message
    # GDP is one indicator whether its figures are levels or indices.
    gdp_index = real("nbs_hgnd_gdp_index_prev_year_100.csv").series
    assert one(gdp_index, name="国内生产总值", year=2000)["indicator"] == \
        one(frame, name="国内生产总值", year=2000)["indicator"]


@needs_realdata
def test_real_files_are_sniffed() -> None:
    for path in REALDATA.glob("*.csv"):
        assert is_statistics_export(path) == path.name.startswith("nbs_"), path.name


@needs_realdata
def test_output_is_a_valid_series_csv(tmp_path: Path) -> None:
    frame = real("nbs_quarterly_gdp_indices.csv").series
    path = tmp_path / "series.csv"
    frame.write_csv(path)
    result = read_csv_table(path, "series.csv", SERIES)
    assert result.problems == [] and result.frame is not None
    assert result.frame.height == frame.height


# --- small synthetic exports -------------------------------------------------------------

MONTHLY = (
    "数据库：月度数据\n地区：全国\n时间：最近3个月\n"
    "指标,2020年3月,2020年2月,2020年1月,\n"
    "工业增加值当期值(亿元),300,250,,\n"
    "工业增加值同比增长(%),5.5,-1.2,,\n"
    "工业增加值累计值(亿元),550,250,,\n"
    "工业增加值累计增长（％）,2.1,-1.2,,\n"
    "数据来源：国家统计局\n"
)


def write(tmp_path: Path, text: str | bytes, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def check_monthly(export: StatisticsExport) -> None:
    frame = export.series
    check_contract(export)
    assert (export.region, export.database, export.warnings) == ("全国", "月度数据", [])
    ident = indicator_id("工业增加值")
    assert set(frame["indicator"]) == {ident}
    spans = {(r["first_month"], r["last_month"]): (r["value"], r["yoy_pct"], r["unit"])
             for r in frame.to_dicts()}
    # February's current month and cumulative span coincide: one row, not two.
    assert spans == {(3, 3): (300.0, 5.5, "亿元"), (1, 3): (550.0, 2.1, "亿元"),
                     (2, 2): (250.0, -1.2, "亿元"), (1, 2): (250.0, -1.2, "亿元")}
    assert set(frame["source"]) == {"国家统计局 月度数据 全国"}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_synthetic_encodings_and_line_ends(tmp_path: Path, encoding: str, newline: str) -> None:
    path = write(tmp_path, MONTHLY.replace("\n", newline).encode(encoding))
    assert is_statistics_export(path)
    check_monthly(parse_statistics_export(path))


def test_growth_rows_may_come_first(tmp_path: Path) -> None:
    lines = MONTHLY.splitlines()
    text = "\n".join(lines[:4] + lines[7:3:-1] + lines[8:])
    check_monthly(parse_statistics_export(write(tmp_path, text)))


def test_missing_header_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "数据库：月度数据\n名称,2020年3月\n工业增加值当期值(亿元),300\n",
                 "工业.csv")
    with pytest.raises(FileProblem) as caught:
        parse_statistics_export(path, "imports/工业.csv")
    problem = caught.value.problem
    assert problem.file == "imports/工业.csv" and problem.severity == "error"
    assert "not a statistics export: no 指标 header row found" in problem.message
    with pytest.raises(FileProblem) as caught:
        parse_statistics_export(path)
    assert caught.value.problem.file == str(path)


@pytest.mark.parametrize("text, message", [
    ("", "is empty"),
    ("\n\n,,,\n", "is empty"),
    ("指标,合计,备注\n产量(吨),1,2\n", "no period columns"),
    (b"PK\x03\x04\x00\x00binary", "NUL bytes"),
    (b"\xfd\xfe\xff\x80\x81", "neither UTF-8 nor GB18030"),
    (b"\xff\xfe\xfd\x80\x81", "UTF-16"),
])
def test_bad_files_raise_file_problem(tmp_path: Path, text: str | bytes, message: str) -> None:
    with pytest.raises(FileProblem) as caught:
        parse_statistics_export(write(tmp_path, text), "x.csv")
    assert message in caught.value.problem.message


def test_folder_and_missing_file_raise_file_problem(tmp_path: Path) -> None:
    for path in (tmp_path, tmp_path / "absent.csv"):
        with pytest.raises(FileProblem):
            parse_statistics_export(path)
        assert not is_statistics_export(path)


def test_non_number_cell_is_a_located_warning(tmp_path: Path) -> None:
    text = "数据库：月度数据\n指标,2020年3月,2020年2月\n产量当期值(吨),abc,7\n产量同比增长(%),1.5,—\n"
    export = parse_statistics_export(write(tmp_path, text), "x.csv")
    [warning] = export.warnings
    assert (warning.severity, warning.line, warning.column) == ("warning", 3, "2020年3月")
    assert "'abc'" in warning.message and "not a number" in warning.message
    rows = {r["last_month"]: (r["value"], r["yoy_pct"]) for r in export.series.to_dicts()}
    # March keeps its growth; the "—" under February is missing, not 0.
    assert rows == {3: (None, 1.5), 2: (7.0, None)}


def test_many_bad_cells_are_counted_not_listed(tmp_path: Path) -> None:
    months = [f"2020年{m}月" for m in range(12, 0, -1)]
    text = "指标," + ",".join(months) + "\n" + "\n".join(
        f"指标{i}当期值,{','.join(['x'] * 12)}" for i in range(3)) + "\n"
    export = parse_statistics_export(write(tmp_path, text))
    assert export.series.is_empty()
    assert len(export.warnings) == 10 + 2  # ten named, one count, one "no figures"
    assert "26 more cells" in export.warnings[10].message


def test_first_quarter_conflict_keeps_the_first_figure(tmp_path: Path) -> None:
    """Current quarter and accumulated are one indicator; in 1Q both are months 1-3."""
    text = ("Database：Quarterly\nIndicators\t,2Q 2020\t,1Q 2020\t,\n"
            "Output, Current Quarter (tons) \t,20\t,10\t,\n"
            "Output, Accumulated (tons) \t,30\t,11\t,\n")
    export = parse_statistics_export(write(tmp_path, text), "q.csv")
    frame = export.series
    assert frame.select("first_month", "last_month", "value").rows() == [
        (1, 3, 10.0), (1, 6, 30.0), (4, 6, 20.0)]
    assert set(frame["indicator"]) == {"nbs_output"} and set(frame["name_en"]) == {"Output"}
    [warning] = export.warnings
    assert (warning.line, warning.column) == (4, "1Q 2020")
    assert "given twice" in warning.message and "10" in warning.message and "11" in warning.message


def test_unquoted_comma_rejoin_never_swallows_a_figure(tmp_path: Path) -> None:
    text = "指标,2020年2月,2020年1月\n产量当期值(吨),5,4,3\n"
    export = parse_statistics_export(write(tmp_path, text), "x.csv")
    rows = {r["last_month"]: r["value"] for r in export.series.to_dicts()}
    assert rows == {2: 5.0, 1: 4.0}
    [warning] = export.warnings
    assert warning.line == 2 and "extra" in warning.message


def test_transposed_table_with_odd_rows(tmp_path: Path) -> None:
    text = (",居民消费价格指数(上年=100),粮食产量(万吨)\n1978年,100.7,30476.5\n"
            "合计,1,2\n1979年,101.90,\n注：1978年为初步数\n")
    export = parse_statistics_export(write(tmp_path, text), "a.csv")
    frame = export.series
    assert frame.select("name", "year", "value", "yoy_pct", "unit").rows() == [
        ("居民消费价格", 1978, None, 0.7, None), ("居民消费价格", 1979, None, 1.9, None),
        ("粮食产量", 1978, 30476.5, None, "万吨")]
    [warning] = export.warnings
    assert warning.line == 3 and "'合计'" in warning.message


def test_sniff_rejects_contract_and_other_csvs(tmp_path: Path) -> None:
    assert not is_statistics_export(write(tmp_path, "indicator,year,first_month,last_month\n"))
    assert not is_statistics_export(write(tmp_path, "name,category\n项目,工业\n"))
    assert not is_statistics_export(write(tmp_path, b""))
    assert is_statistics_export(write(tmp_path, "Database：Annual\n"))
    assert is_statistics_export(write(tmp_path, "\n\n指标,2019年\n"))
    assert is_statistics_export(write(tmp_path, ",GDP\n2019年,1\n"))


@pytest.mark.parametrize("raw, base, unit, measure, cumulative", [
    ("房地产投资累计值(亿元)", "房地产投资", "亿元", "value", True),
    ("房地产投资累计增长(%)", "房地产投资", None, "growth", True),
    ("社会消费品零售总额当期值(亿元)", "社会消费品零售总额", "亿元", "value", False),
    ("社会消费品零售总额同比增长(%)", "社会消费品零售总额", None, "growth", False),
    ("国内生产总值指数(上年=100)", "国内生产总值", None, "index", False),
    ("Gross Domestic Product, Current Quarter (100 million yuan)", "Gross Domestic Product",
     "100 million yuan", "value", False),
    ("Value-added of Finance, Accumulated(100 million yuan)", "Value-added of Finance",
     "100 million yuan", "value", True),
    ("Indices of Value-added of the Primary Industry (preceding year=100) , Accumulated",
     "Value-added of the Primary Industry", None, "index", True),
    ("居民消费价格指数(1978=100)", "居民消费价格指数", "1978=100", "value", False),
    ("累计值", "累计值", None, "value", False),
])
def test_split_name(raw: str, base: str, unit: str | None, measure: str, cumulative: bool) -> None:
    parts = split_name(raw)
    got = (parts.base, parts.unit, parts.measure, parts.cumulative)
    assert got == (base, unit, measure, cumulative)


@pytest.mark.parametrize("label, span", [
    ("2019年12月", (2019, 12, 12, True)), ("2019年1-2月", (2019, 1, 2, False)),
    ("1Q 2026", (2026, 1, 3, True)), ("4Q 2025", (2025, 10, 12, True)),
    ("2019年第三季度", (2019, 7, 9, True)), ("Dec 2019", (2019, 12, 12, True)),
    ("1978年", (1978, 1, 12, False)), ("2019年13月", None), ("12345年", None), ("合计", None),
])
def test_parse_period(label: str, span: tuple | None) -> None:
    period = parse_period(label)
    got = None if period is None else (period.year, period.first, period.last, period.expands)
    assert got == span


def test_indicator_ids_are_stable_and_valid() -> None:
    assert indicator_id("Gross Domestic Product") == "nbs_gross_domestic_product"
    assert indicator_id("房地产投资") == "nbs_656985fd00"  # sha1("房地产投资")[:10]
    long_a = indicator_id("Value-added of Information Transmission, Software and IT")
    long_b = indicator_id("Value-added of Information Transmission, Something Else")
    assert long_a != long_b and len(long_a) == len("nbs_") + 40
    assert ID_PATTERN.match(indicator_id("%%%")) and ID_PATTERN.match(indicator_id("GDP（亿元）"))


# --- properties ---------------------------------------------------------------------------

PERIODS = st.sampled_from(["2019年12月", "2019年1月", "2019年1-2月", "1Q 2026", "4Q 2025",
                           "1978年", "Dec 2019", "合计", ""])
NAMES = st.sampled_from([
    "产量累计值(亿元)", "产量累计增长(%)", "产量当期值", "GDP, Current Quarter (yuan)", "GDP, Accumulated",
    "Indices of GDP (preceding year=100) , Current Quarter", "指数(上年=100)", "(亿元)", "",
    "数据来源：国家统计局", "Note：a, b",
]) | PERIODS | st.text(max_size=6)
CELLS = st.sampled_from(["7.4", "105.0", "-3", "1,234.5", "", "-", "—", "abc", "1e999", "8.6%"]) \
    | st.text(max_size=4)
META_ROWS = st.lists(st.sampled_from(["数据库：月度数据", "地区：浙江省", "Database：Quarterly"]),
                     max_size=2)


@st.composite
def export_like(draw: st.DrawFn) -> bytes:
    """Text shaped like an export (metadata, a header, rows of figures), often subtly wrong."""
    header = [draw(st.sampled_from(["指标", "Indicators", ""]))] + draw(st.lists(PERIODS, max_size=5))
    body = draw(st.lists(st.tuples(NAMES, st.lists(CELLS, max_size=7)), max_size=6))
    rows = draw(META_ROWS) + [draw(st.sampled_from([",", "\t,"])).join(header)]
    rows += [",".join([name, *cells]) for name, cells in body]
    text = draw(st.sampled_from(["\n", "\r\n"])).join(rows)
    return text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"])))


def outcome(data: bytes) -> None:
    """Parse `data` from a fresh file: an export that keeps the contract, or a FileProblem."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.csv"
        path.write_bytes(data)
        is_statistics_export(path)  # never raises
        try:
            export = parse_statistics_export(path, "fuzz.csv")
        except FileProblem as exc:
            assert exc.problem.file == "fuzz.csv" and exc.problem.message
            return
    assert isinstance(export, StatisticsExport)
    check_contract(export)


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_give_an_export_or_a_file_problem(data: bytes) -> None:
    outcome(data)


@settings(max_examples=100, deadline=None)
@given(data=export_like())
def test_export_like_text_gives_an_export_or_a_file_problem(data: bytes) -> None:
    outcome(data)

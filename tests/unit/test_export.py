"""export.py and exporting.py: CSV (BOM), XLSX, Markdown; formula cells neutralised;
exactly the rows the filters show; clear errors for unknown columns and periods."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from econdash.cli import main
from econdash.core.errors import EcondashError
from econdash.core.i18n import STRINGS
from econdash.core.loaders import load_dataset
from econdash.core.output import formats as export_module
from econdash.core.output.brief import period_brief
from econdash.core.output.formats import export_frame, neutralise
from econdash.core.output.table_export import export_table, header, pick_period
from econdash.core.paths import bundled_dataset, bundled_examples
from econdash.core.query.filtering import query_expr
from econdash.core.query.table_specs import TABLES
from econdash.core.query.tables import indicators_frame

BOM = b"\xef\xbb\xbf"
HYPERLINK = '=HYPERLINK("http://x","y")'
DANGEROUS = [HYPERLINK, "+1+2", "-3+4", "@SUM(A1)", "\tcmd", "\rcmd"]


@pytest.fixture(scope="module")
def bundled_data():
    return load_dataset(bundled_dataset())


def frame() -> pl.DataFrame:
    return pl.DataFrame({
        "项目": [*DANGEROUS, "溪口镇园区", None, "a|b", "第一行\n第二行"],
        "投资": [1.5, -2.0, None, 3.25, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0],
        "个数": list(range(10)),
    })


# ---------------------------------------------------------------- neutralise

def test_neutralise_prefixes_only_formula_text() -> None:
    out = neutralise(frame())
    assert out["项目"].to_list()[:6] == ["'" + v for v in DANGEROUS]
    assert out["项目"].to_list()[6:] == ["溪口镇园区", None, "a|b", "第一行\n第二行"]
    # Numbers (negative ones too) are never touched.
    assert out["投资"].to_list() == frame()["投资"].to_list()
    assert out.schema == frame().schema


def test_neutralise_without_text_columns() -> None:
    numbers = pl.DataFrame({"a": [-1, 2]})
    assert neutralise(numbers).equals(numbers)


# ---------------------------------------------------------------- CSV

def test_csv_has_bom_and_reads_back_with_chinese(tmp_path: Path) -> None:
    path = export_frame(frame(), tmp_path / "out.csv").path
    data = path.read_bytes()
    assert data.startswith(BOM)
    assert data.count(BOM) == 1
    back = pl.read_csv(path)
    assert back.columns == ["项目", "投资", "个数"]  # no BOM glued to the first header
    assert back["项目"][6] == "溪口镇园区"
    assert back["项目"][0] == "'" + HYPERLINK
    assert back["投资"].dtype == pl.Float64 and back["投资"][1] == -2.0
    assert back["个数"].to_list() == list(range(10))
    assert back["项目"][9] == "第一行\n第二行"  # quoted, not split into two rows
    assert back.height == 10


def test_csv_no_cell_starts_with_a_formula_character(tmp_path: Path) -> None:
    path = export_frame(frame(), tmp_path / "out.csv").path
    back = pl.read_csv(path)
    assert not back["项目"].drop_nulls().str.contains(r"^[=+\-@\t\r]").any()


def test_csv_header_that_looks_like_a_formula_is_neutralised(tmp_path: Path) -> None:
    data = pl.DataFrame({"name": ["x"], HYPERLINK: ["y"]})
    path = export_frame(data, tmp_path / "out.csv").path
    first_line = path.read_bytes().removeprefix(BOM).decode("utf-8").splitlines()[0]
    cells = first_line.split(",", 1)
    assert not cells[1].lstrip('"').startswith("=")


# ---------------------------------------------------------------- XLSX

def test_xlsx_formulas_stay_strings_and_numbers_stay_numbers(tmp_path: Path) -> None:
    path = export_frame(frame(), tmp_path / "out.xlsx", title="2022年上半年 项目").path
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "2022年上半年 项目"
    rows = list(sheet.iter_rows())
    assert [c.value for c in rows[0]] == ["项目", "投资", "个数"]
    link = rows[1][0]
    assert link.value == HYPERLINK and link.data_type == "s"  # a string, not a formula
    for row, text in zip(rows[1:6], DANGEROUS[:5]):
        assert (row[0].value, row[0].data_type) == (text, "s")
    assert (rows[7][0].value, rows[7][0].data_type) == ("溪口镇园区", "s")
    assert rows[8][0].value is None                           # null stays empty
    assert (rows[1][1].value, rows[1][1].data_type) == (1.5, "n")
    assert (rows[2][1].value, rows[2][1].data_type) == (-2, "n")
    assert rows[3][1].value is None
    assert [r[2].value for r in rows[1:]] == list(range(10))
    assert all(r[2].data_type == "n" for r in rows[1:])
    assert not any(c.data_type == "f" for r in rows for c in r)


def test_xlsx_numeric_looking_text_stays_text(tmp_path: Path) -> None:
    data = pl.DataFrame({"code": ["00123", "1e5", "http://example.com"], "v": [1, 2, 3]})
    sheet = openpyxl.load_workbook(export_frame(data, tmp_path / "x.xlsx").path).active
    assert [(c.value, c.data_type) for c in sheet["A"][1:]] == [
        ("00123", "s"), ("1e5", "s"), ("http://example.com", "s")]


def test_xlsx_sheet_name_is_made_valid(tmp_path: Path) -> None:
    path = export_frame(pl.DataFrame({"a": [1]}), tmp_path / "x.xlsx",
                        title="指标[2022]: 上半年/全年? *备注* \\ 很长很长很长很长很长很长的标题").path
    title = openpyxl.load_workbook(path).active.title
    assert len(title) <= 31
    assert not set(title) & set("[]:*?/\\")
    assert title.startswith("指标_2022__ 上半年_全年_ _备注_ _")


def test_xlsx_too_many_rows_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(export_module, "EXCEL_MAX_ROWS", 5)
    with pytest.raises(EcondashError, match="do not fit in one Excel sheet"):
        export_frame(pl.DataFrame({"a": range(6)}), tmp_path / "big.xlsx")
    assert not (tmp_path / "big.xlsx").exists()
    export_frame(pl.DataFrame({"a": range(5)}), tmp_path / "ok.xlsx")
    assert openpyxl.load_workbook(tmp_path / "ok.xlsx").active.max_row == 6


# ---------------------------------------------------------------- Markdown

def test_markdown_table_escapes_and_neutralises(tmp_path: Path) -> None:
    path = export_frame(frame(), tmp_path / "out.md", title="标题", brief="简报一行").path
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[:4] == ["# 标题", "", "简报一行", ""]
    assert lines[4] == "| 项目 | 投资 | 个数 |"
    assert lines[5] == "|---|---|---|"
    body = lines[6:]
    assert len(body) == 10  # the newline inside a cell did not add a line
    assert body[0] == f"| '{HYPERLINK} | 1.5 | 0 |"
    assert body[1] == "| '+1+2 | -2 | 1 |"
    assert body[2] == "| '-3+4 |  | 2 |"
    assert body[7] == "|  | 7 | 7 |"
    assert body[8] == "| a\\|b | 8 | 8 |"
    assert body[9] == "| 第一行 第二行 | 9 | 9 |"
    # Every row has exactly the header's number of unescaped pipes.
    import re
    assert {len(re.findall(r"(?<!\\)\|", line)) for line in lines[4:]} == {4}


def test_markdown_without_title_or_brief_starts_with_the_table(tmp_path: Path) -> None:
    text = export_frame(pl.DataFrame({"a": [1]}), tmp_path / "x.md").path.read_text(encoding="utf-8")
    assert text == "| a |\n|---|\n| 1 |\n"


def test_period_brief_of_the_bundled_period(bundled_data) -> None:
    brief = period_brief(bundled_data.periods[0], "zh")
    lines = brief.splitlines()
    assert lines[0] == "**2022年上半年** · XX区"
    assert lines[1].startswith("来源：")
    assert "- 规上工业增加值 171.7亿元 同比+7% 全市第3 (1-5月)" in lines
    assert any(line.startswith("增长最快：工业投资 +72%") for line in lines)
    en = period_brief(bundled_data.periods[0], "en")
    assert en.splitlines()[0] == "**2022 H1** · XX区"
    assert "Value added of above-scale industry 171.7亿元 YoY +7% rank 3 (Jan-May)" in en
    assert en.splitlines()[1].startswith("Source: ")
    assert any(line.startswith("Fastest growth: ") for line in en.splitlines())
    assert any(line.startswith("Slowest growth: ") for line in en.splitlines())


def test_the_brief_words_are_interface_strings_in_both_languages() -> None:
    """The brief speaks the interface's language through i18n, as the screens do."""
    keys = [key for key in STRINGS if key.startswith("brief.")]
    assert len(keys) == 5
    assert all(STRINGS[key][0] and STRINGS[key][1] and STRINGS[key][0] != STRINGS[key][1]
               for key in keys)


# ---------------------------------------------------------------- formats and failures

def test_format_from_suffix_or_explicit(tmp_path: Path) -> None:
    data = pl.DataFrame({"a": [1]})
    assert export_frame(data, tmp_path / "x.CSV").path.read_bytes().startswith(BOM)
    explicit = export_frame(data, tmp_path / "report.txt", "md")
    assert explicit.path.read_text(encoding="utf-8").startswith("| a |")
    with pytest.raises(EcondashError, match="unknown export format 'json'"):
        export_frame(data, tmp_path / "x.json")
    with pytest.raises(EcondashError, match="unknown export format"):
        export_frame(data, tmp_path / "noext")
    assert sorted(os.listdir(tmp_path)) == ["report.txt", "x.CSV"]


def test_unwritable_path_is_an_econdash_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(EcondashError, match="cannot be written"):
        export_frame(pl.DataFrame({"a": [1]}), blocker / "out.csv")


def test_nested_columns_are_written_as_text(tmp_path: Path) -> None:
    data = pl.DataFrame({"tags": [["a", "b"], ["=c"]], "n": [1, 2]})
    back = pl.read_csv(export_frame(data, tmp_path / "x.csv").path)
    assert back.height == 2 and back["n"].to_list() == [1, 2]
    assert "a" in back["tags"][0] and "b" in back["tags"][0]


# ---------------------------------------------------------------- export_table

def expected_rows(period, table: str, search: str, filters: dict[str, str]) -> pl.DataFrame:
    """The same rows computed independently with plain polars."""
    rows = TABLES[table].frame(period, "zh")
    for column, value in filters.items():
        rows = rows.filter(pl.col(column).cast(pl.String) == value)
    if search:  # in the columns the section searches, as the dashboard does
        text = [c for c in TABLES[table].search_columns if c in rows.columns]
        rows = rows.filter(pl.any_horizontal(
            pl.col(c).str.to_lowercase().str.contains(search.lower(), literal=True).fill_null(False)
            for c in text))
    return rows


@pytest.mark.parametrize("table, search, filters", [
    ("projects", "", {"category": "小微企业园"}),
    ("projects", "园区", {"category": "小微企业园"}),
    ("projects", "PARK", {}),
    ("enterprises", "", {"programme": "节水型企业"}),
    ("indicators", "投资", {}),
    ("indicators", "", {"category": "工业", "unit": "亿元"}),
    ("projects", "no such text anywhere", {}),
])
def test_export_table_writes_exactly_the_filtered_rows(tmp_path: Path, bundled_data, table: str,
                                                       search: str, filters: dict) -> None:
    out = tmp_path / "out.csv"
    want = expected_rows(bundled_data.periods[-1], table, search, filters)
    total = TABLES[table].frame(bundled_data.periods[-1], "zh").height
    if want.height == 0:  # a filter that keeps nothing says so, and writes nothing
        with pytest.raises(EcondashError, match=f"No row matches the filters .{total} {table}"):
            export_table(bundled_data, out, period_id=None, table=table, fmt=None,
                         search=search, filters=filters, lang="en")
        assert not out.exists()
        return
    lines = export_table(bundled_data, out, period_id=None, table=table, fmt=None,
                         search=search, filters=filters, lang="en")
    got = pl.read_csv(out, infer_schema=False)
    assert lines == [f"Wrote {want.height} of {total} {table} rows of 2022M01-M06 to {out}"]
    assert got.height == want.height
    key = "enterprise" if table == "enterprises" else ("id" if table == "indicators" else "name")
    assert got[header(key, "en")].to_list() == want[key].to_list()
    if filters or search:
        assert want.height < total


def test_export_table_same_rows_as_the_dashboard_predicate(tmp_path: Path, bundled_data) -> None:
    period = bundled_data.periods[0]
    frame = TABLES["projects"].frame(period, "zh")
    predicate = query_expr(frame.schema, "园", list(TABLES["projects"].search_columns),
                           {"category": "小微企业园"})
    shown = frame.filter(predicate)
    export_table(bundled_data, tmp_path / "p.xlsx", period_id="2022H1", table="projects",
                 fmt=None, search="园", filters={"category": "小微企业园"})
    sheet = openpyxl.load_workbook(tmp_path / "p.xlsx").active
    names = [c.value for c in sheet["A"][1:]]
    assert names == shown["name"].to_list() and len(names) > 0


def test_export_indicators_markdown_has_the_brief(tmp_path: Path, bundled_data) -> None:
    out = tmp_path / "brief.md"
    export_table(bundled_data, out, period_id="2022H1", table="indicators", fmt=None,
                 filters={"category": "工业"})
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 2022年上半年 指标\n\n**2022年上半年** · XX区\n")
    assert "增长最快：" in text
    table_lines = [l for l in text.splitlines() if l.startswith("| ") and "工业" in l]
    assert len(table_lines) == indicators_frame(bundled_data.periods[0], "zh").filter(
        pl.col("category") == "工业").height


def test_projects_markdown_has_no_brief(tmp_path: Path, bundled_data) -> None:
    out = tmp_path / "p.md"
    export_table(bundled_data, out, period_id=None, table="projects", fmt=None)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 2022年上半年 项目\n\n| 名称 |")
    assert "增长最快" not in text


def test_unknown_filter_column_lists_the_columns(tmp_path: Path, bundled_data) -> None:
    with pytest.raises(EcondashError) as caught:
        export_table(bundled_data, tmp_path / "x.csv", period_id=None, table="projects",
                     fmt=None, filters={"镇": "溪口镇"})
    message = caught.value.message
    assert "镇" in message
    for column in bundled_data.periods[0].projects.columns:
        assert header(column, "zh") in message
    assert not (tmp_path / "x.csv").exists()


def test_unknown_period_lists_the_periods(tmp_path: Path) -> None:
    dataset = load_dataset(bundled_examples() / "three-cities")
    with pytest.raises(EcondashError) as caught:
        export_table(dataset, tmp_path / "x.csv", period_id="2020FY", table="indicators", fmt=None)
    assert "2020FY" in caught.value.message
    assert all(f"{y}FY" in caught.value.message for y in range(2011, 2020))
    with pytest.raises(EcondashError, match="not a period id"):
        pick_period(dataset, "last year")
    assert pick_period(dataset, None).id == "2019FY"
    assert pick_period(dataset, "2015fy").id == "2015FY"
    assert not (tmp_path / "x.csv").exists()


def test_export_from_a_dataset_without_periods(tmp_path: Path) -> None:
    root = tmp_path / "series-only"
    root.mkdir()
    (root / "series.csv").write_text("indicator,year,first_month,last_month,value\nx,2020,1,12,1\n",
                                     encoding="utf-8")
    with pytest.raises(EcondashError, match="no period loaded"):
        export_table(load_dataset(root), tmp_path / "x.csv", period_id=None, table="indicators",
                     fmt=None)


# ---------------------------------------------------------------- the CLI

def test_cli_export_with_filter_search_and_period(tmp_path: Path, bundled_data, capsys) -> None:
    out = tmp_path / "p.csv"
    code = main(["export", str(bundled_dataset()), "--table", "projects", "-o", str(out),
                 "--filter", "category=小微企业园", "--search", "园区", "--period", "2022H1"])
    assert code == 0
    want = expected_rows(bundled_data.periods[0], "projects", "园区", {"category": "小微企业园"})
    assert pl.read_csv(out)["Name"].to_list() == want["name"].to_list()
    assert f"Wrote {want.height} of 13 projects rows" in capsys.readouterr().out


def test_cli_export_errors(tmp_path: Path, capsys) -> None:
    base = ["export", str(bundled_dataset()), "-o", str(tmp_path / "x.csv")]
    assert main(base + ["--filter", "nope"]) == 1
    assert "COLUMN=VALUE" in capsys.readouterr().err
    assert main(base + ["--table", "projects", "--filter", "镇=溪口"]) == 1
    assert "Planned" in capsys.readouterr().err
    assert main(base + ["--period", "2030FY"]) == 1
    assert "it has: 2022M01-M06" in capsys.readouterr().err
    assert main(["export", str(bundled_dataset()), "-o", str(tmp_path / "x.pdf")]) == 1
    assert "unknown export format" in capsys.readouterr().err
    assert os.listdir(tmp_path) == []


def test_cli_export_xlsx_english(tmp_path: Path) -> None:
    out = tmp_path / "ind.xlsx"
    assert main(["export", str(bundled_dataset()), "-o", str(out), "--lang", "en",
                 "--filter", "id=above_scale_value_added"]) == 0
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    header, (data,) = rows[0], rows[1:]
    record = dict(zip(header, data))
    assert record["Name"] == "Value added of above-scale industry"
    assert record["Value"] == 171.7 and record["Rank"] == 3


# ---------------------------------------------------------------- F3: headers and sheet names

def test_neutralised_headers_are_made_unique(tmp_path: Path) -> None:
    data = pl.DataFrame({"name": ["x"], "=a": [1], "'=a": [2], "'=a (2)": [3]})
    # The column already called '=a (2) keeps its name; the repeat takes the next number.
    assert neutralise(data).columns == ["name", "'=a", "'=a (3)", "'=a (2)"]
    back = pl.read_csv(export_frame(data, tmp_path / "o.csv").path)
    assert back.columns == ["name", "'=a", "'=a (3)", "'=a (2)"]
    assert back.row(0) == ("x", 1, 2, 3)  # the numbers stay numbers, in their columns
    md = export_frame(data, tmp_path / "o.md").path.read_text(encoding="utf-8")
    assert md.splitlines()[:3] == ["| name | '=a | '=a (3) | '=a (2) |", "|---|---|---|---|",
                                   "| x | 1 | 2 | 3 |"]


def test_neutralise_header_that_looks_like_a_regex() -> None:
    # polars reads pl.col("^…$") as a regular expression; the header is just text.
    data = pl.DataFrame({"^.*$": ["=x", "y"], "n": [1, 2]})
    out = neutralise(data)
    assert out.columns == ["^.*$", "n"]
    assert out["^.*$"].to_list() == ["'=x", "y"] and out["n"].to_list() == [1, 2]


@pytest.mark.parametrize("title", [
    "'上半年 indicators",                  # starts with an apostrophe
    "x" * 30 + "' indicators",            # the cut to 31 leaves an apostrophe at the end
    "''''",                                # nothing left after the apostrophes
    "",                                    # empty
    "History",                             # reserved by Excel
    "history",
    "a\x1bb\tc\nd",                        # control characters
    "😀" * 20 + " 指标",                   # 31 characters but more UTF-16 units
    "[]:*?/\\",
])
def test_xlsx_sheet_name_is_always_valid_for_excel(tmp_path: Path, title: str) -> None:
    path = export_frame(pl.DataFrame({"a": [1]}), tmp_path / "x.xlsx", title=title).path
    name = openpyxl.load_workbook(path).active.title
    assert 0 < len(name.encode("utf-16-le")) // 2 <= 31
    assert not set(name) & set("[]:*?/\\")
    assert not name.startswith("'") and not name.endswith("'")
    assert name.casefold() != "history"
    assert all(ch >= " " for ch in name)


def test_xlsx_sheet_name_keeps_the_title_otherwise(tmp_path: Path) -> None:
    path = export_frame(pl.DataFrame({"a": [1]}), tmp_path / "x.xlsx",
                        title="'上半年 indicators").path
    assert openpyxl.load_workbook(path).active.title == "上半年 indicators"


def test_any_writer_failure_is_an_econdash_error_naming_the_file(tmp_path: Path,
                                                                monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("writer broke\nsecond line of detail")

    monkeypatch.setattr(export_module, "_csv_bytes", broken)
    target = tmp_path / "o.csv"
    with pytest.raises(EcondashError) as caught:
        export_frame(pl.DataFrame({"a": [1]}), target)
    assert str(target) in caught.value.message
    assert "writer broke" in caught.value.message and "\n" not in caught.value.message
    assert not target.exists()


def test_xlsx_too_many_columns_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(export_module, "EXCEL_MAX_COLUMNS", 3)
    with pytest.raises(EcondashError, match="4 columns do not fit in one Excel sheet"):
        export_frame(pl.DataFrame({c: [1] for c in "abcd"}), tmp_path / "wide.xlsx")
    assert not (tmp_path / "wide.xlsx").exists()


def make_dataset(root: Path, label: str | None = None, projects: str | None = None) -> Path:
    """A one-period dataset as a person writes it."""
    report = ('[period]\nyear = 2022\nmonths = [1, 6]\nregion = "XX区"\n'
              + (f"label = {label!r}\n" if label is not None else "")
              + '\n[[indicator]]\nid = "output"\nname = "规上工业总产值"\ncategory = "工业"\n'
              'value = 397.3\nunit = "亿元"\nyoy_pct = 8.6\n')
    (root / "p1").mkdir(parents=True)
    (root / "p1" / "report.toml").write_text(report, encoding="utf-8")
    if projects is not None:
        (root / "p1" / "projects.csv").write_text(projects, encoding="utf-8")
    return root


@pytest.mark.parametrize("suffix", ["csv", "md", "xlsx"])
def test_cli_export_of_headers_that_neutralise_to_the_same_name(tmp_path: Path, capsys,
                                                                 suffix: str) -> None:
    root = make_dataset(tmp_path / "fx2", projects="name,category,=a,'=a\nx,y,1,2\n")
    out = tmp_path / f"o.{suffix}"
    assert main(["export", str(root), "--table", "projects", "-o", str(out)]) == 0
    assert "Wrote 1 of 1 projects rows" in capsys.readouterr().out
    if suffix == "csv":
        back = pl.read_csv(out)
        assert back.columns[-2:] == ["'=a", "'=a (2)"]
        assert back.row(0)[-2:] == (1, 2)


@pytest.mark.parametrize("label", ["'上半年", "上" * 30 + "'", "History"])
def test_cli_export_xlsx_with_a_label_excel_would_refuse(tmp_path: Path, capsys,
                                                          label: str) -> None:
    root = make_dataset(tmp_path / "fx3", label=label)
    out = tmp_path / "o.xlsx"
    assert main(["export", str(root), "-o", str(out)]) == 0
    workbook = openpyxl.load_workbook(out)
    assert workbook.active["A2"].value == "output"


# ---------------------------------------------------------------- F17: cells Excel cuts

def test_xlsx_reports_cells_over_excels_limit(tmp_path: Path) -> None:
    long = "长" * 40_003
    data = pl.DataFrame({"name": ["a", "b", "c"], "note": ["short", long, long], "n": [1, 2, 3]})
    result = export_frame(data, tmp_path / "x.xlsx")
    assert (result.cut_cells, result.first_cut) == (2, (2, "note"))
    assert result.rows == 3
    sheet = openpyxl.load_workbook(result.path).active
    assert len(sheet["B3"].value) == 32_767  # Excel's limit: cut, but now reported
    (warning,) = result.warnings
    assert "2 cells" in warning and "32,767" in warning
    assert "row 2" in warning and "'note'" in warning
    # CSV and Markdown keep the whole text and have nothing to report.
    csv = export_frame(data, tmp_path / "x.csv")
    assert (csv.cut_cells, csv.first_cut, csv.warnings) == (0, None, [])
    assert pl.read_csv(csv.path)["note"][1] == long


def test_xlsx_without_long_cells_has_no_warning(tmp_path: Path) -> None:
    result = export_frame(pl.DataFrame({"a": ["x" * 32_767]}), tmp_path / "x.xlsx")
    assert (result.cut_cells, result.first_cut, result.warnings) == (0, None, [])


def test_export_table_adds_a_warning_line_for_cut_cells(tmp_path: Path, capsys) -> None:
    note = "备注" * 20_000
    root = make_dataset(tmp_path / "long", projects=f"name,category,note\nx,y,{note}\n")
    out = tmp_path / "o.xlsx"
    assert main(["export", str(root), "--table", "projects", "-o", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Wrote 1 of 1 projects rows")
    assert len(lines) == 2 and lines[1].startswith("warning: 1 cell ")
    assert "row 1" in lines[1] and "'Note'" in lines[1]  # the header as the file has it


# ---------------------------------------------------------------- F14 through export

def test_export_refuses_a_read_only_file(tmp_path: Path) -> None:
    target = tmp_path / "ro.csv"
    target.write_text("do not overwrite")
    target.chmod(0o444)
    with pytest.raises(EcondashError, match="ro.csv: cannot be written: .*is read-only"):
        export_frame(pl.DataFrame({"a": [1]}), target)
    assert target.read_text() == "do not overwrite"


def test_export_into_a_path_under_a_file_says_which_is_a_file(tmp_path: Path, capsys) -> None:
    (tmp_path / "exp").mkdir()
    (tmp_path / "exp" / "ro.csv").write_text("x")
    out = tmp_path / "exp" / "ro.csv" / "x.csv"
    assert main(["export", str(bundled_dataset()), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'exp' / 'ro.csv'} is a file, not a folder" in err
    assert "File exists" not in err


def test_nested_column_with_a_header_that_looks_like_a_regex(tmp_path: Path) -> None:
    data = pl.DataFrame({"^.*$": [["a"], ["b"]], "n": [1, 2]})
    back = pl.read_csv(export_frame(data, tmp_path / "x.csv").path)
    assert back.columns == ["^.*$", "n"] and back["n"].to_list() == [1, 2]
    assert back["^.*$"].to_list() == ['["a"]', '["b"]']


def test_too_many_rows_error_names_the_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(export_module, "EXCEL_MAX_ROWS", 1)
    target = tmp_path / "big.xlsx"
    with pytest.raises(EcondashError, match=f"^{target}: 2 rows do not fit"):
        export_frame(pl.DataFrame({"a": [1, 2]}), target)


def test_export_searches_the_columns_the_section_searches(tmp_path: Path, bundled_data) -> None:
    """D3: `--search 亿元` searched every text column (12 indicator rows: the unit) while the
    indicators section searches names only (0 rows)."""
    out = tmp_path / "i.csv"
    with pytest.raises(EcondashError, match="No row matches the filters .94 indicators rows"):
        export_table(bundled_data, out, period_id=None, table="indicators", fmt=None,
                     search="亿元", lang="en")
    export_table(bundled_data, out, period_id=None, table="indicators", fmt=None,
                 search="增加值")
    assert pl.read_csv(out).height > 0


# ---------------------------------------------------------------- issue 16 item 7: fit Excel

def test_xlsx_columns_fit_their_content_and_the_header_row_is_frozen(tmp_path: Path) -> None:
    out = tmp_path / "fit.xlsx"
    frame = pl.DataFrame({"名称": ["宁波溪口气动智创产业园", "a"], "value": [1.5, 1234567.25],
                          "empty": [None, None]})
    export_frame(frame, out)
    sheet = openpyxl.load_workbook(out).active
    assert sheet.freeze_panes == "A2"
    widths = {c: sheet.column_dimensions[c].width for c in "ABC"}
    assert widths["A"] >= 22  # 11 CJK characters, two widths each
    assert 10 <= widths["B"] < 20  # "1234567.25"
    assert widths["C"] < widths["B"]


def test_export_headers_follow_the_language(tmp_path: Path, bundled_data) -> None:
    for lang, first in (("zh", "名称"), ("en", "Name")):
        out = tmp_path / f"p-{lang}.xlsx"
        export_table(bundled_data, out, period_id=None, table="projects", fmt=None, lang=lang)
        header_row = next(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
        assert header_row[0] == first
        assert not any("_" in str(name) for name in header_row)  # no data ids like start_year


@pytest.mark.parametrize("column", ["level", "级别", "Level", "LEVEL"])
def test_filter_takes_the_column_a_user_sees_in_either_language(tmp_path: Path, bundled_data,
                                                                column: str) -> None:
    out = tmp_path / "e.csv"
    period = bundled_data.periods[-1]
    export_table(bundled_data, out, period_id=None, table="enterprises", fmt=None,
                 filters={column: "市级"}, lang="zh")
    want = period.enterprises.filter(pl.col("level") == "市级").height
    assert want > 0
    assert pl.read_csv(out).height == want


def test_cli_filter_that_matches_nothing_says_so_and_exits_1(tmp_path: Path, capsys) -> None:
    out = tmp_path / "none.csv"
    code = main(["--lang", "zh", "export", str(bundled_dataset()), "--table", "projects",
                 "-o", str(out), "--filter", "星级=九星级"])
    assert code == 1
    assert "没有符合筛选条件的行" in capsys.readouterr().err
    assert not out.exists()

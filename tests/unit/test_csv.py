"""read_csv_table with the contract's specs: encodings, cells, headers, located problems."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pytest

from econdash.core.errors import Problem
from econdash.core.loaders.csvfile import CsvResult, read_csv_table
from econdash.core.loaders.text import UTF8_BOM
from econdash.core.model.schema import ENTERPRISES, PROJECTS, SERIES


def errors(result: CsvResult) -> list[Problem]:
    return [p for p in result.problems if p.severity == "error"]


def warnings(result: CsvResult) -> list[Problem]:
    return [p for p in result.problems if p.severity == "warning"]


def ok_frame(result: CsvResult) -> pl.DataFrame:
    assert errors(result) == [], result.problems
    assert result.frame is not None
    return result.frame


# ---------------------------------------------------------------- encodings and line endings

def test_crlf(read) -> None:
    frame = ok_frame(read("name,category\r\n园区A,小微企业园\r\n园区B,工业\r\n"))
    assert frame.rows() == [("园区A", "小微企业园"), ("园区B", "工业")]


def test_bom(read) -> None:
    result = read(UTF8_BOM + "name,category\n园区A,工业\n".encode())
    assert result.encoding == "utf-8-sig"
    assert ok_frame(result).columns == ["name", "category"]  # not "\ufeffname"


def test_gb18030_crlf_as_excel_writes_it(read) -> None:
    data = "name,category,town\r\n溪口智创园,小微企业园,溪口镇\r\n".encode("gb18030")
    result = read(data)
    assert result.encoding == "gb18030"
    assert ok_frame(result).rows() == [("溪口智创园", "小微企业园", "溪口镇")]


def test_utf8_recorded(read) -> None:
    assert read("name,category\nA,B\n").encoding == "utf-8"


# ---------------------------------------------------------------- cells

def test_cells_and_headers_trimmed(read) -> None:
    frame = ok_frame(read(" name , category ,planned_invest\n  园区A  ,\t工业 ,  3.5 \n"))
    assert frame.columns == ["name", "category", "planned_invest"]
    assert frame.rows() == [("园区A", "工业", 3.5)]


def test_full_width_digits_in_number_columns(read) -> None:
    frame = ok_frame(read("name,category,planned_invest,completed_invest\nA,B,１２.５,－１.２\n"))
    assert frame["planned_invest"].to_list() == [12.5]
    assert frame["completed_invest"].to_list() == [-1.2]
    assert frame["planned_invest"].dtype == pl.Float64


def test_report_style_numbers_in_cells(read) -> None:
    frame = ok_frame(read('name,category,planned_invest\nA,B,"1,234.5"\nC,D,8%\n'))
    assert frame["planned_invest"].to_list() == [1234.5, 8.0]


def test_empty_cells_are_null(read) -> None:
    frame = ok_frame(read("name,category,town,planned_invest,start_year\nA,B,,,\nC,D,  ,  ,  \n"))
    assert frame["town"].to_list() == [None, None]
    assert frame["planned_invest"].to_list() == [None, None]
    assert frame["start_year"].to_list() == [None, None]


@pytest.mark.parametrize("marker", ["—", "-", "/", "——", "－"])
def test_missing_markers_in_number_columns_are_null(read, marker: str) -> None:
    frame = ok_frame(read(f"name,category,planned_invest\nA,B,{marker}\n"))
    assert frame["planned_invest"].to_list() == [None]


def test_missing_marker_in_a_text_column_is_kept(read) -> None:
    frame = ok_frame(read("name,category,town\nA,B,—\n"))
    assert frame["town"].to_list() == ["—"]


def test_integer_columns(read) -> None:
    frame = ok_frame(read("enterprise,programme,year\n甲,专精特新,2021\n乙,单项冠军,２０２２\n",
                          ENTERPRISES))
    assert frame["year"].to_list() == [2021, 2022]
    assert frame["year"].dtype == pl.Int64


def test_blank_rows_skipped(read) -> None:
    frame = ok_frame(read("name,category\nA,B\n\n,\n  ,  \nC,D\n\n"))
    assert frame.rows() == [("A", "B"), ("C", "D")]


def test_quoted_cells_keep_commas_and_line_breaks(read) -> None:
    frame = ok_frame(read('name,category,note\n"园区A,一期",B,"第一行\n第二行"\n'))
    assert frame.rows() == [("园区A,一期", "B", "第一行\n第二行")]


# ---------------------------------------------------------------- header

def test_unknown_columns_kept(read) -> None:
    result = read("name,category,负责人,联系电话\n园区A,工业,张三,123\n")
    frame = ok_frame(result)
    assert frame.columns == ["name", "category", "负责人", "联系电话"]
    assert frame["负责人"].to_list() == ["张三"]
    assert frame["联系电话"].to_list() == ["123"]  # unknown columns stay text
    assert warnings(result) == []  # nothing like a known name: no noise


def test_misspelt_required_column(read) -> None:
    result = read("nmae,category\nA,B\n")
    assert result.frame is None
    [error] = errors(result)
    assert "'name' is missing" in error.message
    assert "misspelling" in error.message and "'nmae'" in error.message  # links the two names
    assert error.row == 1


def test_missing_required_column_lists_the_header(read) -> None:
    result = read("category,town\nA,B\n")
    [error] = errors(result)
    assert "'name' is missing" in error.message and "category, town" in error.message


def test_misspelt_optional_column_warns_and_keeps_it(read) -> None:
    result = read("name,category,plannd_invest\nA,B,3\n")
    frame = ok_frame(result)
    assert frame["plannd_invest"].to_list() == ["3"]
    [warning] = warnings(result)
    assert warning.column == "plannd_invest"
    assert "did you mean 'planned_invest'" in warning.message


def test_duplicate_header(read) -> None:
    result = read("name,category,name\nA,B,C\n")
    assert result.frame is None
    [error] = errors(result)
    assert "'name' more than once" in error.message
    assert error.row == 1


@pytest.mark.parametrize("header", ["name,category, name", "name,category,\u3000name"])
def test_duplicate_header_after_trimming(read, header: str) -> None:
    result = read(header + "\nA,B,C\n")
    assert result.frame is None
    assert any("more than once" in p.message for p in errors(result))


def test_column_named_like_the_internal_row_index(read) -> None:
    result = read("name,category,__row\nA,B,C\n")
    assert result.frame is not None or errors(result)


def test_blank_header_cells(read) -> None:
    result = read("name,category, ,\nA,B,,\n")
    assert result.frame is not None or errors(result)


def test_wildcard_like_header_does_not_crash(read) -> None:
    result = read("*\n")
    assert errors(result)  # 'name' and 'category' are missing; no polars error escapes


def test_empty_file(read) -> None:
    result = read("")
    assert result.frame is None
    [error] = errors(result)
    assert "is empty" in error.message and "name,category" in error.message


@pytest.mark.parametrize("data", ["\n\n  \n", UTF8_BOM])
def test_whitespace_or_bom_only_file_is_empty(read, data: str | bytes) -> None:
    assert "is empty" in errors(read(data))[0].message


def test_header_only_is_zero_rows(read) -> None:
    result = read("name,category,planned_invest\n")
    frame = ok_frame(result)
    assert frame.height == 0
    assert frame.columns == ["name", "category", "planned_invest"]
    assert result.problems == []


# ---------------------------------------------------------------- rows

def test_ragged_rows_warn_with_row_numbers(read) -> None:
    result = read("name,category,town\nA,B,X\nC,D\nE,F,G,H\n")
    frame = ok_frame(result)
    assert frame.rows() == [("A", "B", "X"), ("C", "D", None), ("E", "F", "G")]
    ragged = {p.row: p.message for p in warnings(result)}
    assert set(ragged) == {3, 4}
    assert "2 cells but the header has 3" in ragged[3]
    assert "4 cells" in ragged[4] and "ignored" in ragged[4]


def test_ragged_row_numbers_count_blank_lines(read) -> None:
    result = read("name,category,town\n\nA,B\n")
    assert [p.row for p in warnings(result)] == [3]


def test_many_ragged_rows_are_counted(read) -> None:
    result = read("name,category,town\n" + "A,B\n" * 8)
    assert [p.row for p in warnings(result)][:5] == [2, 3, 4, 5, 6]
    assert "and 3 more rows" in warnings(result)[-1].message


def test_not_a_number_names_row_and_column(read) -> None:
    result = read("name,category,planned_invest\nA,B,1\nC,D,abc\n")
    assert result.frame is None
    [error] = errors(result)
    assert (error.row, error.column) == (3, "planned_invest")
    assert "'abc' is not a number" in error.message
    assert "row 3, column 'planned_invest'" in str(error)


def test_first_data_row_is_row_2(read) -> None:
    [error] = errors(read("name,category,planned_invest\nA,B,十二\n"))
    assert error.row == 2


def test_bad_row_after_a_blank_line_keeps_its_file_row(read) -> None:
    [error] = errors(read("name,category,planned_invest\r\nA,B,1\r\n\r\nC,D,abc\r\n"))
    assert error.row == 4


def test_more_than_five_bad_rows(read) -> None:
    result = read("name,category,planned_invest\n" + "".join(f"A{i},B,x{i}\n" for i in range(8)))
    found = errors(result)
    assert [p.row for p in found[:5]] == [2, 3, 4, 5, 6]
    assert len(found) == 6
    assert "and 3 more rows" in found[5].message
    assert found[5].column == "planned_invest"


def test_overflow_is_an_error(read) -> None:
    [error] = errors(read("name,category,planned_invest\nA,B,1e999\n"))
    assert "too large" in error.message and error.row == 2


def test_integer_column_overflow_is_not_silently_missing(read) -> None:
    result = read("name,category,start_year\nA,B,1e30\n")
    assert errors(result)


def test_non_whole_year(read) -> None:
    result = read("enterprise,programme,year\n甲,专精特新,2021.5\n", ENTERPRISES)
    assert result.frame is None
    [error] = errors(result)
    assert (error.row, error.column) == (2, "year")
    assert "not a whole number" in error.message


def test_empty_required_cell(read) -> None:
    [error] = errors(read("name,category\nA,\n"))
    assert (error.row, error.column) == (2, "category")
    assert "is empty" in error.message


def test_series_spec(read) -> None:
    frame = ok_frame(read("indicator,year,first_month,last_month,value,unit,yoy_pct\n"
                          "gdp,2019,1,12,\"10,682.97\",亿元,7.4%\n", SERIES, name="series.csv"))
    assert frame.row(0) == ("gdp", 2019, 1, 12, 10682.97, "亿元", 7.4)


# ---------------------------------------------------------------- files

def test_a_folder_instead_of_a_file(tmp_path: Path) -> None:
    (tmp_path / "projects.csv").mkdir()
    result = read_csv_table(tmp_path / "projects.csv", "projects.csv", PROJECTS)
    assert result.frame is None
    [error] = errors(result)
    assert "is a folder" in error.message


def test_binary_file(read) -> None:
    [error] = errors(read(b"PK\x03\x04\x00\x00"))
    assert "NUL" in error.message


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "projects.csv"
    path.write_text("name,category\nA,B\n", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that ignore file permissions (root)")
        result = read_csv_table(path, "projects.csv", PROJECTS)
        assert result.frame is None
        [error] = errors(result)
        assert "cannot be read" in error.message
    finally:
        path.chmod(0o644)

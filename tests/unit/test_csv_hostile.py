"""CSV files made to hurt: mixed line endings, terminal control characters, very wide
headers, and wrong files whose header would be printed whole (findings F7, F15, F17, F19)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from econdash.core.errors import Problem, did_you_mean
from econdash.core.loaders import load_dataset
from econdash.core.loaders.csvfile import CsvResult, _may_be_close, read_csv_table
from econdash.core.model.schema import PROJECTS
from econdash.core.safetext import clean, has_dangerous

TITLE_ATTACK = "\x1b]0;PWNED-TITLE\x07\x1b[2J\x1b[31mFAKE: 0 errors\x1b[0m"


def warnings(result: CsvResult) -> list[Problem]:
    return [p for p in result.problems if p.severity == "warning"]


# ---------------------------------------------------------------- line endings (F17)

def test_crlf_lines_then_lone_cr_lines_are_all_rows(read) -> None:
    rows = [f"项目{i},工业" for i in range(1, 13)]
    data = ("name,category\r\n" + "\r\n".join(rows[:4]) + "\r\n"
            + "\r".join(rows[4:]) + "\r").encode("utf-8")
    result = read(data)
    assert result.problems == []
    assert result.frame is not None
    assert result.frame["name"].to_list() == [f"项目{i}" for i in range(1, 13)]


def test_lone_cr_lines_in_gb18030(read) -> None:
    data = "name,category\r\n园区A,工业\r\n园区B,工业\r园区C,工业\r".encode("gb18030")
    result = read(data)
    assert result.problems == [] and result.encoding == "gb18030"
    assert result.frame is not None and result.frame["name"].to_list() == ["园区A", "园区B",
                                                                          "园区C"]


def test_row_numbers_count_lone_cr_lines(read) -> None:
    result = read(b"name,category\r\nA,x\rB,\rC,z\r\n")
    assert [(p.row, p.column) for p in result.problems] == [(3, "category")]


def test_a_line_break_in_a_quoted_cell_is_a_newline(read) -> None:
    result = read(b'name,category,note\r\nA,x,"line one\r\nline two"\r\nB,y,"a\rb"\r\n')
    assert result.problems == []
    assert result.frame is not None
    assert result.frame["note"].to_list() == ["line one\nline two", "a\nb"]


def test_a_preview_of_a_mac_csv_reads_its_first_rows(tmp_path: Path) -> None:
    path = tmp_path / "projects.csv"
    path.write_bytes(("name,category\r" + "".join(f"项目{i},工业\r" for i in range(1000)))
                     .encode("utf-8"))
    result = read_csv_table(path, "projects.csv", PROJECTS, head_bytes=200)
    assert result.problems == []
    assert result.frame is not None and 0 < result.frame.height < 1000
    assert result.frame["name"][0] == "项目0"


# ---------------------------------------------------------------- control characters (F7)

def test_control_characters_in_cells_are_escaped_with_a_warning(read) -> None:
    result = read(f"name,category,note\n园区A,工业,ok\n园区{TITLE_ATTACK},工业,ok\n"
                  "园区C,工业,bell\x07\n")
    assert result.frame is not None
    names = result.frame["name"].to_list()
    assert names == ["园区A", "园区" + clean(TITLE_ATTACK), "园区C"]
    assert not any(has_dangerous(v) for v in result.frame.select(pl.all().cast(pl.String))
                   .unpivot()["value"].to_list() if v)
    assert result.frame["note"].to_list() == ["ok", "ok", "bell\\x07"]
    by_column = {p.column: p for p in warnings(result)}
    assert set(by_column) == {"name", "note"}
    assert "row 3" in by_column["name"].message and "control characters" in by_column["name"].message
    assert "\\x1b" in by_column["name"].message
    assert "row 4" in by_column["note"].message and "\\x07" in by_column["note"].message


def test_control_characters_in_many_rows_are_named_then_counted(read) -> None:
    body = "".join(f"项目{i},工业\x1b[2J\n" for i in range(1, 21))
    result = read("name,category\n" + body)
    found = warnings(result)
    assert len(found) == 1 and found[0].column == "category"
    assert "rows 2, 3, 4, 5, 6 and 15 more" in found[0].message


def test_tabs_and_line_breaks_in_cells_are_kept(read) -> None:
    result = read('name,category,note\nA,x,"one\ttwo\nthree"\n')
    assert result.problems == []
    assert result.frame is not None and result.frame["note"].to_list() == ["one\ttwo\nthree"]


def test_bidi_override_is_escaped(read) -> None:
    result = read("name,category\n\u202egnp.exe,工业\n")
    assert result.frame is not None and result.frame["name"].to_list() == ["\\u202egnp.exe"]
    assert len(warnings(result)) == 1


def test_control_characters_in_a_header_name(read) -> None:
    result = read("name,category,\x1b[31mnote\nA,x,y\n")
    assert result.frame is not None
    assert result.frame.columns[-1] == "\\x1b[31mnote"
    assert any(p.row == 1 and "control characters" in p.message for p in warnings(result))


def test_clean_full_width_column_still_tidied(read) -> None:
    result = read("name,category\n　项目Ａ　,工业\n")  # ideographic spaces, full-width A
    assert result.problems == []
    assert result.frame is not None and result.frame["name"].to_list() == ["项目A"]


# ---------------------------------------------------------------- wide headers (F15)

def test_ten_thousand_named_columns_load(read) -> None:
    extra = [f"指标{i}" for i in range(9998)]
    header = ",".join(["name", "category", *extra])
    body = "".join(",".join([f"项目{r}", "工业", *map(str, range(9998))]) + "\n"
                   for r in range(50))
    result = read(header + "\n" + body)
    assert result.problems == []
    assert result.frame is not None and result.frame.shape == (50, 10_000)
    assert result.frame["指标9997"].to_list() == ["9997"] * 50


def test_many_near_miss_columns_are_named_then_counted(read) -> None:
    header = ",".join(["name", "category", *(f"town{i}" for i in range(1, 200))])
    result = read(header + "\n" + "A,x" + "," * 199 + "\n")
    unknown = [p for p in warnings(result) if "unknown column" in p.message
               or "more unknown columns" in p.message]
    assert len(unknown) == 6
    assert "town1" in unknown[0].message and "did you mean 'town'?" in unknown[0].message
    assert "194 more unknown columns" in unknown[-1].message


def test_wide_table_in_a_dataset_keeps_known_columns_first(tmp_path: Path,
                                                           write_period) -> None:
    header = ",".join([*(f"c{i}" for i in range(3000)), "category", "name"])
    folder = write_period(tmp_path / "p1", projects=header + "\n" + "1," * 3000 + "工业,A\n")
    period = load_dataset(folder).periods[0]
    assert period.projects.columns[:2] == ["name", "category"]
    assert period.projects.columns[-1] == "c2999" and period.projects.width == 3000 + len(PROJECTS.known)


def test_empty_excel_columns_are_dropped(read) -> None:
    result = read("name,category" + "," * 16382 + "\n" + ("A,x" + "," * 16382 + "\n") * 20)
    assert result.problems == []
    assert result.frame is not None and result.frame.columns == ["name", "category"]


def test_a_cell_far_right_under_no_name_is_kept(read) -> None:
    empty_row = "A,x" + "," * 400 + "\n"
    far_row = "B,y" + "," * 299 + "远" + "," * 101 + "\n"
    result = read("name,category" + "," * 400 + "\n" + empty_row + far_row + empty_row)
    assert [p.message for p in result.problems] == [
        "column 301 has no name in the header; shown as 'column_301'"]
    assert result.frame is not None
    assert result.frame.columns == ["name", "category", "column_301"]
    assert result.frame["column_301"].to_list() == [None, "远", None]


# ---------------------------------------------------------------- a wrong file (F19)

def test_a_missing_column_message_does_not_print_a_whole_header(read) -> None:
    header = ",".join(f"secret_{i}" for i in range(40))
    result = read(header + "\n" + "1," * 39 + "1\n")
    missing = [p for p in result.problems if "required column 'name'" in p.message]
    assert len(missing) == 1
    assert "secret_0" in missing[0].message and "secret_9" in missing[0].message
    assert "secret_10," not in missing[0].message and "secret_39" not in missing[0].message
    assert "and 30 more" in missing[0].message


def test_a_missing_column_message_cuts_a_long_header_cell(read) -> None:
    result = read("x" * 5000 + "\n" + "1\n")
    message = next(p.message for p in result.problems if "required column 'name'" in p.message)
    assert len(message) < 300


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(alphabet="abcdeinorstuvw_项目名称0123", min_size=1, max_size=18),
                max_size=40))
def test_the_quick_misspelling_filter_keeps_every_hinted_name(names: list[str]) -> None:
    known = list(PROJECTS.known)
    hinted = [name for name in names if did_you_mean(name, known)]
    kept = _may_be_close(names, known)
    assert all(name in kept for name in hinted)

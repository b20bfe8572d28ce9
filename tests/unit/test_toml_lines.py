"""TomlLines: every table and key located, inline tables included, from one index (F15)."""

from __future__ import annotations

from pathlib import Path

from econdash.core.loaders.report import load_report
from econdash.core.loaders.toml_lines import TomlLines

INLINE = """\
indicator = [
  { id = "a", name = "A", category = "工业", valu = 1 },
  { id = "b", name = "B", category = "工业", months = [1,
                                            5], valu = 2 },
  # a comment with { braces } and [brackets]
  { id = "c", name = "C}", category = "工业", "valu" = 3 }, { id = "d", name = "D", category = "工业", valu = 4 },
]

[period]
year = 2022
months = [1, 6]
"""


def load(tmp_path: Path, text: str):
    path = tmp_path / "report.toml"
    path.write_text(text, encoding="utf-8")
    return load_report(path, "report.toml")


def test_errors_in_an_inline_array_carry_the_line_of_their_entry(tmp_path: Path) -> None:
    report = load(tmp_path, INLINE)
    located = [(p.line, p.message) for p in report.problems]
    assert located == [
        (2, "indicator 1 'a', key 'valu': unknown key (did you mean 'value'?)"),
        (4, "indicator 2 'b', key 'valu': unknown key (did you mean 'value'?)"),
        (6, "indicator 3 'c', key 'valu': unknown key (did you mean 'value'?)"),
        (6, "indicator 4 'd', key 'valu': unknown key (did you mean 'value'?)"),
    ]


def test_inline_entries_and_their_keys() -> None:
    lines = TomlLines(INLINE)
    assert [lines.table("indicator", i) for i in range(5)] == [2, 3, 6, 6, None]
    assert lines.key("indicator", 1, "months") == 3
    assert lines.key("indicator", 1, "valu") == 4  # after a value written over two lines
    assert lines.key("indicator", 1, "absent") == 3  # the entry's own line
    assert lines.key("indicator", 2, "valu") == 6
    assert lines.key("period", 0, "months") == 11
    assert lines.key("report", 0, "indicator") == 1


def test_an_inline_table_value() -> None:
    lines = TomlLines('title = "x"\n\nperiod = { year = 2022, months = [1,\n 6], x = 1 }\n')
    assert lines.table("period") == 3
    assert lines.key("period", 0, "months") == 3
    assert lines.key("period", 0, "x") == 4


def test_inline_period_errors_are_located(tmp_path: Path) -> None:
    report = load(tmp_path, 'period = { year = 2022, months = [1, 6], yeer = 1 }\n')
    [problem] = report.problems
    assert problem.line == 1 and "'yeer'" in problem.message


def test_array_elements_that_are_not_tables_count(tmp_path: Path) -> None:
    lines = TomlLines('tier = [\n  1,\n  [2, 3],\n  { programme = "p", count = 1 },\n]\n')
    assert [lines.table("tier", i) for i in range(3)] == [2, 3, 4]
    assert lines.key("tier", 2, "count") == 4


def test_header_tables_keep_their_lines() -> None:
    text = '[period]\nyear = 2022\n\n[[indicator]]\nid = "a"\n\n[[indicator]]\nid = "b"\nvalue = 3\n'
    lines = TomlLines(text)
    assert lines.table("indicator", 1) == 7
    assert lines.key("indicator", 1, "value") == 9
    assert lines.key("indicator", 0, "value") == 4  # not in that table: its header's line
    assert lines.key("indicator", 5, "value") is None


def test_lines_inside_multi_line_strings_are_not_keys_or_headers(tmp_path: Path) -> None:
    text = ('[period]\nyear = 2022\nmonths = [1, 6]\n\n[[indicator]]\nid = "a"\nnote = """\n'
            '[[indicator]]\nvalu = 1\n"""\nname = "A"\ncategory = "工业"\nvalu = 2\n')
    lines = TomlLines(text)
    assert lines.tables["indicator"] == [5]
    assert lines.key("indicator", 0, "valu") == 13
    [problem] = load(tmp_path, text).problems
    assert problem.line == 13


def test_lines_are_counted_as_toml_counts_them() -> None:
    """Only \\n ends a line: a U+2028 in a string does not shift the lines after it."""
    lines = TomlLines('[period]\nlabel = "a\u2028b\x0cc"\nyear = 2022\n')
    assert lines.key("period", 0, "year") == 3


def test_many_inline_entries_are_all_located(tmp_path: Path) -> None:
    """The hostile test's 8,000-entry inline array (16.6 s: a scan of the file per error)."""
    entries = ",\n".join(f'  {{ id = "i{n}", name = "n", category = "c", valu = {n} }}'
                         for n in range(3000))
    report = load(tmp_path, f"indicator = [\n{entries}\n]\n\n[period]\nyear = 2022\n"
                            "months = [1, 6]\n")
    assert [p.line for p in report.problems] == list(range(2, 3002))

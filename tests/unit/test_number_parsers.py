"""The two number parsers (pure-Python `parse_text`, polars `number_expr`) never disagree;
ambiguous signs and figures of 10^15 or more are errors in both (F15, F18, F4)."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from econdash.core.loaders import load_dataset
from econdash.core.loaders.numbers import (
    MISSING_MARKERS,
    NEGATIVE_WORDS,
    POSITIVE_WORDS,
    WHITESPACE,
    number_expr,
    parse_number,
    parse_text,
)
from econdash.core.loaders.report import load_report
from econdash.core.loaders.text import nfkc


def _column(texts: list[str | None]) -> list[float | None]:
    return pl.select(number_expr(pl.Series("x", texts, dtype=pl.String))).to_series().to_list()


def _same(a: float | None, b: float | None) -> bool:
    """Equal, NaN equal to NaN, and the same sign of zero and of infinity."""
    if a is None or b is None:
        return a is b
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b and math.copysign(1, a) == math.copysign(1, b)


# ---------------------------------------------------------------- report-style strings

DIGITS = "0123456789０１２３４５６７８９"
spaces = st.text(alphabet=list(WHITESPACE) + ["\x1c", "\x1f", "\u3000"], max_size=2)
sign_words = st.sampled_from(["", "", *NEGATIVE_WORDS, *POSITIVE_WORDS])
signs = st.sampled_from(["", "", "+", "-", "\u2212", "\u2012", "\u2013", "－", "＋", "+-",
                         "-+", "--", "++", "+ -", "—"])
grouped = st.integers(min_value=0, max_value=10**18).map(lambda n: f"{n:,}")
misgrouped = st.text(alphabet="0123456789,，", min_size=1, max_size=16)
plain_digits = st.text(alphabet=DIGITS, min_size=1, max_size=20)
fraction = st.one_of(st.just(""), st.just("."), st.text(alphabet=DIGITS, max_size=6).map(lambda d: "." + d))
exponent = st.one_of(st.just(""), st.builds(lambda e, s, d: e + s + d, st.sampled_from("eEｅ"),
                                            st.sampled_from(["", "+", "-"]),
                                            st.text(alphabet="0123456789", min_size=0, max_size=4)))
number = st.one_of(
    st.builds(lambda i, f, e: i + f + e, st.one_of(grouped, misgrouped, plain_digits), fraction,
              exponent),
    st.sampled_from(["nan", "NaN", "inf", "-inf", "Infinity", "0x10", "1_000", "٣", "1e999",
                     "1e15", "999999999999999", "999999999999999.99", "1e14", ".5", "5.", ""]),
)
percent = st.sampled_from(["", "", "%", "％", "%%", " %"])
report_style = st.one_of(
    st.builds(lambda *parts: "".join(parts), spaces, sign_words, spaces, signs, spaces, number,
              spaces, percent, spaces),
    st.builds(lambda a, m, b: a + m + b, spaces, st.sampled_from(MISSING_MARKERS), spaces),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(report_style, min_size=1, max_size=30))
def test_parse_text_equals_number_expr_on_report_style_strings(texts: list[str]) -> None:
    normalised = [nfkc(t) for t in texts]
    for text, column_value in zip(normalised, _column(normalised)):
        assert _same(parse_text(text), column_value), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=14), min_size=1, max_size=30))
def test_parse_text_equals_number_expr_on_any_text(texts: list[str]) -> None:
    normalised = [nfkc(t) for t in texts]
    for text, column_value in zip(normalised, _column(normalised)):
        assert _same(parse_text(text), column_value), text


@pytest.mark.parametrize(("text", "expected"), [
    ("8.6%", 8.6), ("下降7.44%", -7.44), ("1,234.5", 1234.5), ("-0", -0.0), ("下降0", -0.0),
    ("\u3000增长 5 %\u3000", 5.0), ("1e14", 1e14), ("999999999999999", 999999999999999.0),
])
def test_parse_text_reads_report_style_numbers(text: str, expected: float) -> None:
    assert _same(parse_text(nfkc(text)), expected)
    assert _same(_column([nfkc(text)])[0], expected)


# ---------------------------------------------------------------- ambiguous signs (F18)

@pytest.mark.parametrize("text", ["+-3", "+ -3", "+−3", "-+3", "--3", "下降-3", "下降+3", "增长-3",
                                  "增长 -3%", "同比下降−3", "减少－３"])
def test_ambiguous_signs_are_errors_in_both_parsers(text: str) -> None:
    with pytest.raises(ValueError, match="ambiguous"):
        parse_number(text)
    assert math.isnan(_column([nfkc(text)])[0])


def test_the_ambiguity_is_explained() -> None:
    with pytest.raises(ValueError, match=r"two signs \(\+-\); write one"):
        parse_number("+-3")
    with pytest.raises(ValueError, match="the word 下降 and the sign - both give its sign"):
        parse_number("下降-3")


@pytest.mark.parametrize(("text", "expected"), [("+3", 3.0), ("-3", -3.0), ("下降3", -3.0),
                                                ("增长3", 3.0), ("−3", -3.0)])
def test_one_sign_is_not_ambiguous(text: str, expected: float) -> None:
    assert parse_number(text) == expected


# ---------------------------------------------------------------- too large to be a figure (F4)

@pytest.mark.parametrize("raw", [1e15, -1e15, 1e308, -1e308, 10**15, -(10**15), 10**300,
                                 "1e15", "-1e308", "1,000,000,000,000,000", "1000000000000000",
                                 "999999999999999.99"])
def test_figures_of_10_to_the_15_or_more_are_too_large(raw: object) -> None:
    with pytest.raises(ValueError, match="is too large to be a figure"):
        parse_number(raw)


def test_the_largest_figure_is_read() -> None:
    assert parse_number(999_999_999_999_999) == 999_999_999_999_999.0
    assert parse_number("-999999999999999") == -999_999_999_999_999.0
    assert parse_number(9.99e14) == 9.99e14


def test_too_large_floats_are_shown() -> None:
    with pytest.raises(ValueError, match=r"^1e\+308 is too large"):
        parse_number(1e308)


def test_number_expr_gives_infinity_for_too_large_figures() -> None:
    assert _column(["1e15", "-1e308", "9.99e14"]) == [math.inf, -math.inf, 9.99e14]


def _mkp(folder: Path, value: str, year: int = 2022) -> None:
    """A period folder as hostile-testing's `mkp` writes it, with `value` as written."""
    folder.mkdir(parents=True)
    (folder / "report.toml").write_text(
        f'[period]\nyear = {year}\nmonths = [1, 6]\nregion = "XX区"\n\n[[indicator]]\n'
        f'id = "output"\nname = "规上工业总产值"\ncategory = "工业"\nvalue = {value}\n'
        'unit = "亿元"\nyoy_pct = 8.6\n', encoding="utf-8")


def test_report_values_near_1e308_are_errors_and_other_periods_load(tmp_path: Path) -> None:
    _mkp(tmp_path / "a", "-1e308")
    _mkp(tmp_path / "b", "1e308", year=2023)
    _mkp(tmp_path / "c", "397.3", year=2021)
    dataset = load_dataset(tmp_path)
    assert [p.period.year for p in dataset.periods] == [2021]
    assert sorted((e.file, e.line) for e in dataset.errors) == [("a/report.toml", 10),
                                                                ("b/report.toml", 10)]
    assert all("is too large to be a figure" in e.message for e in dataset.errors)


@pytest.mark.parametrize("cell", ["1e308", "-1e308", "1e15", "1000000000000000", "1,000,000,000,000,000"])
def test_projects_csv_too_large_figures(tmp_path: Path, cell: str) -> None:
    _mkp(tmp_path / "p1", "397.3")
    (tmp_path / "p1" / "projects.csv").write_text(
        f'name,category,planned_invest\n甲项目,工业,12.5\n乙项目,工业,"{cell}"\n', encoding="utf-8")
    dataset = load_dataset(tmp_path)
    assert dataset.periods == ()
    [error] = dataset.errors
    assert (error.file, error.row, error.column) == ("p1/projects.csv", 3, "planned_invest")
    assert "is too large to be a figure" in error.message


@pytest.mark.parametrize("column", ["value", "yoy_pct"])
def test_series_csv_too_large_figures(tmp_path: Path, column: str) -> None:
    _mkp(tmp_path / "p1", "397.3")
    cells = {"value": "1e308,", "yoy_pct": "5,-1e300"}[column]
    (tmp_path / "series.csv").write_text(
        "indicator,year,first_month,last_month,value,yoy_pct\n"
        "output,2020,1,12,700,5\n"
        f"output,2021,1,12,{cells}\n", encoding="utf-8")
    dataset = load_dataset(tmp_path)
    assert dataset.series.height == 0
    [error] = dataset.errors
    assert (error.file, error.row, error.column) == ("series.csv", 3, column)
    assert "is too large to be a figure" in error.message
    assert len(dataset.periods) == 1


# ---------------------------------------------------------------- speed without polars (F15)

def test_reading_report_style_numbers_does_not_import_polars(tmp_path: Path, subprocess_env) -> None:
    """A report whose growth is written "8.6%" is read without polars (a polars round trip
    per value made 10,000 of them take 16 s)."""
    rows = "".join(f'[[indicator]]\nid = "i{n}"\nname = "指标{n}"\ncategory = "工业"\n'
                   f'yoy_pct = "{n % 50}.6%"\nvalue = "下降1,234.5"\n\n' for n in range(200))
    (tmp_path / "report.toml").write_text("[period]\nyear = 2022\nmonths = [1, 6]\n\n" + rows,
                                          encoding="utf-8")
    code = ("import sys; from pathlib import Path; from econdash.core.loaders.report import load_report\n"
            f"r = load_report(Path({str(tmp_path / 'report.toml')!r}), 'report.toml')\n"
            "print(len(r.indicators), r.problems, r.indicators[1].yoy_pct, r.indicators[1].value, "
            "'polars' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], env=subprocess_env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["200", "[]", "1.6", "-1234.5", "False"]


def test_load_report_agrees_with_the_column_parser(tmp_path: Path) -> None:
    texts = ["8.6%", "下降7.44%", "－１.２", "1,234.5", " 3 % ", "—"]
    rows = "".join(f'[[indicator]]\nid = "i{n}"\nname = "n"\ncategory = "c"\nyoy_pct = "{t}"\n\n'
                   for n, t in enumerate(texts))
    (tmp_path / "report.toml").write_text("[period]\nyear = 2022\nmonths = [1, 6]\n\n" + rows,
                                          encoding="utf-8")
    report = load_report(tmp_path / "report.toml", "report.toml")
    assert [i.yoy_pct for i in report.indicators] == _column([nfkc(t) for t in texts])

"""load_report: every key checked, every problem located by line, all collected at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from econdash.core.errors import Problem
from econdash.core.loaders.report import Report, load_report
from econdash.core.model.period import Period

GOOD = """\
# 区经信局2022年上半年工作总结
[period]
year = 2022
months = [1, 6]
label = "2022年上半年"
region = "XX区"
source = "区经信局2022年上半年工作总结"
published = 2022-07-04

[[indicator]]
id = "above_scale_output"
name = "规上工业总产值"
name_en = "Gross output of above-scale industry"
category = "工业"
value = 397.3
unit = "亿元"
yoy_pct = 8.6
months = [1, 5]
headline = true

[[indicator]]
id = "above_scale_value_added"
name = "规上工业增加值"
category = "工业"
value = 171.7
unit = "亿元"
yoy_pct = "下降1.2%"
rank = 3
rank_scope = "全市"
target = 12.0
target_of = "value"

[[tier]]
programme = "制造业单项冠军"
level = "国家级"
status = "认定"
count = 1
"""


@pytest.fixture
def load(tmp_path: Path):
    """load(text_or_bytes) -> Report, read from tmp_path/report.toml."""
    def _load(data: str | bytes) -> Report:
        path = tmp_path / "report.toml"
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return load_report(path, "2022-H1/report.toml")
    return _load


def errors(report: Report) -> list[Problem]:
    return [p for p in report.problems if p.severity == "error"]


def warnings(report: Report) -> list[Problem]:
    return [p for p in report.problems if p.severity == "warning"]


def only_error(report: Report) -> Problem:
    found = errors(report)
    assert len(found) == 1, report.problems
    return found[0]


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing `needle`."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


# ---------------------------------------------------------------- a good report

def test_good_report(load) -> None:
    report = load(GOOD)
    assert report.problems == []
    assert report.encoding == "utf-8"
    assert report.period == Period(2022, 1, 6)
    assert (report.label, report.region) == ("2022年上半年", "XX区")
    assert report.source == "区经信局2022年上半年工作总结"
    assert report.published == dt.date(2022, 7, 4)
    output, value_added = report.indicators
    assert (output.id, output.value, output.unit, output.yoy_pct) == ("above_scale_output", 397.3, "亿元", 8.6)
    assert output.span == Period(2022, 1, 5)  # its own months override the period's
    assert output.headline is True and output.name_en.startswith("Gross")
    assert output.line == line_of(GOOD, "[[indicator]]")
    assert value_added.span == Period(2022, 1, 6)  # no months: the report's span
    assert value_added.yoy_pct == -1.2
    assert (value_added.rank, value_added.rank_scope) == (3, "全市")
    assert (value_added.target, value_added.target_of) == (12.0, "value")
    assert value_added.headline is False
    [tier] = report.tiers
    assert (tier.programme, tier.level, tier.status, tier.count) == ("制造业单项冠军", "国家级", "认定", 1)


def test_period_only_report_is_fine(load, report_text) -> None:
    report = load(report_text())
    assert report.problems == [] and report.period == Period(2022, 1, 6)
    assert report.indicators == [] and report.tiers == []


def test_report_style_strings(load, report_text, indicator) -> None:
    report = load(report_text(indicator("x", value="1,234.5", yoy_pct="下降1.2%", target="—")))
    assert report.problems == []
    [ind] = report.indicators
    assert (ind.value, ind.yoy_pct, ind.target) == (1234.5, -1.2, None)


def test_full_width_text_normalised(load, report_text, indicator) -> None:
    report = load(report_text(indicator("x", name=" 规上工业ＰＭＩ ", value="－１.２")))
    [ind] = report.indicators
    assert (ind.name, ind.value) == ("规上工业PMI", -1.2)


def test_gb18030_report_loads_with_a_warning(load) -> None:
    report = load(GOOD.encode("gb18030"))
    assert errors(report) == []
    assert report.encoding == "gb18030"
    [warning] = warnings(report)
    assert "GB18030" in warning.message
    assert report.indicators[0].name == "规上工业总产值"


def test_bom_report_loads(load) -> None:
    report = load(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    assert report.problems == [] and report.encoding == "utf-8-sig"


# ---------------------------------------------------------------- syntax and [period]

def test_toml_syntax_error_gives_the_line(load) -> None:
    text = GOOD.replace('unit = "亿元"\nyoy_pct = 8.6', 'unit = 亿元\nyoy_pct = 8.6')
    error = only_error(load(text))
    assert error.line == line_of(text, "unit = 亿元")
    assert "TOML syntax error" in error.message
    assert str(error).startswith(f"2022-H1/report.toml:{error.line}: error:")


def test_unclosed_string(load) -> None:
    error = only_error(load('[period]\nyear = 2022\nlabel = "上半年\nmonths = [1, 6]\n'))
    assert error.line == 3


def test_missing_period(load, indicator) -> None:
    report = load(indicator("x"))
    error = only_error(report)
    assert "[period] table is missing" in error.message
    assert report.period is None and report.indicators == []


@pytest.mark.parametrize(("months", "expect"), [
    ("[6, 1]", "write [1, 6]?"),
    ("[0, 13]", "between 1 and 12"),
    ("[1, 13]", "between 1 and 12"),
    ("6", "must be two whole months"),
    ('"1-6"', "must be two whole months"),
    ("[1, 6, 9]", "must be two whole months"),
    ("[1.0, 6]", "must be two whole months"),
])
def test_bad_period_months(load, months: str, expect: str) -> None:
    report = load(f"[period]\nyear = 2022\nmonths = {months}\n")
    error = only_error(report)
    assert expect in error.message
    assert error.line == 3
    assert "'months'" in error.message
    assert report.period is None


def test_missing_months(load) -> None:
    error = only_error(load("[period]\nyear = 2022\n"))
    assert "'months' is missing" in error.message and "[1, 6]" in error.message


def test_year_as_digits_in_quotes_is_read(load) -> None:
    report = load('[period]\nyear = "2022"\nmonths = [1, 6]\n')
    assert report.problems == [] and report.period == Period(2022, 1, 6)


@pytest.mark.parametrize(("year", "expect"), [
    ('"二〇二二"', "not a number"),
    ('"2022年"', "not a number"),
    ("2022.5", "whole number"),
    ("true", "true is not a number"),
    ("22", "not a plausible year"),
])
def test_bad_year(load, year: str, expect: str) -> None:
    report = load(f"[period]\nyear = {year}\nmonths = [1, 6]\n")
    error = only_error(report)
    assert expect in error.message and error.line == 2
    assert report.period is None


def test_period_not_a_table(load) -> None:
    report = load("period = 2022\n")
    assert report.period is None
    assert any("must be a table" in p.message for p in errors(report))


def test_bad_published_date(load) -> None:
    error = only_error(load('[period]\nyear = 2022\nmonths = [1, 6]\npublished = "七月四日"\n'))
    assert "date like 2022-07-04" in error.message and error.line == 4


def test_published_as_text(load) -> None:
    report = load('[period]\nyear = 2022\nmonths = [1, 6]\npublished = "2022-07-04"\n')
    assert report.published == dt.date(2022, 7, 4)


# ---------------------------------------------------------------- indicators

@pytest.mark.parametrize(("bad_id", "suggested"), [
    ("Above Scale", "above_scale"),
    ("GDP", "gdp"),
    ("above-scale output", "above_scale_output"),
])
def test_bad_id_suggests_one(load, report_text, bad_id: str, suggested: str) -> None:
    text = report_text(f'[[indicator]]\nid = "{bad_id}"\nname = "n"\ncategory = "c"\n')
    report = load(text)
    error = only_error(report)
    assert f"(e.g. {suggested!r})" in error.message
    assert error.line == line_of(text, "id =")
    assert report.indicators == []


@pytest.mark.parametrize("missing", ["name", "category", "id"])
def test_missing_required_indicator_key(load, report_text, missing: str) -> None:
    keys = {"id": '"gdp"', "name": '"GDP"', "category": '"工业"'}
    del keys[missing]
    text = report_text("[[indicator]]\n" + "".join(f"{k} = {v}\n" for k, v in keys.items()))
    report = load(text)
    error = only_error(report)
    assert f"'{missing}' is missing" in error.message
    assert error.line == line_of(text, "[[indicator]]")
    assert "indicator 1" in error.message
    if missing != "id":
        assert "'gdp'" in error.message  # names the indicator by its id
    assert report.indicators == []


def test_second_indicator_is_named_with_its_own_line(load, report_text, indicator) -> None:
    text = report_text(indicator("a") + '[[indicator]]\nid = "b"\nname = "B"\n')
    error = only_error(load(text))
    assert "indicator 2 'b'" in error.message
    assert error.line == text.splitlines().index("[[indicator]]", line_of(text, 'id = "a"')) + 1


def test_misspelt_key_is_an_error_with_a_suggestion(load, report_text, indicator) -> None:
    text = report_text(indicator("gdp", yoy=3.0))
    error = only_error(load(text))
    assert "did you mean 'yoy_pct'" in error.message
    assert error.line == line_of(text, "yoy =")


def test_misspelt_period_key(load) -> None:
    error = only_error(load('[period]\nyear = 2022\nmonths = [1, 6]\nregoin = "XX区"\n'))
    assert "did you mean 'region'" in error.message and error.line == 4


def test_misspelt_top_level_table(load, report_text) -> None:
    error = only_error(load(report_text('[[indicators]]\nid = "x"\n')))
    assert "did you mean 'indicator'" in error.message


def test_unrelated_unknown_key_only_warns(load, report_text, indicator) -> None:
    text = report_text(indicator("gdp", colour="red"))
    report = load(text)
    assert errors(report) == []
    [warning] = warnings(report)
    assert "'colour'" in warning.message and "ignored" in warning.message
    assert warning.line == line_of(text, "colour")
    assert [i.id for i in report.indicators] == ["gdp"]


def test_value_not_a_number_points_at_its_line(load, report_text, indicator) -> None:
    text = report_text(indicator("gdp", unit="亿元", value="abc", yoy_pct=1.0))
    error = only_error(load(text))
    assert "'abc' is not a number" in error.message
    assert "key 'value'" in error.message
    assert error.line == line_of(text, "value =")


def test_all_problems_collected_not_just_the_first(load, report_text, indicator) -> None:
    text = report_text(indicator("a", value="abc") + indicator("b", yoy_pct="x", rank=1.5))
    lines = sorted(p.line for p in errors(load(text)))
    assert lines == [line_of(text, "value ="), line_of(text, "yoy_pct ="), line_of(text, "rank =")]


def test_indicator_months_override_the_period(load, report_text, indicator) -> None:
    report = load(report_text(indicator("q", months=[4, 6]) + indicator("m", months=[5, 5])))
    assert [i.span.id for i in report.indicators] == ["2022Q2", "2022M05"]


def test_indicator_months_reversed(load, report_text, indicator) -> None:
    error = only_error(load(report_text(indicator("x", months=[5, 1]))))
    assert "write [1, 5]?" in error.message


@pytest.mark.parametrize(("rank", "expect"), [("2.5", "whole number"), ('"第三"', "not a number"),
                                              ("true", "true is not a number")])
def test_rank_must_be_whole(load, report_text, indicator, rank: str, expect: str) -> None:
    text = report_text(indicator("x") + f"rank = {rank}\n")
    error = only_error(load(text))
    assert expect in error.message and "'rank'" in error.message
    assert error.line == line_of(text, "rank =")


def test_rank_as_text_digits(load, report_text, indicator) -> None:
    assert load(report_text(indicator("x", rank="3"))).indicators[0].rank == 3


def test_target_of_must_be_yoy_pct_or_value(load, report_text, indicator) -> None:
    error = only_error(load(report_text(indicator("x", target=12, target_of="growth"))))
    assert "\"yoy_pct\" or \"value\"" in error.message and "'growth'" in error.message


def test_target_of_defaults_to_yoy_pct(load, report_text, indicator) -> None:
    assert load(report_text(indicator("x", target=12))).indicators[0].target_of == "yoy_pct"


def test_headline_must_be_bool(load, report_text, indicator) -> None:
    error = only_error(load(report_text(indicator("x", headline="yes"))))
    assert "true or false" in error.message


def test_text_key_with_a_list(load, report_text, indicator) -> None:
    error = only_error(load(report_text(indicator("x", unit=["亿元"]))))
    assert "must be text in quotes" in error.message


def test_indicator_written_as_a_single_table(load, report_text) -> None:
    error = only_error(load(report_text('[indicator]\nid = "x"\nname = "X"\ncategory = "c"\n')))
    assert "[[indicator]]" in error.message


# ---------------------------------------------------------------- tiers

@pytest.mark.parametrize(("count", "expect"), [
    ("count = -1", "cannot be negative"),
    ("count = 1.5", "whole number"),
    ('count = "一"', "not a number"),
    ("", "'count' is missing"),
])
def test_bad_tier_count(load, report_text, count: str, expect: str) -> None:
    text = report_text(f'[[tier]]\nprogramme = "专精特新"\n{count}\n')
    report = load(text)
    error = only_error(report)
    assert expect in error.message and "tier 1" in error.message
    assert error.line == (line_of(text, "count") if count else line_of(text, "[[tier]]"))
    assert report.tiers == []


def test_tier_count_zero_is_fine(load, report_text) -> None:
    report = load(report_text('[[tier]]\nprogramme = "专精特新"\ncount = 0\n'))
    assert report.problems == [] and report.tiers[0].count == 0


def test_tier_without_programme(load, report_text) -> None:
    error = only_error(load(report_text("[[tier]]\ncount = 2\n")))
    assert "'programme' is missing" in error.message


def test_huge_integer_value_is_a_located_error(load, report_text, indicator) -> None:
    text = report_text(indicator("x") + "value = " + "9" * 400 + "\n")
    error = only_error(load(text))
    assert "too large" in error.message and error.line == line_of(text, "value =")

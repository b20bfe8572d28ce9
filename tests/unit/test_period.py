"""Periods: canonical ids, accepted aliases, bilingual labels, kinds, bad input."""

from __future__ import annotations

import pytest

from econdash.core.model.period import Period, parse_period_id


@pytest.mark.parametrize(("months", "expected"), [
    ((1, 5), "2022M01-M05"),
    ((5, 5), "2022M05"),
    ((1, 3), "2022Q1"),
    ((4, 6), "2022Q2"),
    ((7, 9), "2022Q3"),
    ((10, 12), "2022Q4"),
    ((1, 12), "2022FY"),
    ((1, 6), "2022M01-M06"),
    ((7, 12), "2022M07-M12"),
    ((2, 4), "2022M02-M04"),
    ((12, 12), "2022M12"),
])
def test_canonical_ids(months: tuple[int, int], expected: str) -> None:
    assert Period(2022, *months).id == expected


@pytest.mark.parametrize(("text", "months"), [
    ("2022H1", (1, 6)),
    ("2022H2", (7, 12)),
    ("2022Q3", (7, 9)),
    ("2022M1-6", (1, 6)),
    ("2022M1-M6", (1, 6)),
    ("2022M01-M06", (1, 6)),
    ("2022m01-m05", (1, 5)),
    ("2022h1", (1, 6)),
    ("2022q2", (4, 6)),
    ("2022fy", (1, 12)),
    ("2022M5", (5, 5)),
    ("  2022M05 ", (5, 5)),
    ("2022M01－M06", (1, 6)),  # full-width hyphen, as typed with a Chinese IME
])
def test_aliases_parse_to_the_same_period(text: str, months: tuple[int, int]) -> None:
    assert parse_period_id(text) == Period(2022, *months)


@pytest.mark.parametrize("months", [(1, 5), (5, 5), (1, 3), (4, 6), (1, 12), (1, 6), (7, 12), (2, 4)])
def test_id_round_trips(months: tuple[int, int]) -> None:
    period = Period(2021, *months)
    assert parse_period_id(period.id) == period


def test_aliases_and_canonical_ids_are_the_same_period() -> None:
    assert parse_period_id("2022H1").id == "2022M01-M06"
    assert parse_period_id("2022H1") == parse_period_id("2022M01-M06")


@pytest.mark.parametrize(("months", "zh", "en"), [
    ((1, 5), "1-5月", "Jan-May"),
    ((1, 3), "一季度", "Q1"),
    ((1, 6), "上半年", "H1"),
    ((1, 9), "前三季度", "Q1-Q3"),
    ((1, 12), "全年", "FY"),
    ((5, 5), "5月", "May"),
    ((4, 6), "二季度", "Q2"),
    ((10, 12), "四季度", "Q4"),
    ((7, 12), "下半年", "H2"),
    ((2, 4), "2-4月", "Feb-Apr"),
])
def test_span_labels(months: tuple[int, int], zh: str, en: str) -> None:
    period = Period(2022, *months)
    assert period.span("zh") == zh
    assert period.span("en") == en


def test_full_labels() -> None:
    assert Period(2022, 1, 6).label("zh") == "2022年上半年"
    assert Period(2022, 1, 6).label("en") == "2022 H1"
    assert Period(2022, 1, 5).label_zh == "2022年1-5月"
    assert Period(2022, 1, 5).label_en == "2022 Jan-May"
    assert Period(2022, 5, 5).label("en") == "2022 May"


@pytest.mark.parametrize(("months", "kind"), [
    ((1, 5), "cumulative"),
    ((1, 12), "cumulative"),
    ((1, 3), "cumulative"),
    ((5, 5), "month"),
    ((4, 6), "quarter"),
    ((10, 12), "quarter"),
    ((2, 4), "other"),
    ((7, 12), "other"),
])
def test_kinds(months: tuple[int, int], kind: str) -> None:
    assert Period(2022, *months).kind == kind


def test_periods_order_by_year_then_months() -> None:
    periods = [Period(2022, 1, 6), Period(2021, 1, 12), Period(2022, 1, 3)]
    assert sorted(periods) == [Period(2021, 1, 12), Period(2022, 1, 3), Period(2022, 1, 6)]


@pytest.mark.parametrize("text", ["", "2022", "22H1", "2022H3", "2022Q5", "2022 H1", "H1 2022",
                                  "2022年上半年", "abc", "2022M", "2022FYX"])
def test_bad_ids_raise_with_the_accepted_forms(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_period_id(text)
    message = str(info.value)
    assert "not a period id" in message
    assert "2022H1" in message and "2022M01-M05" in message


@pytest.mark.parametrize("text", ["2022M13", "2022M00", "2022M06-M01", "2022M01-M13"])
def test_ids_with_bad_months_raise(text: str) -> None:
    with pytest.raises(ValueError, match="months must run from 1 to 12"):
        parse_period_id(text)


@pytest.mark.parametrize("months", [(0, 5), (6, 1), (1, 13), (13, 13), (0, 0)])
def test_bad_months_raise_naming_them(months: tuple[int, int]) -> None:
    with pytest.raises(ValueError) as info:
        Period(2022, *months)
    assert f"[{months[0]}, {months[1]}]" in str(info.value)

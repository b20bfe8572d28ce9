"""Checks that warn but never stop loading, and errors that stop only their own period."""

from __future__ import annotations

from pathlib import Path

import pytest

from econdash.core.loaders import load_dataset
from econdash.core.model.dataset import Dataset


@pytest.fixture
def load_one(tmp_path: Path, write_period, report_text):
    """load_one(body, year=, months=) -> Dataset of one period folder holding `body`."""
    def _load(body: str, **period) -> Dataset:
        folder = write_period(tmp_path / "ds" / "2022-H1", report_text(body, **period))
        return load_dataset(folder.parent)
    return _load


def parts(indicator, parent_value, *children, unit: str = "个") -> str:
    body = indicator("platform_projects", value=parent_value, unit=unit)
    for n, value in enumerate(children):
        body += indicator(f"part_{n}", value=value, unit=unit, parent="platform_projects")
    return body


# ---------------------------------------------------------------- parts and parents

def test_parts_that_do_not_sum_warn_naming_both(load_one, indicator) -> None:
    dataset = load_one(parts(indicator, 30, 18, 11))
    assert dataset.errors == ()
    [warning] = dataset.warnings
    assert "'platform_projects'" in warning.message
    assert "part_0 18" in warning.message and "part_1 11" in warning.message
    assert "add up to 29" in warning.message and "30" in warning.message
    assert warning.file == "2022-H1/report.toml" and warning.line is not None
    assert len(dataset.periods) == 1  # a warning never stops loading


@pytest.mark.parametrize(("parent", "children"), [
    (30, (18, 12)),
    (548, (334, 214)),
    (10.0, (3.3, 3.3, 3.3)),  # decimals: 9.9 is within rounding of 10.0 written to one place
    (30.1, (18.4, 11.7)),
    (0.3, (0.1, 0.2)),  # float addition is not exact
    (397.3, (278.4, 118.9)),
])
def test_parts_that_sum_do_not_warn(load_one, indicator, parent, children) -> None:
    assert load_one(parts(indicator, parent, *children)).problems == ()


@pytest.mark.parametrize(("parent", "children"), [
    (30, (18, 13)),  # whole counts: no slack at all
    (10.0, (3.3, 3.3, 3.1)),  # 9.7: beyond half a last digit for each of the four figures
    (548, (334, 213)),
])
def test_rounding_slack_is_bounded(load_one, indicator, parent, children) -> None:
    assert "add up to" in load_one(parts(indicator, parent, *children)).warnings[0].message


def test_parts_with_a_missing_value_are_not_summed(load_one, indicator) -> None:
    body = indicator("total", value=30) + indicator("a", value=18, parent="total") + indicator("b", parent="total")
    assert load_one(body).problems == ()


def test_parent_not_found(load_one, indicator) -> None:
    dataset = load_one(indicator("a", value=1, parent="no_such"))
    [warning] = dataset.warnings
    assert "'no_such'" in warning.message and "'a'" in warning.message
    assert "not an indicator of this report" in warning.message
    assert len(dataset.periods) == 1


# ---------------------------------------------------------------- implausible figures

@pytest.mark.parametrize("rank", [0, -2])
def test_rank_below_one_warns(load_one, indicator, rank: int) -> None:
    dataset = load_one(indicator("x", rank=rank))
    [warning] = dataset.warnings
    assert f"rank {rank} is below 1" in warning.message
    assert dataset.periods[0].indicators[0].rank == rank


def test_growth_below_minus_100_warns(load_one, indicator) -> None:
    dataset = load_one(indicator("x", yoy_pct=-150))
    [warning] = dataset.warnings
    assert "-150%" in warning.message and "below -100%" in warning.message
    assert dataset.periods[0].indicators[0].yoy_pct == -150


@pytest.mark.parametrize("yoy", [-100, -99.9, 0, 250])
def test_plausible_growth_does_not_warn(load_one, indicator, yoy: float) -> None:
    assert load_one(indicator("x", yoy_pct=yoy)).problems == ()


def test_duplicate_id_in_a_period_warns(load_one, indicator, report_text) -> None:
    body = indicator("x", value=1) + indicator("y") + indicator("x", value=2)
    dataset = load_one(body)
    [warning] = dataset.warnings
    first_line = report_text(body).splitlines().index('id = "x"')  # the [[indicator]] line before it
    assert "'x' is used again" in warning.message
    assert f"first at line {first_line}" in warning.message
    assert warning.line is not None and warning.line > first_line


# ---------------------------------------------------------------- across periods

def test_units_that_change_between_periods_warn(tmp_path, write_period, report_text, indicator) -> None:
    write_period(tmp_path / "2021-FY", report_text(indicator("output", value=700, unit="亿元"), year=2021, months=(1, 12)))
    write_period(tmp_path / "2022-H1", report_text(indicator("output", value=3_973_000, unit="万元")))
    dataset = load_dataset(tmp_path)
    [warning] = dataset.warnings
    assert "'output'" in warning.message and "'亿元'" in warning.message and "'万元'" in warning.message
    assert "2021-FY/" in warning.file and "2022-H1/" in warning.file
    assert len(dataset.periods) == 2


def test_same_units_across_periods_do_not_warn(tmp_path, write_period, report_text, indicator) -> None:
    write_period(tmp_path / "a", report_text(indicator("output", unit="亿元"), year=2021))
    write_period(tmp_path / "b", report_text(indicator("output", unit="亿元")))
    assert load_dataset(tmp_path).problems == ()


def test_two_folders_claiming_one_period(tmp_path, write_period, report_text, indicator) -> None:
    write_period(tmp_path / "2022-H1", report_text(indicator("x", value=1)))
    write_period(tmp_path / "2022-H1-copy", report_text(indicator("x", value=2)))
    dataset = load_dataset(tmp_path)
    assert [p.id for p in dataset.periods] == ["2022M01-M06"]
    assert dataset.periods[0].folder.name == "2022-H1"
    [warning] = dataset.warnings
    assert warning.file == "2022-H1-copy/report.toml"
    assert "2022M01-M06" in warning.message and "2022-H1/" in warning.message


# ---------------------------------------------------------------- errors stop one period only

def test_an_error_stops_only_its_own_period(tmp_path, write_period, report_text, indicator) -> None:
    write_period(tmp_path / "2021-FY", report_text(indicator("x", value="abc"), year=2021, months=(1, 12)))
    write_period(tmp_path / "2022-H1", report_text(indicator("x", value=1)))
    dataset = load_dataset(tmp_path)
    assert [p.id for p in dataset.periods] == ["2022M01-M06"]
    [error] = dataset.errors
    assert error.file == "2021-FY/report.toml"
    assert "'abc' is not a number" in error.message


def test_a_csv_error_stops_its_period(tmp_path, write_period, report_text) -> None:
    write_period(tmp_path / "good", report_text(year=2021))
    write_period(tmp_path / "bad", report_text(), projects="name,category,planned_invest\nA,B,abc\n")
    dataset = load_dataset(tmp_path)
    assert [p.period.year for p in dataset.periods] == [2021]
    [error] = dataset.errors
    assert (error.file, error.row, error.column) == ("bad/projects.csv", 2, "planned_invest")


def test_warnings_and_errors_are_kept_apart(tmp_path, write_period, report_text, indicator) -> None:
    write_period(tmp_path / "a", report_text(indicator("x", rank=0), year=2021))
    write_period(tmp_path / "b", report_text("[[tier]]\nprogramme = \"p\"\ncount = -1\n"))
    dataset = load_dataset(tmp_path)
    assert [p.severity for p in dataset.warnings] == ["warning"]
    assert [p.severity for p in dataset.errors] == ["error"]
    assert set(dataset.problems) == set(dataset.warnings) | set(dataset.errors)

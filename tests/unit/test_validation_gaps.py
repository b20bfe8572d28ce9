"""Validation gaps from hostile testing F18: series.csv rows report.toml would refuse, ranks
and growth rates that are more likely other figures, and ambiguous signs in report.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from econdash.core.loaders import load_dataset

HEADER = "indicator,year,first_month,last_month,value,unit,yoy_pct\n"
GOOD_ROW = "output,2020,1,12,700,亿元,5\n"


@pytest.fixture
def with_series(tmp_path: Path, write_period, report_text, indicator):
    """with_series(rows) -> Dataset: one good period and a series.csv of HEADER + rows."""
    def _load(rows: str):
        write_period(tmp_path / "2022-H1", report_text(indicator("output", value=397.3)))
        (tmp_path / "series.csv").write_text(HEADER + GOOD_ROW + rows, encoding="utf-8")
        return load_dataset(tmp_path)
    return _load


@pytest.mark.parametrize("year", ["-5", "0", "1899", "2201", "99999"])
def test_series_year_out_of_range_is_an_error(with_series, year: str) -> None:
    dataset = with_series(f"output,{year},1,12,1,亿元,\n")
    [error] = dataset.errors
    assert (error.file, error.row, error.column) == ("series.csv", 3, "year")
    assert f"{year} is not a plausible year" in error.message
    assert dataset.series.height == 0  # an error: the file is not used, as for a period
    assert len(dataset.periods) == 1


@pytest.mark.parametrize("year", ["1900", "2200"])
def test_series_years_at_the_bounds_load(with_series, year: str) -> None:
    dataset = with_series(f"output,{year},1,12,1,亿元,\n")
    assert dataset.problems == () and dataset.series.height == 2


@pytest.mark.parametrize(("ident", "suggested"), [("中文 id!", ""), ("GDP", "'gdp'"),
                                                  ("above-scale", "'above_scale'")])
def test_series_ids_report_toml_would_refuse_are_errors(with_series, ident: str,
                                                         suggested: str) -> None:
    dataset = with_series(f'"{ident}",2021,1,12,1,亿元,\n')
    [error] = dataset.errors
    assert (error.file, error.row, error.column) == ("series.csv", 3, "indicator")
    assert f"indicator id {ident!r} must use only a-z, 0-9 and _" in error.message
    assert (f"(e.g. {suggested})" in error.message) == bool(suggested)
    assert dataset.series.height == 0


def test_series_rows_without_a_figure_warn_and_are_skipped(with_series) -> None:
    dataset = with_series("output,2021,1,12,,亿元,\noutput,2019,1,12,650,亿元,\n")
    [warning] = dataset.warnings
    assert (warning.file, warning.row) == ("series.csv", 3)
    assert "neither value nor yoy_pct" in warning.message
    assert sorted(dataset.series["year"].to_list()) == [2019, 2020]


def test_many_bad_series_rows_are_named_then_counted(with_series) -> None:
    dataset = with_series("".join(f"output,{-n},1,12,1,亿元,\n" for n in range(1, 9)))
    assert [e.row for e in dataset.errors] == [3, 4, 5, 6, 7, None]
    assert "and 3 more" in dataset.errors[-1].message


def test_a_series_without_figure_columns_warns(tmp_path: Path) -> None:
    (tmp_path / "series.csv").write_text("indicator,year,first_month,last_month\ngdp,2019,1,12\n",
                                         encoding="utf-8")
    dataset = load_dataset(tmp_path)
    assert [w.row for w in dataset.warnings] == [2]
    assert dataset.series.height == 0


# ---------------------------------------------------------------- report.toml

@pytest.fixture
def load_one(tmp_path: Path, write_period, report_text):
    def _load(body: str):
        return load_dataset(write_period(tmp_path / "ds" / "2022-H1", report_text(body)).parent)
    return _load


def test_a_rank_above_1000_warns(load_one, indicator) -> None:
    dataset = load_one(indicator("x", rank=9999))
    [warning] = dataset.warnings
    assert "rank 9999 is above 1000" in warning.message and warning.line == 5
    assert dataset.periods[0].indicators[0].rank == 9999


@pytest.mark.parametrize("rank", [1, 3, 180, 1000])
def test_plausible_ranks_do_not_warn(load_one, indicator, rank: int) -> None:
    assert load_one(indicator("x", rank=rank)).problems == ()


@pytest.mark.parametrize("yoy", [12345.6, "12,345.6%", 1000.1])
def test_growth_above_1000_percent_warns(load_one, indicator, yoy) -> None:
    dataset = load_one(indicator("x", yoy_pct=yoy))
    [warning] = dataset.warnings
    assert "is this a value written as growth?" in warning.message
    assert len(dataset.periods) == 1


def test_growth_far_below_minus_100_warns_once(load_one, indicator) -> None:
    [warning] = load_one(indicator("x", yoy_pct=-12345.6)).warnings
    assert "below -100%" in warning.message


@pytest.mark.parametrize("yoy", ["+-3", "下降-3"])
def test_ambiguous_growth_in_a_report_is_a_located_error(load_one, indicator, yoy: str) -> None:
    dataset = load_one(indicator("x", yoy_pct=yoy))
    [error] = dataset.errors
    assert error.line == 9 and "is ambiguous" in error.message
    assert dataset.periods == ()


def test_series_rows_are_named_by_their_file_row_after_blank_lines(tmp_path: Path,
                                                                    write_period) -> None:
    root = tmp_path / "ds"
    write_period(root / "p1")
    (root / "series.csv").write_text("indicator,year,first_month,last_month,value\n"
                                     "x,2020,1,6,1\n\n\nx,-5,1,6,2\n", encoding="utf-8")
    problems = [p for p in load_dataset(root).problems if "plausible year" in p.message]
    assert [p.row for p in problems] == [5]


def test_csv_cells_just_below_1e15_written_plainly_are_too_large(tmp_path: Path,
                                                                  write_period) -> None:
    folder = write_period(tmp_path / "p1", projects="name,category,planned_invest\n"
                          "a,工业,999999999999999.99\n")
    messages = [p.message for p in load_dataset(folder).errors]
    assert any("too large to be a figure" in m for m in messages), messages


def test_an_ambiguous_csv_cell_says_why(tmp_path: Path, write_period) -> None:
    folder = write_period(tmp_path / "p1", projects="name,category,planned_invest\n"
                          "a,工业,下降-3\n")
    messages = [p.message for p in load_dataset(folder).errors]
    assert any("ambiguous" in m for m in messages), messages

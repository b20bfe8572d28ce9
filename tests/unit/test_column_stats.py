"""Counts by column and column statistics (core/query/column_stats.py)."""

from __future__ import annotations

import polars as pl
import pytest

from econdash.core.loaders import load_dataset
from econdash.core.paths import bundled_dataset
from econdash.core.query.column_stats import column_stats, value_counts


def test_counts_are_largest_first_with_shares_and_nulls() -> None:
    frame = pl.DataFrame({"town": ["江口", "溪口", "江口", None, "江口", "溪口", "萧王庙"]})
    counts = value_counts(frame, "town")
    assert counts.get_column("value").to_list() == ["江口", "溪口", "萧王庙", None]
    assert counts.get_column("count").to_list() == [3, 2, 1, 1]
    assert counts.get_column("share").sum() == pytest.approx(1.0)
    assert counts.get_column("share")[0] == pytest.approx(3 / 7)


def test_counts_keep_the_column_type_so_a_value_can_filter() -> None:
    counts = value_counts(pl.DataFrame({"year": [2021, 2022, 2022]}), "year")
    assert counts.schema["value"] == pl.Int64
    assert counts.row(0) == (2022, 2, pytest.approx(2 / 3))


def test_counts_of_the_seed_levels() -> None:
    period = load_dataset(bundled_dataset()).periods[-1]
    counts = dict(value_counts(period.enterprises, "level").select("value", "count").iter_rows())
    assert counts["市级"] == 13 and counts["国家级"] == 2


def test_counts_of_an_empty_frame_and_an_unknown_column() -> None:
    assert value_counts(pl.DataFrame({"a": []}, schema={"a": pl.String}), "a").height == 0
    with pytest.raises(KeyError):
        value_counts(pl.DataFrame({"a": [1]}), "b")


def test_numeric_statistics() -> None:
    stats = column_stats(pl.DataFrame({"v": [1.0, 2.0, None, 4.0, 4.0]}), "v")
    assert (stats.count, stats.nulls, stats.distinct) == (4, 1, 3)
    assert (stats.minimum, stats.maximum, stats.total) == (1.0, 4.0, 11.0)
    assert stats.mean == pytest.approx(2.75) and stats.median == 3.0
    assert [name for name, _ in stats.items()] == [
        "count", "nulls", "distinct", "min", "max", "sum", "mean", "median"]
    assert stats.top == ()


def test_text_statistics_name_the_top_values() -> None:
    stats = column_stats(pl.DataFrame({"t": ["b", "a", "b", None, "c", "b", "a"]}), "t")
    assert not stats.numeric and stats.total is None and stats.mean is None
    assert (stats.count, stats.nulls, stats.distinct) == (6, 1, 3)
    assert stats.top == (("b", 3), ("a", 2), ("c", 1))
    assert (stats.minimum, stats.maximum) == ("a", "c")


def test_statistics_of_an_empty_column() -> None:
    stats = column_stats(pl.DataFrame({"v": [None, None]}, schema={"v": pl.Float64}), "v")
    assert (stats.count, stats.nulls, stats.distinct) == (0, 2, 0)
    assert [name for name, _ in stats.items()] == ["count", "nulls", "distinct"]

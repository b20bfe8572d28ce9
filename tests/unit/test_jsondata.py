"""jsondata: the caches' dataclasses as JSON and back, exactly or not at all."""

from __future__ import annotations

import datetime as dt
import json
import math
import typing
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from econdash.core.errors import Problem
from econdash.core.jsondata import DecodeError, decoder, dumps, field_types, loads
from econdash.core.loaders import load_dataset
from econdash.core.loaders.report import Report, load_report
from econdash.core.loaders.report_cache import CachedReport, CachedReports
from econdash.core.model.dataset import Indicator, Tier
from econdash.core.model.overview import Card, OverviewData, Snapshot
from econdash.core.model.period import Period
from econdash.core.model.series import SeriesPoint
from econdash.core.paths import bundled_dataset, bundled_examples
from econdash.core.query.overview import overview_data
from econdash.core.query.series import observations
from econdash.core.watch import fingerprint

CACHED_CLASSES = (Snapshot, OverviewData, Card, Indicator, Period, SeriesPoint, Tier, Problem,
                  Report, CachedReport, CachedReports)


def example_overview() -> OverviewData:
    dataset = load_dataset(bundled_examples() / "three-cities")
    data = overview_data(dataset, observations(dataset), len(dataset.periods) - 1)
    assert data is not None and data.cards
    return data


def an_indicator(**changes: object) -> Indicator:
    return replace(Indicator(id="x", name="工业产值", category="工业", span=Period(2022, 1, 6),
                             value=397.3, unit="亿元", yoy_pct=-1.5, rank=3, line=21), **changes)


def test_an_overview_snapshot_round_trips_to_equal_objects() -> None:
    snapshot = Snapshot(fingerprint(bundled_dataset()), example_overview())
    assert loads(Snapshot, dumps(snapshot)) == snapshot


def test_a_report_with_problems_tiers_and_a_date_round_trips(tmp_path: Path) -> None:
    report = load_report(next(bundled_dataset().glob("*/report.toml")), "2022-H1/report.toml")
    assert report.indicators and report.tiers and report.published is not None
    broken = tmp_path / "report.toml"
    broken.write_text('[period]\nyear = 2022\nmonths = [1, 6]\n\n[[indicator]]\nid = "x"\n'
                      'name = "X"\ncategory = "工业"\nvalue = "lots"\nrank = 1.5\n',
                      encoding="utf-8")
    with_problems = load_report(broken, "2022-H1/report.toml")
    assert with_problems.problems
    cached = CachedReports((CachedReport("/d/a/report.toml", 10, 123, "a/report.toml", report),
                            CachedReport("/d/b/report.toml", 20, 456, "b/report.toml",
                                         with_problems)))
    again = loads(CachedReports, dumps(cached))
    assert again == cached
    assert isinstance(again.reports[0].report.indicators, list)  # a list stays a list


@pytest.mark.parametrize("value", [0.1 + 0.2, 1 / 3, 5e-324, 1.7976931348623157e308, 1e16,
                                   123456789.123456789, -1e-300, 2**53 + 1])
def test_numbers_round_trip_exactly(value: float) -> None:
    point = SeriesPoint(Period(2022, 1, 6), value, -value, 7)
    again = loads(SeriesPoint, dumps(point))
    assert again == point and type(again.value) is type(value)
    assert repr(again.value) == repr(value)


def test_negative_zero_nan_and_infinities_survive() -> None:
    """The loaders refuse NaN and infinities, but a snapshot must not silently fail to be
    written (or come back different) if the series ever held one."""
    point = SeriesPoint(Period(2022, 1, 6), math.nan, -0.0, None)
    again = loads(SeriesPoint, dumps(point))
    assert math.isnan(again.value) and math.copysign(1, again.yoy_pct) == -1
    for value in (math.inf, -math.inf):
        assert loads(SeriesPoint, dumps(replace(point, value=value))).value == value


def test_text_that_is_not_valid_unicode_round_trips() -> None:
    """A file name with undecodable bytes (os.fsdecode's surrogates) in a fingerprint."""
    name = b"/data/\xff\xfe-2022/report.toml".decode("utf-8", "surrogateescape")
    problem = Problem(name, "坏了\x1b[31m", line=3)
    assert loads(Problem, dumps(problem)) == problem


def test_the_field_types_are_those_typing_resolves() -> None:
    for cls in CACHED_CLASSES:
        assert field_types(cls) == typing.get_type_hints(cls), cls


def indicator_data(**changes: object) -> dict:
    data = json.loads(dumps(an_indicator()))
    data.update(changes)
    return data


@pytest.mark.parametrize("data", [
    indicator_data(value="397.3"),  # text for a number
    indicator_data(rank=3.0),  # a float for an int
    indicator_data(rank=True),  # a bool is not an int here
    indicator_data(headline=1),  # nor an int a bool
    indicator_data(name=None),  # None where None is not allowed
    indicator_data(unit=["亿元"]),
    indicator_data(span=[2022, 1, 6]),  # a list for a dataclass
    indicator_data(span={"year": 2022, "first_month": 7, "last_month": 3}),  # Period refuses it
    indicator_data(span={"year": 2022, "first_month": 1}),
    indicator_data(evil="__import__('os')"),  # an extra field
    {k: v for k, v in indicator_data().items() if k != "unit"},  # a missing field
    [], "x", None, 1,
])
def test_data_that_does_not_match_the_class_is_refused(data: object) -> None:
    with pytest.raises(DecodeError):
        loads(Indicator, json.dumps(data))


@pytest.mark.parametrize("text", [
    b"", b"not json", b"\x80\x04\x95 a pickle", b"[" * 100_000, b"1" * 5000, b"NaN",
    dumps(an_indicator())[:-10],  # cut short
    dumps(an_indicator()) + b"{}",  # something after it
])
def test_bytes_that_are_not_the_json_of_the_class_are_refused(text: bytes) -> None:
    with pytest.raises(DecodeError):
        loads(Indicator, text)


@pytest.mark.parametrize("field, value", [
    ("severity", "fatal"), ("severity", 1), ("line", "3"), ("file", 3)])
def test_literal_and_optional_fields_are_checked(field: str, value: object) -> None:
    data = json.loads(dumps(Problem("a/report.toml", "bad", line=3)))
    data[field] = value
    with pytest.raises(DecodeError):
        loads(Problem, json.dumps(data))


@pytest.mark.parametrize("published", ["20220704", "2022-07-04T00:00:00", "2022-W27-1", 20220704,
                                       "2022-02-30"])
def test_dates_are_read_only_as_written(published: object) -> None:
    data = json.loads(dumps(Report(published=dt.date(2022, 7, 4))))
    assert data["published"] == "2022-07-04"
    data["published"] = published
    with pytest.raises(DecodeError):
        loads(Report, json.dumps(data))


def test_a_type_it_cannot_read_back_is_a_programming_error() -> None:
    @dataclass(frozen=True)
    class WithPath:
        path: Path

    with pytest.raises(TypeError):
        decoder(WithPath)
    with pytest.raises(TypeError):
        dumps(WithPath(Path("/")))

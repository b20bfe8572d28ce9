"""What the overview shows, as plain dataclasses, and a snapshot of it on disk.

The overview is the first screen. Its cards need only an indicator dataclass
and a few series points each, so after every successful load econdash writes
them into the user's cache as JSON data (`econdash.core.cache`) with the
dataset's file fingerprint, valid only for the code that wrote them. The next
start draws the overview from that snapshot before polars is imported and while
the dataset loads in the background; the loaded data then replaces it. Any
change to a file of the dataset changes the fingerprint, so a snapshot is never
shown for data that has changed since.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from econdash.core.cache import cache_file, read_cache, write_cache
from econdash.core.model.dataset import Indicator, dataset_title, headline_indicators, period_title
from econdash.core.model.period import Period
from econdash.core.model.series import SeriesPoint
from econdash.core.watch import Fingerprint

if TYPE_CHECKING:
    import polars as pl

    from econdash.core.model.dataset import Dataset

SNAPSHOT_FORMAT = 3


@dataclass(frozen=True)
class Card:
    """One headline indicator and its series (oldest first)."""

    indicator: Indicator
    points: tuple[SeriesPoint, ...]


@dataclass(frozen=True)
class OverviewData:
    """The newest (or chosen) period's provenance and headline cards."""

    period: Period
    label: str | None
    region: str | None
    source: str | None
    published: dt.date | None
    position: int  # 1-based, among `count` periods
    count: int
    dataset_name: str | None
    dataset_name_en: str | None
    dataset_folder: str
    cards: tuple[Card, ...]

    def title(self, lang: str) -> str:
        """The period's label, as `PeriodData.title`."""
        return period_title(self.label, self.period, lang)

    def dataset_title(self, lang: str) -> str:
        """The dataset's name, as `Dataset.title`."""
        return dataset_title(self.dataset_name, self.dataset_name_en, self.dataset_folder, lang)


def overview_data(dataset: "Dataset", observations: "pl.DataFrame | None",
                  index: int) -> OverviewData | None:
    """The overview of period `index` of a loaded dataset (None when it has no periods)."""
    from econdash.core.query.series import indicator_series
    if not dataset.periods:
        return None
    index = min(max(index, 0), len(dataset.periods) - 1)
    period = dataset.periods[index]
    cards = tuple(
        Card(ind, tuple(indicator_series(observations, ind)) if observations is not None else ())
        for ind in headline_indicators(period.indicators))
    return OverviewData(
        period=period.period, label=period.label, region=period.region, source=period.source,
        published=period.published, position=index + 1, count=len(dataset.periods),
        dataset_name=dataset.name, dataset_name_en=dataset.name_en,
        dataset_folder=dataset.root.name, cards=cards)


@dataclass(frozen=True)
class Snapshot:
    """What the snapshot file holds: the overview, and the files it was made from."""

    files: Fingerprint
    overview: OverviewData


def snapshot_file(cache: Path, root: Path) -> Path:
    """The snapshot of the dataset at `root` (one file per dataset folder)."""
    return cache_file(cache, "overview", root)


def save_snapshot(path: Path, stamp: Fingerprint, data: OverviewData) -> None:
    """Write the snapshot atomically; a cache that can't be written is not an error."""
    write_cache(path, SNAPSHOT_FORMAT, Snapshot(stamp, data))


def load_snapshot(path: Path, stamp: Fingerprint) -> OverviewData | None:
    """The snapshot if it was written by this code for exactly these files, else None."""
    saved = read_cache(path, SNAPSHOT_FORMAT, Snapshot)
    return saved.overview if saved is not None and saved.files == stamp else None


def quick_overview(root: Path) -> OverviewData | None:
    """For a start without a snapshot: the overview of a one-period dataset, read straight
    from its report.toml (tomllib; polars is not imported for plain numbers).

    It equals what the full load's `overview_data` gives, so the cards are kept when the
    load arrives. None (show the loading indicator instead) for anything else: several
    periods or series files (their trend lines need the full load), or a report with errors.
    """
    try:
        return _quick_overview(root)
    except Exception:  # noqa: BLE001 - the full load reports whatever is wrong
        return None


def _quick_overview(root: Path) -> OverviewData | None:
    from econdash.core.errors import Problem
    from econdash.core.loaders.meta import (
        REPORT, dataset_children, holds_report, load_meta, series_files,
    )
    from econdash.core.loaders.report import load_report
    from econdash.core.loaders.text import link_problem
    problems: list[Problem] = []
    if (root / REPORT).is_file():
        folder, meta = root, {}
    else:
        meta = load_meta(root, problems)
        folders = [p for p in dataset_children(root) if p.is_dir() and holds_report(p, problems)]
        if len(folders) != 1 or series_files(root):
            return None
        folder = folders[0]
    if link_problem(folder / REPORT, root.resolve(), REPORT) is not None:
        return None  # a report linked from outside the dataset: the full load says so
    report = load_report(folder / REPORT, REPORT)
    problems.extend(report.problems)
    if report.period is None or any(p.severity == "error" for p in problems):
        return None
    cards = tuple(
        Card(ind, (SeriesPoint(Period(ind.span.year, ind.span.first_month, ind.span.last_month),
                               ind.value, ind.yoy_pct, ind.rank),))
        for ind in headline_indicators(report.indicators))
    return OverviewData(
        period=report.period, label=report.label, region=report.region, source=report.source,
        published=report.published, position=1, count=1, dataset_name=meta.get("name"),
        dataset_name_en=meta.get("name_en"), dataset_folder=root.name, cards=cards)

"""What the overview shows, as plain dataclasses: a period's provenance and headline
cards (`OverviewData`, `Card`), and the `Snapshot` that keeps them on disk.

The overview is the first screen, drawn before polars is imported (from a snapshot,
see `econdash.core.startup`, or from a one-period report, see
`econdash.core.loaders.quick`), so this module is polars-free at import. The
snapshot is JSON data (`econdash.core.jsondata`) decoded into these classes by their
field names and types: renaming a field, or changing its type, needs a new
`startup.SNAPSHOT_FORMAT`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from econdash.core.model.dataset import Indicator, dataset_title, period_title
from econdash.core.model.period import Period
from econdash.core.model.series import SeriesPoint
# (Imported at run time, not only for type checkers: jsondata resolves the fields'
# annotations in this module's namespace.)
from econdash.core.watch import Fingerprint


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


@dataclass(frozen=True)
class Snapshot:
    """What the snapshot file holds: the overview, and the files it was made from."""

    files: Fingerprint
    overview: OverviewData

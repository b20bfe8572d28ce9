"""What the overview shows, as plain dataclasses: a period's provenance, headline
cards (`OverviewData`, `Card`), its panels (cluster growth, honours, projects, what
needs attention), and the `Snapshot` that keeps them on disk.

The overview is the first screen, drawn before polars is imported (from a snapshot,
see `econdash.core.startup`, or from a one-period report, see
`econdash.core.query.quick_overview`), so this module is polars-free at import. The
snapshot is JSON data (`econdash.core.jsondata`) decoded into these classes by their
field names and types: renaming a field, or changing its type, needs a new
`startup.SNAPSHOT_FORMAT`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

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
class HonourRow:
    """Reported honour counts of one programme at one level (its [[tier]] rows summed),
    with the same sum in the previous period (None: no previous period to compare)."""

    programme: str
    programme_en: str | None
    level: str | None
    count: int
    previous: int | None
    statuses: tuple[tuple[str, int], ...]  # (status, count) as reported, in report order

    def name(self, lang: str) -> str:
        """The programme in `lang` (falling back to Chinese)."""
        return (self.programme_en or self.programme) if lang == "en" else self.programme


@dataclass(frozen=True)
class ProjectGroup:
    """Projects of one category: how many, and investment done against planned."""

    category: str
    count: int
    planned: float | None  # sum over projects that give a planned investment
    completed: float | None  # sum over projects that give both figures


@dataclass(frozen=True)
class ProjectSummary:
    """The period's projects: how many, investment done against planned, by category."""

    count: int
    planned: float | None
    completed: float | None  # of the projects that give both planned and completed
    unit: str | None
    groups: tuple[ProjectGroup, ...]

    @property
    def completion(self) -> float | None:
        """Share of the planned investment done (None without both figures)."""
        if self.planned is None or self.completed is None or self.planned <= 0:
            return None
        return self.completed / self.planned


AttentionKind = Literal["negative", "falling", "rank_drop", "target_risk", "problem"]


@dataclass(frozen=True)
class Attention:
    """One thing a director should look at: an indicator whose growth is negative or
    falling, whose rank dropped or whose target is at risk, or a problem `check` found.
    `before`/`now` are the two figures compared (growth in %, ranks, target progress)."""

    kind: AttentionKind
    key: str  # the indicator id; for a problem, its location
    name: str
    name_en: str | None
    now: float | None = None
    before: float | None = None
    computed: bool = False  # growth this program computed (none is reported)

    def display_name(self, lang: str) -> str:
        """The name in `lang` (falling back to Chinese)."""
        return (self.name_en or self.name) if lang == "en" else self.name


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
    growth_category: str | None = None
    growth: tuple[Indicator, ...] = ()  # the growth category's rates, fastest first
    honours: tuple[HonourRow, ...] = ()
    projects: ProjectSummary | None = None  # None: not read yet (drawn from the report)
    attention: tuple[Attention, ...] = ()  # from the figures, worst first
    problems: tuple[Attention, ...] | None = None  # what `check` found; None: not yet known
    problem_count: int = 0  # (problems holds the first few)

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

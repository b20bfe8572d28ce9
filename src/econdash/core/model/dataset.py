"""Frozen dataclasses for what a dataset holds, plus polars frames for tables.

Small things (indicators, tiers) are dataclasses; anything that can be large
(projects, enterprises, series) is a polars DataFrame and never becomes a
list of Python objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from econdash.core.errors import Problem
from econdash.core.model.period import Period

if TYPE_CHECKING:
    import polars as pl


def _empty_frame() -> pl.DataFrame:
    # polars is imported here, not at the top, so the first frame of the dashboard can
    # be drawn from a snapshot of these dataclasses before polars (0.3 s) is imported.
    import polars as pl
    return pl.DataFrame()


@dataclass(frozen=True)
class RankEntry:
    """One rank of a figure: 3rd in 全市 of the value, 6th in 珠三角 of the growth."""

    rank: int
    scope: str | None = None
    of: str = "value"  # "value" or "growth"


@dataclass(frozen=True)
class Indicator:
    """One figure of one report: value, unit, growth, span, rank, target."""

    id: str
    name: str
    category: str
    span: Period
    name_en: str | None = None
    value: float | None = None
    unit: str | None = None
    yoy_pct: float | None = None
    rank: int | None = None
    rank_scope: str | None = None
    target: float | None = None
    target_of: str = "yoy_pct"
    parent: str | None = None
    note: str | None = None
    headline: bool = False
    line: int | None = None
    # Contract v1.1 (all optional; see docs/dataset-format.md "Extended figures"):
    yoy_pp: float | None = None
    """A change or gap in 个百分点, signed by direction (高于 +, 低于 −)."""
    pp_basis: str | None = None
    """What yoy_pp compares with (上年同期, 全省, 一季度 …)."""
    rank_of: str = "value"
    ranks: tuple[RankEntry, ...] = ()
    """Every rank the report gives: the headline rank (rank, rank_scope) first."""
    completion_pct: float | None = None
    """完成年任务的32.5%: the share of the year's target done."""
    quote: str | None = None
    """The sentence of the report the figure came from (econdash extract)."""
    quote_line: int | None = None

    def display_name(self, lang: str) -> str:
        """The name in `lang`, falling back to Chinese."""
        return (self.name_en or self.name) if lang == "en" else self.name


@dataclass(frozen=True)
class Tier:
    """A reported count of enterprises on one rung of an honour ladder."""

    programme: str
    level: str | None
    status: str | None
    count: int | None
    """None only in a draft: a count still to be filled in."""
    programme_en: str | None = None
    note: str | None = None
    kind: str | None = None
    """"new" (新增 this period) or "total" (累计/总数); None when the report says neither."""
    quote: str | None = None
    quote_line: int | None = None


@dataclass(frozen=True)
class PeriodData:
    """Everything one period folder holds, validated and normalised."""

    period: Period
    folder: Path
    label: str | None = None
    region: str | None = None
    source: str | None = None
    published: dt.date | None = None
    indicators: tuple[Indicator, ...] = ()
    tiers: tuple[Tier, ...] = ()
    projects: pl.DataFrame = field(default_factory=_empty_frame)
    enterprises: pl.DataFrame = field(default_factory=_empty_frame)
    encodings: dict[str, str] = field(default_factory=dict)
    status: str = "final"
    """"final", or "draft": proposed figures not yet reviewed (kept out of trends and
    comparisons, not opened on while a final period exists)."""
    source_file: str | None = None
    """The report file a draft was extracted from."""

    @property
    def id(self) -> str:
        """The period's canonical id."""
        return self.period.id

    def title(self, lang: str) -> str:
        """The label to show: the report's own (Chinese) or the derived one."""
        return period_title(self.label, self.period, lang)

    def indicator(self, indicator_id: str) -> Indicator | None:
        """The indicator with this id, or None."""
        return next((i for i in self.indicators if i.id == indicator_id), None)

    @property
    def is_draft(self) -> bool:
        """True for a draft period (extracted or new-period, not yet reviewed)."""
        return self.status == "draft"


@dataclass(frozen=True)
class Dataset:
    """A loaded dataset: its periods (oldest first), history series, problems."""

    root: Path
    periods: tuple[PeriodData, ...]
    series: pl.DataFrame
    problems: tuple[Problem, ...] = ()
    name: str | None = None
    name_en: str | None = None
    region: str | None = None
    region_en: str | None = None
    source: str | None = None
    partial: bool = False
    """A preview: projects and enterprises hold only their files' first rows, shown while
    the whole dataset loads (`load_dataset(head_bytes=...)`)."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Problems that stopped a file or period from loading."""
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Problems worth knowing that did not stop anything loading."""
        return tuple(p for p in self.problems if p.severity == "warning")

    def period(self, period_id: str) -> PeriodData | None:
        """The period with this canonical id, or None."""
        return next((p for p in self.periods if p.id == period_id), None)

    def title(self, lang: str) -> str:
        """The dataset's name in `lang`, else its folder name."""
        return dataset_title(self.name, self.name_en, self.root.name, lang)


def period_title(label: str | None, period: Period, lang: str) -> str:
    """A period's label to show: the report's own (Chinese) or the derived one."""
    if lang != "en" and label:
        return label
    return period.label(lang)


def dataset_title(name: str | None, name_en: str | None, folder: str, lang: str) -> str:
    """A dataset's name in `lang`, else its folder name."""
    if lang == "en" and name_en:
        return name_en
    return name or folder


def opening_index(periods: Sequence[PeriodData]) -> int:
    """The period the dashboard opens on: the newest final one, else the newest (all drafts);
    0 when there are none."""
    finals = [i for i, p in enumerate(periods) if not p.is_draft]
    return finals[-1] if finals else max(len(periods) - 1, 0)


def headline_indicators(indicators: Sequence[Indicator], limit: int = 12) -> list[Indicator]:
    """A period's headline figures: those marked `headline`, else the first with values."""
    marked = [i for i in indicators if i.headline]
    if marked:
        return marked[:limit]
    return [i for i in indicators if i.value is not None or i.yoy_pct is not None][:limit]

"""The overview of one period of a loaded dataset: its provenance, headline cards and
panels (cluster growth, honours, projects, what needs attention, problems found).

Polars-free at import (the dashboard's app module imports it before the first
frame); the series of each card and the project sums are computed inside
`overview_data`, from the loaded model (no file is read again).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from econdash.core.model.dataset import headline_indicators
from econdash.core.model.overview import Card, OverviewData, ProjectGroup, ProjectSummary
from econdash.core.query.overview_panels import (
    attention_items,
    growth_panel,
    honour_rows,
    problem_items,
)

if TYPE_CHECKING:
    import polars as pl

    from econdash.core.model.dataset import Dataset, PeriodData


def overview_data(dataset: Dataset, observations: pl.DataFrame | None,
                  index: int) -> OverviewData | None:
    """The overview of period `index` of a loaded dataset (None when it has no periods)."""
    from econdash.core.query.series import indicator_series
    if not dataset.periods:
        return None
    index = min(max(index, 0), len(dataset.periods) - 1)
    period = dataset.periods[index]
    previous = dataset.periods[index - 1] if index > 0 else None
    cards = tuple(
        Card(ind, tuple(indicator_series(observations, ind)) if observations is not None else ())
        for ind in headline_indicators(period.indicators))
    category, growth = growth_panel(period.indicators)
    problems, problem_count = problem_items(dataset.problems)
    return OverviewData(
        period=period.period, label=period.label, region=period.region, source=period.source,
        published=period.published, position=index + 1, count=len(dataset.periods),
        dataset_name=dataset.name, dataset_name_en=dataset.name_en,
        dataset_folder=dataset.root.name, cards=cards, growth_category=category,
        growth=growth,
        honours=honour_rows(period.tiers, previous.tiers if previous is not None else None),
        projects=project_summary(period.projects),
        attention=attention_items(period.indicators,
                                  previous.indicators if previous is not None else None, cards),
        problems=problems, problem_count=problem_count)


def project_summary(projects: pl.DataFrame) -> ProjectSummary:
    """How many projects, investment done against planned (sums of the figures given),
    the unit most of them use, and the same per category (most projects first)."""
    import polars as pl
    if projects.height == 0 or "category" not in projects.columns:
        return ProjectSummary(projects.height, None, None, None, ())
    frame = projects.select(
        pl.col("category").fill_null(""),
        *(_number(projects, column) for column in ("planned_invest", "completed_invest")))
    sums = [pl.len().alias("count"),
            pl.col("planned_invest").sum().alias("planned"),
            pl.col("planned_invest").count().alias("has_planned"),
            pl.col("completed_invest").sum().alias("completed"),
            pl.col("completed_invest").count().alias("has_completed")]
    total = frame.select(sums).row(0, named=True)
    groups = (frame.group_by("category", maintain_order=True).agg(sums)
              .sort("count", descending=True, maintain_order=True))
    return ProjectSummary(
        count=projects.height, planned=_sum(total, "planned"), completed=_sum(total, "completed"),
        unit=_common_unit(projects),
        groups=tuple(ProjectGroup(row["category"], row["count"], _sum(row, "planned"),
                                  _sum(row, "completed")) for row in groups.iter_rows(named=True)))


def _number(projects: pl.DataFrame, column: str) -> pl.Expr:
    import polars as pl
    if column not in projects.columns:
        return pl.lit(None, dtype=pl.Float64).alias(column)
    return pl.col(column).cast(pl.Float64, strict=False)


def _sum(row: dict, name: str) -> float | None:
    """A column's sum, or None when no row gives the figure (not a sum of zero)."""
    return float(row[name]) if row[f"has_{name}"] else None


def _common_unit(projects: pl.DataFrame) -> str | None:
    import polars as pl
    if "invest_unit" not in projects.columns:
        return None
    units = projects.get_column("invest_unit").drop_nulls()
    if units.len() == 0:
        return None
    return str(units.value_counts(sort=True).row(0)[0]) if units.dtype == pl.String else None


def headline_frame(period: PeriodData, lang: str) -> pl.DataFrame:
    """The period's headline figures as a table (what `e` on the overview exports under
    the period brief): name, value, unit, span, growth, rank and target."""
    import polars as pl
    rows = [{"name": i.display_name(lang), "value": i.value, "unit": i.unit or "",
             "span": i.span.span(lang), "yoy_pct": i.yoy_pct, "rank": i.rank,
             "rank_scope": i.rank_scope or "", "target": i.target}
            for i in headline_indicators(period.indicators)]
    return pl.DataFrame(rows, schema={
        "name": pl.String, "value": pl.Float64, "unit": pl.String, "span": pl.String,
        "yoy_pct": pl.Float64, "rank": pl.Int64, "rank_scope": pl.String, "target": pl.Float64})

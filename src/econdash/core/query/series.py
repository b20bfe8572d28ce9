"""An indicator's observations across periods: the period folders' figures plus the
history series, and the series a trend line draws.

Textual-free; polars frames and small lists, tested without an app.
"""

from __future__ import annotations

import polars as pl

from econdash.core.model.dataset import Dataset, Indicator
from econdash.core.model.period import Period
from econdash.core.model.series import SeriesPoint


OBSERVATION_SCHEMA = {
    "indicator": pl.String, "year": pl.Int64, "first_month": pl.Int64, "last_month": pl.Int64,
    "value": pl.Float64, "yoy_pct": pl.Float64, "unit": pl.String, "rank": pl.Int64,
    "source": pl.String,
}


def observations(dataset: Dataset) -> pl.DataFrame:
    """Every observation of every indicator: period folders plus series.csv. A draft
    period's figures are proposals, not yet reviewed: they join no trend until accepted."""
    rows = [
        {"indicator": ind.id, "year": ind.span.year, "first_month": ind.span.first_month,
         "last_month": ind.span.last_month, "value": ind.value, "yoy_pct": ind.yoy_pct,
         "unit": ind.unit, "rank": ind.rank, "source": period.id}
        for period in dataset.periods if not period.is_draft for ind in period.indicators
    ]
    reported = pl.DataFrame(rows, schema=OBSERVATION_SCHEMA)
    history = dataset.series.select(
        *[c for c in ("indicator", "year", "first_month", "last_month", "value", "yoy_pct", "unit")],
        pl.lit(None, dtype=pl.Int64).alias("rank"), pl.lit("series.csv").alias("source"),
    ).cast(OBSERVATION_SCHEMA)  # type: ignore[arg-type]
    # A period folder's figure wins over the same span in series.csv.
    return (pl.concat([reported, history])
            .unique(["indicator", "year", "first_month", "last_month"], keep="first",
                    maintain_order=True)
            .sort("indicator", "year", "last_month", "first_month"))


def span_kind_expr() -> pl.Expr:
    """The span kind of each observation, as Period.kind computes it."""
    first, last = pl.col("first_month"), pl.col("last_month")
    return (pl.when(first == 1).then(pl.lit("cumulative"))
            .when(first == last).then(pl.lit("month"))
            .when(first.is_in([4, 7, 10]) & (last == first + 2)).then(pl.lit("quarter"))
            .otherwise(pl.lit("other")))


def indicator_series(obs: pl.DataFrame, indicator: Indicator) -> list[SeriesPoint]:
    """The indicator's series: same id, same kind of span (and, for cumulative
    figures, the same last month-of-year pattern is not required), oldest first."""
    kind = indicator.span.kind
    frame = obs.filter((pl.col("indicator") == indicator.id) & (span_kind_expr() == kind))
    if kind == "other":
        frame = frame.filter((pl.col("last_month") - pl.col("first_month"))
                             == indicator.span.last_month - indicator.span.first_month)
    return [SeriesPoint(Period(y, f, l), v, g, r)
            for y, f, l, v, g, r in frame.select("year", "first_month", "last_month", "value",
                                                 "yoy_pct", "rank").iter_rows()]


def series_summary(dataset: Dataset, lang: str) -> pl.DataFrame:
    """One row per history series (indicator and kind of span) from series.csv and imports."""
    series = dataset.series
    if series.height == 0:
        return pl.DataFrame(schema={"indicator": pl.String, "kind": pl.String, "name": pl.String,
                                    "unit": pl.String, "points": pl.UInt32, "first": pl.String,
                                    "last": pl.String, "value": pl.Float64,
                                    "yoy_pct": pl.Float64, "category": pl.String})
    label = "name_en" if lang == "en" else "name"
    ordered = series.with_columns(kind=span_kind_expr()).sort("indicator", "kind", "year",
                                                               "last_month")
    span = pl.struct("year", "first_month", "last_month")
    summary = ordered.group_by("indicator", "kind", maintain_order=True).agg(
        pl.coalesce(pl.col(label), pl.col("name"), pl.col("indicator")).first().alias("name"),
        pl.col("unit").drop_nulls().first().alias("unit"),
        pl.len().alias("points"),
        span.first().alias("first"),
        span.last().alias("last"),
        pl.col("value").last().alias("value"),
        pl.col("yoy_pct").last().alias("yoy_pct"),
        pl.col("category").drop_nulls().first().alias("category"),
    )
    # One label per series (a few hundred at most), so Python is fine here.
    label_of = lambda s: Period(s["year"], s["first_month"], s["last_month"]).label(lang)  # noqa: E731
    return summary.with_columns(
        pl.Series("first", [label_of(s) for s in summary["first"]], dtype=pl.String),
        pl.Series("last", [label_of(s) for s in summary["last"]], dtype=pl.String),
    )


def series_points(dataset: Dataset, indicator_id: str, kind: str) -> list[SeriesPoint]:
    """The observations of one history series, oldest first."""
    frame = (dataset.series.filter((pl.col("indicator") == indicator_id)
                                   & (span_kind_expr() == kind))
             .sort("year", "last_month"))
    return [SeriesPoint(Period(y, f, l), v, g, None)
            for y, f, l, v, g in frame.select("year", "first_month", "last_month", "value",
                                              "yoy_pct").iter_rows()]

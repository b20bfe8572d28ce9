"""An indicator's observations across periods: the period folders' figures plus the
history series, and the series a trend line draws.

Textual-free; polars frames and small lists, tested without an app.
"""

from __future__ import annotations

import polars as pl

from econdash.core.model.dataset import Dataset, Indicator, PeriodData
from econdash.core.model.period import Period
from econdash.core.model.series import SeriesPoint

OBSERVATION_SCHEMA = {
    "indicator": pl.String, "year": pl.Int64, "first_month": pl.Int64, "last_month": pl.Int64,
    "value": pl.Float64, "yoy_pct": pl.Float64, "unit": pl.String, "rank": pl.Int64,
    "source": pl.String, "region": pl.String,
}


def observations(dataset: Dataset) -> pl.DataFrame:
    """Every observation of every indicator: period folders plus series.csv. A series'
    region (an imported statistics export's 地区) keeps two regions' series apart; the
    period folders' figures are the dataset's own (no region). A draft period's figures
    are proposals, not yet reviewed: they join no trend until accepted."""
    rows = [
        {"indicator": ind.id, "year": ind.span.year, "first_month": ind.span.first_month,
         "last_month": ind.span.last_month, "value": ind.value, "yoy_pct": ind.yoy_pct,
         "unit": ind.unit, "rank": ind.rank, "source": period.id, "region": None}
        for period in dataset.periods if not period.is_draft for ind in period.indicators
    ]
    reported = pl.DataFrame(rows, schema=OBSERVATION_SCHEMA)
    series = dataset.series
    region = pl.col("region") if "region" in series.columns else pl.lit(None, dtype=pl.String)
    history = series.select(
        *[c for c in ("indicator", "year", "first_month", "last_month", "value", "yoy_pct", "unit")],
        pl.lit(None, dtype=pl.Int64).alias("rank"), pl.lit("series.csv").alias("source"),
        region.alias("region"),
    ).cast(OBSERVATION_SCHEMA)  # type: ignore[arg-type]
    # A period folder's figure wins over the same span in series.csv.
    return (pl.concat([reported, history])
            .unique(["indicator", "region", "year", "first_month", "last_month"], keep="first",
                    maintain_order=True)
            .sort("indicator", "region", "year", "last_month", "first_month", nulls_last=False))


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
    return [SeriesPoint(Period(y, f, last), v, g, r)
            for y, f, last, v, g, r in frame.select("year", "first_month", "last_month", "value",
                                                 "yoy_pct", "rank").iter_rows()]


SUMMARY_SCHEMA = {"indicator": pl.String, "region": pl.String, "kind": pl.String, "name": pl.String,
                  "unit": pl.String, "points": pl.UInt32, "first": pl.String, "last": pl.String,
                  "value": pl.Float64, "yoy_pct": pl.Float64, "category": pl.String}


def _names(dataset: Dataset) -> pl.DataFrame:
    """Name, English name and category of every indicator: the latest period folder
    that has it, else series.csv."""
    latest: dict[str, Indicator] = {}
    for period in dataset.periods:
        for ind in period.indicators:
            latest[ind.id] = ind
    reported = pl.DataFrame(
        [{"indicator": i.id, "name": i.name, "name_en": i.name_en, "category": i.category}
         for i in latest.values()],
        schema={"indicator": pl.String, "name": pl.String, "name_en": pl.String,
                "category": pl.String})
    listed = (dataset.series.group_by("indicator", maintain_order=True)
              .agg(pl.col("name", "name_en", "category").drop_nulls().first())
              .cast({"name": pl.String, "name_en": pl.String, "category": pl.String}))
    return pl.concat([reported, listed]).unique("indicator", keep="first", maintain_order=True)


def history_frame(dataset: Dataset, obs: pl.DataFrame | None = None) -> pl.DataFrame:
    """The observations the History section lists: every series.csv series, and every
    indicator the period folders give at two or more times of the same kind of span
    (a yearly report dataset is history too). One row per observation with its kind."""
    obs = observations(dataset) if obs is None else obs
    frame = obs.with_columns(kind=span_kind_expr())
    keep = ((pl.col("source") == "series.csv").any() | (pl.len() >= 2)).over(
        "indicator", "region", "kind")
    return (frame.filter(keep)
            .join(_names(dataset), on="indicator", how="left")
            .with_columns(pl.coalesce("name", "indicator").alias("name")))


def series_summary(dataset: Dataset, lang: str, obs: pl.DataFrame | None = None) -> pl.DataFrame:
    """One row per history series (indicator, region and kind of span), see
    `history_frame`: 浙江's and 江苏's exports of one indicator are two rows."""
    history = history_frame(dataset, obs)
    if history.height == 0:
        return pl.DataFrame(schema=SUMMARY_SCHEMA)
    label = "name_en" if lang == "en" else "name"
    ordered = history.sort("indicator", "region", "kind", "year", "last_month", "first_month",
                           nulls_last=False)
    span = pl.struct("year", "first_month", "last_month")
    summary = ordered.group_by("indicator", "region", "kind", maintain_order=True).agg(
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
    ).cast(SUMMARY_SCHEMA)  # type: ignore[arg-type]


def series_points(dataset: Dataset, indicator_id: str, kind: str, region: str | None = None,
                  obs: pl.DataFrame | None = None) -> list[SeriesPoint]:
    """The observations of one history series (of one region), oldest first."""
    same_region = pl.col("region").eq_missing(pl.lit(region, dtype=pl.String))
    frame = (history_frame(dataset, obs)
             .filter((pl.col("indicator") == indicator_id) & (pl.col("kind") == kind)
                     & same_region)
             .sort("year", "last_month", "first_month"))
    return [SeriesPoint(Period(y, f, last), v, g, r)
            for y, f, last, v, g, r in frame.select("year", "first_month", "last_month", "value",
                                                 "yoy_pct", "rank").iter_rows()]


SeriesKey = tuple[str, str | None, str]  # (indicator, region, kind)


def all_series_points(history: pl.DataFrame) -> dict[SeriesKey, list[SeriesPoint]]:
    """Every series of a `history_frame`, by (indicator, region, kind), oldest first (one
    pass, for the trend column of the History table)."""
    found: dict[SeriesKey, list[SeriesPoint]] = {}
    ordered = history.sort("indicator", "region", "kind", "year", "last_month", "first_month",
                           nulls_last=False)
    for ind, region, kind, y, f, last, v, g in ordered.select(
            "indicator", "region", "kind", "year", "first_month", "last_month", "value",
            "yoy_pct").iter_rows():
        found.setdefault((ind, region, kind), []).append(SeriesPoint(Period(y, f, last), v, g, None))
    return found


def period_growth(period: PeriodData, obs: pl.DataFrame | None) -> dict[str, tuple[float, bool]]:
    """Each indicator's growth in `period`: (rate, computed). As the report states it,
    else computed from its value and the value of the same span a year earlier
    (docs/time.md); indicators with neither are left out."""
    found: dict[str, tuple[float, bool]] = {
        i.id: (float(i.yoy_pct), False) for i in period.indicators if i.yoy_pct is not None}
    missing = [i for i in period.indicators if i.yoy_pct is None and i.value is not None]
    if not missing or obs is None or obs.height == 0:
        return found
    wanted = pl.DataFrame(
        [{"indicator": i.id, "year": i.span.year - 1, "first_month": i.span.first_month,
          "last_month": i.span.last_month, "now": i.value} for i in missing],
        schema={"indicator": pl.String, "year": pl.Int64, "first_month": pl.Int64,
                "last_month": pl.Int64, "now": pl.Float64})
    own = obs.filter(pl.col("region").is_null())  # the dataset's own figures, not a region's
    earlier = wanted.join(own.select("indicator", "year", "first_month", "last_month", "value"),
                          on=["indicator", "year", "first_month", "last_month"], how="inner")
    for indicator, now, before in earlier.select("indicator", "now", "value").iter_rows():
        if before:  # no growth from nothing
            found[indicator] = ((now / before - 1.0) * 100.0, True)
    return found

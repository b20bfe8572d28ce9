"""Queries over the model: series across periods, tables for the screens.

Textual-free; everything a screen shows is computed here as polars frames or
small lists, so it can be tested without an app.
"""

from __future__ import annotations

import polars as pl

from econdash.model.dataset import Dataset, Indicator, PeriodData
from econdash.model.period import Period
from econdash.model.series import SeriesPoint

OBSERVATION_SCHEMA = {
    "indicator": pl.String, "year": pl.Int64, "first_month": pl.Int64, "last_month": pl.Int64,
    "value": pl.Float64, "yoy_pct": pl.Float64, "unit": pl.String, "rank": pl.Int64,
    "source": pl.String,
}


def observations(dataset: Dataset) -> pl.DataFrame:
    """Every observation of every indicator: period folders plus series.csv."""
    rows = [
        {"indicator": ind.id, "year": ind.span.year, "first_month": ind.span.first_month,
         "last_month": ind.span.last_month, "value": ind.value, "yoy_pct": ind.yoy_pct,
         "unit": ind.unit, "rank": ind.rank, "source": period.id}
        for period in dataset.periods for ind in period.indicators
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


def categories(period: PeriodData) -> list[str]:
    """Indicator categories in report order."""
    return list(dict.fromkeys(i.category for i in period.indicators))


def growth_categories(period: PeriodData) -> list[str]:
    """Categories with at least two growth rates, the ones a bar chart helps with."""
    counts: dict[str, int] = {}
    for ind in period.indicators:
        if ind.yoy_pct is not None:
            counts[ind.category] = counts.get(ind.category, 0) + 1
    return [c for c in categories(period) if counts.get(c, 0) >= 1]


def category_growth(period: PeriodData, category: str) -> list[Indicator]:
    """Indicators of `category` with a growth rate, fastest first."""
    found = [i for i in period.indicators if i.category == category and i.yoy_pct is not None]
    return sorted(found, key=lambda i: i.yoy_pct, reverse=True)  # type: ignore[arg-type, return-value]


def indicators_frame(period: PeriodData, lang: str) -> pl.DataFrame:
    """The period's indicators as a table for the Indicators section."""
    return pl.DataFrame(
        [{"id": i.id, "category": i.category, "name": i.display_name(lang), "name_zh": i.name,
          "name_en": i.name_en or "", "value": i.value, "unit": i.unit or "",
          "yoy_pct": i.yoy_pct, "span": i.span.span(lang) if i.span != period.period else "",
          "rank": i.rank, "rank_scope": i.rank_scope or ""} for i in period.indicators],
        schema={"id": pl.String, "category": pl.String, "name": pl.String, "name_zh": pl.String,
                "name_en": pl.String, "value": pl.Float64, "unit": pl.String,
                "yoy_pct": pl.Float64, "span": pl.String, "rank": pl.Int64,
                "rank_scope": pl.String},
    )


def parts_of(period: PeriodData, indicator_id: str) -> list[Indicator]:
    """Indicators whose `parent` is this one."""
    return [i for i in period.indicators if i.parent == indicator_id]


def tier_ladder(period: PeriodData) -> pl.DataFrame:
    """Reported tier counts beside how many enterprises the roster names."""
    keys = ["programme", "level", "status"]
    tiers = pl.DataFrame(
        [{"programme": t.programme, "programme_en": t.programme_en, "level": t.level,
          "status": t.status, "reported": t.count} for t in period.tiers],
        schema={"programme": pl.String, "programme_en": pl.String, "level": pl.String,
                "status": pl.String, "reported": pl.Int64},
    )
    named = (period.enterprises.group_by(keys)
             .agg(pl.col("enterprise").n_unique().alias("named"),
                  pl.col("programme_en").drop_nulls().first().alias("programme_en_named"))
             if period.enterprises.height else
             pl.DataFrame(schema={**{k: pl.String for k in keys}, "named": pl.UInt32,
                                  "programme_en_named": pl.String}))
    joined = tiers.join(named, on=keys, how="full", coalesce=True, nulls_equal=True)
    return (joined.with_columns(
                pl.coalesce("programme_en", "programme_en_named").alias("programme_en"),
                pl.col("named").fill_null(0).cast(pl.Int64))
            .drop("programme_en_named")
            .sort("programme", "level", "status", nulls_last=True))


INVEST_UNITS_IN_YI = {"亿元": 1.0, "万元": 1e-4, "元": 1e-8}


def project_totals(projects: pl.DataFrame) -> tuple[float, float, str]:
    """Sum of planned and completed investment of the rows shown, in 亿元.

    Rows in 万元 or 元 are converted; rows in a unit econdash does not know are left
    out of the sums and the unit is named in the label, so nothing is silently mixed.
    """
    if projects.height == 0:
        return 0.0, 0.0, "亿元"
    unit = pl.col("invest_unit").fill_null("亿元")
    factor = unit.replace_strict(INVEST_UNITS_IN_YI, default=None, return_dtype=pl.Float64)
    known = projects.filter(factor.is_not_null())
    sums = known.select((pl.col("planned_invest") * factor).sum(),
                        (pl.col("completed_invest") * factor).sum()).row(0)
    others = projects.filter(factor.is_null()).get_column("invest_unit").unique().sort().to_list()
    label = "亿元" + "".join(f" + {u}" for u in others)
    return float(sums[0] or 0.0), float(sums[1] or 0.0), label


def distinct_values(frame: pl.DataFrame, column: str, limit: int = 200) -> list[str]:
    """Distinct non-null values of a column, sorted, for a filter list."""
    if column not in frame.columns or frame.height == 0:
        return []
    values = frame.get_column(column).drop_nulls().cast(pl.String).unique().sort()
    return values.head(limit).to_list()


def enterprise_honours(enterprises: pl.DataFrame, name: str) -> pl.DataFrame:
    """Every honour row of one enterprise."""
    return enterprises.filter(pl.col("enterprise") == name)


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

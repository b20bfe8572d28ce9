"""The tables and lists the sections show, computed from one period as polars frames
or small lists.

Textual-free; everything a screen shows is computed here, so it can be tested
without an app.
"""

from __future__ import annotations

import polars as pl

from econdash.core.model.dataset import Indicator, PeriodData


def categories(period: PeriodData) -> list[str]:
    """Indicator categories in report order."""
    return list(dict.fromkeys(i.category for i in period.indicators))


def growth_categories(period: PeriodData) -> list[str]:
    """Categories with at least one growth rate, in report order: the ones the Growth
    section can draw. A single rate is still drawn (as one bar): leaving it out would
    hide that figure from the section, and a period whose only rate it is would say it
    has no growth figures at all."""
    with_growth = {i.category for i in period.indicators if i.yoy_pct is not None}
    return [c for c in categories(period) if c in with_growth]


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

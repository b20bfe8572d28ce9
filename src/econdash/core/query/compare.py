"""Comparing two periods: values, change, growth in percentage points, ranks,
and which enterprises hold honours in the later period that they did not before.

Honest about spans (docs/time.md): a value change between different spans (1-6月
against 1-9月) is no growth, so `change_pct` is given only for like spans (the same
months); the growth change in 个百分点 compares rates and is always given. The
like-for-like comparison, the same span a year earlier, is offered where the
dataset holds it (`year_earlier`).

Textual-free; the compare screen only displays these frames.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from econdash.core.model.dataset import Dataset, PeriodData

HONOUR_KEYS = ["enterprise", "programme", "level", "status"]


def comparable_periods(dataset: Dataset | None) -> tuple[PeriodData, ...]:
    """The periods a comparison chooses from: drafts stay out until they are accepted."""
    return tuple(p for p in dataset.periods if not p.is_draft) if dataset else ()


def _indicator_rows(period: PeriodData, suffix: str, lang: str) -> pl.DataFrame:
    return pl.DataFrame(
        [{"id": i.id, f"name{suffix}": i.display_name(lang), f"category{suffix}": i.category,
          f"unit{suffix}": i.unit, f"value{suffix}": i.value, f"yoy{suffix}": i.yoy_pct,
          f"rank{suffix}": i.rank, f"span{suffix}": i.span.label(lang),
          f"months{suffix}": f"{i.span.first_month}-{i.span.last_month}"}
         for i in period.indicators],
        schema={"id": pl.String, f"name{suffix}": pl.String, f"category{suffix}": pl.String,
                f"unit{suffix}": pl.String, f"value{suffix}": pl.Float64,
                f"yoy{suffix}": pl.Float64, f"rank{suffix}": pl.Int64,
                f"span{suffix}": pl.String, f"months{suffix}": pl.String},
    ).unique("id", keep="first", maintain_order=True)


def compare_indicators(a: PeriodData, b: PeriodData, lang: str) -> pl.DataFrame:
    """One row per indicator in either period: both values, change, pp, rank change.

    `change_pct` only where both figures cover the same months (`like_span`): between
    1-6月 and 1-9月 a value change is no growth. `rank_change` is positive when the
    rank improved (a smaller number is better).
    """
    joined = _indicator_rows(a, "_a", lang).join(
        _indicator_rows(b, "_b", lang), on="id", how="full", coalesce=True, maintain_order="left_right")
    return joined.select(
        "id",
        pl.coalesce("name_b", "name_a").alias("name"),
        pl.coalesce("category_b", "category_a").alias("category"),
        pl.coalesce("unit_b", "unit_a").alias("unit"),
        "value_a", "value_b",
        (pl.col("value_b") - pl.col("value_a")).alias("change"),
        pl.when((pl.col("value_a") != 0) & (pl.col("months_a") == pl.col("months_b")))
        .then((pl.col("value_b") / pl.col("value_a") - 1) * 100).alias("change_pct"),
        "yoy_a", "yoy_b",
        (pl.col("yoy_b") - pl.col("yoy_a")).alias("yoy_pp"),
        "rank_a", "rank_b",
        (pl.col("rank_a") - pl.col("rank_b")).alias("rank_change"),
        "span_a", "span_b",
        (pl.col("months_a") == pl.col("months_b")).alias("like_span"),
    )


def spans_differ(frame: pl.DataFrame) -> bool:
    """Whether some indicator in both periods covers different months in each."""
    return frame.height > 0 and bool((~frame.get_column("like_span")).any())


def year_earlier(periods: Sequence[PeriodData], index: int) -> int | None:
    """The index of the period covering the same months a year before `periods[index]`
    (the like-for-like comparison), or None when the dataset does not hold it."""
    span = periods[index].period
    return next((i for i, p in enumerate(periods)
                 if (p.period.year, p.period.first_month, p.period.last_month)
                 == (span.year - 1, span.first_month, span.last_month)), None)


EXPORT_DECIMALS = 2
"""The screen shows at most two decimals (fmt_number, fmt_signed): so does the export."""


def compare_export(frame: pl.DataFrame, columns: Sequence[str]) -> pl.DataFrame:
    """The comparison as the screen shows it: its columns, numbers rounded as shown."""
    return frame.select(columns).with_columns(
        pl.col(pl.Float64).round(EXPORT_DECIMALS))


def new_honours(a: PeriodData, b: PeriodData) -> pl.DataFrame:
    """Honour rows in `b` that `a` does not have (same enterprise, programme, level, status)."""
    if b.enterprises.height == 0:
        return b.enterprises
    if a.enterprises.height == 0:
        return b.enterprises
    return b.enterprises.join(a.enterprises.select(HONOUR_KEYS).unique(), on=HONOUR_KEYS,
                              how="anti", nulls_equal=True)

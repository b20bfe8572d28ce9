"""A roster's summary: its honour ladder and the choices of its filters.

The ladder reads as the bureau's honour system does: the programmes of one ladder in
the order firms climb it (创新型中小企业 → 专精特新中小企业 → 专精特新“小巨人” → 重点
“小巨人”; then 单项冠军 and 隐形冠军; then 绿色工厂), the other programmes after them by
their highest level, and within a programme its rungs by level (国家级, 省级, 市级,
区级) and status (认定 before 培育 before 申报 …), not by code point.

A million-row roster takes a few tenths of a second to summarise, so the data
source summarises the newest period's roster as soon as it is on screen, before
section 5 is opened, and the section asks for it in a worker; the summary is kept
per roster (held weakly, so a roster replaced by a reload is freed) and language.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

import polars as pl

from econdash.core.model.dataset import PeriodData
from econdash.core.query.tables import distinct_values, tier_ladder

SUMMARY_INLINE_ROWS = 50_000
"""Rosters up to this many rows are summarised at once; bigger ones in a worker."""
ROSTER_FILTERS = ("programme", "level", "town", "industry")
"""The roster's filter columns, in the order the section shows them."""


@dataclass(frozen=True)
class RosterSummary:
    """The honour ladder and the filter choices of a roster (slow at a million rows)."""

    ladder: pl.DataFrame
    choices: dict[str, list]


_SUMMARIES: dict[tuple[int, str], tuple[weakref.ref[pl.DataFrame], RosterSummary]] = {}
_SUMMARIES_LOCK = threading.Lock()  # also held while computing: one summary at a time


LEVEL_ORDER = ("国家级", "省级", "市级", "区级")
"""Levels from the highest; 县级 ranks with 区级, unknown levels after them."""
STATUS_ORDER = ("认定", "入选", "授牌", "奖励", "培育", "入库", "创建", "申报", "参与", "办理")
"""Statuses from the furthest along; others after them by name."""
PROGRAMME_LADDERS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("重点", "小巨人"), 4), (("小巨人",), 3), (("专精特新",), 2), (("创新型中小企业",), 1),
    (("单项冠军",), 10), (("隐形冠军",), 11),
    (("绿色", "工厂"), 20),
)
"""(every text the programme's name contains, its place): the first match wins, so the
more specific names come first. Programmes matching none come after, at OTHER_PLACE."""
OTHER_PLACE = 100


def _rank(column: str, order: tuple[str, ...], aliases: dict[str, int] | None = None) -> pl.Expr:
    """Position of the column's value in `order` (unknown values and nulls after)."""
    mapping = {value: index for index, value in enumerate(order)} | (aliases or {})
    return pl.col(column).replace_strict(mapping, default=len(order), return_dtype=pl.Int32)


def programme_place(column: str = "programme") -> pl.Expr:
    """Where a programme sits among the ladders (see PROGRAMME_LADDERS)."""
    name = pl.col(column).fill_null("")
    place = pl.lit(OTHER_PLACE, dtype=pl.Int32)
    for parts, rank in reversed(PROGRAMME_LADDERS):  # built inside out: first match wins
        matches = pl.all_horizontal(name.str.contains(part, literal=True) for part in parts)
        place = pl.when(matches).then(pl.lit(rank, dtype=pl.Int32)).otherwise(place)
    return place


def ladder_order(ladder: pl.DataFrame) -> pl.DataFrame:
    """The ladder's rows in the honour system's order (see the module's docstring)."""
    level = _rank("level", LEVEL_ORDER, {"县级": LEVEL_ORDER.index("区级")})
    keys = {"__place": programme_place(), "__level": level,
            "__status": _rank("status", STATUS_ORDER)}
    return (ladder.with_columns(**keys)
            .with_columns(pl.col("__level").min().over("programme").alias("__best"))
            .sort(["__place", "__best", "programme", "__level", "__status", "status"],
                  nulls_last=True, maintain_order=True)
            .drop(*keys, "__best"))


def programme_options(enterprises: pl.DataFrame, ladder: pl.DataFrame, lang: str,
                      limit: int = 200) -> list[tuple[str, str]]:
    """(label, programme) choices: every programme of the roster and of the ladder."""
    columns = ["programme", "programme_en"]
    both = pl.concat([enterprises.select(columns).cast(pl.String),
                      ladder.select(columns).cast(pl.String)])
    both = (both.filter(pl.col("programme").is_not_null())
            .group_by("programme").agg(pl.col("programme_en").drop_nulls().first())
            .sort("programme").head(limit))
    return [((english if lang == "en" and english else programme), programme)
            for programme, english in both.iter_rows()]


def cached_roster_summary(period: PeriodData, lang: str) -> RosterSummary | None:
    """The summary if it was computed already (never waits)."""
    hit = _SUMMARIES.get((id(period.enterprises), lang))
    # `is`: an id can be reused by another roster after a reload.
    return hit[1] if hit is not None and hit[0]() is period.enterprises else None


def roster_summary(period: PeriodData, lang: str) -> RosterSummary:
    """Ladder and filter choices of a roster, cached per roster and language; a second
    caller waits for the first's result."""
    with _SUMMARIES_LOCK:
        hit = cached_roster_summary(period, lang)
        if hit is not None:
            return hit
        roster = period.enterprises
        ladder = ladder_order(tier_ladder(period))
        choices: dict[str, list] = {"programme": programme_options(roster, ladder, lang)}
        for column in ROSTER_FILTERS[1:]:
            choices[column] = distinct_values(roster, column)
        summary = RosterSummary(ladder, choices)
        for key in [key for key, (held, _) in _SUMMARIES.items() if held() is None]:
            del _SUMMARIES[key]
        _SUMMARIES[(id(roster), lang)] = (weakref.ref(roster), summary)
        return summary

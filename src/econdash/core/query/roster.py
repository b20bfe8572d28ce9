"""A roster's summary: its honour ladder and the choices of its filters.

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
        ladder = tier_ladder(period)
        choices: dict[str, list] = {"programme": programme_options(roster, ladder, lang)}
        for column in ROSTER_FILTERS[1:]:
            choices[column] = distinct_values(roster, column)
        summary = RosterSummary(ladder, choices)
        for key in [key for key, (held, _) in _SUMMARIES.items() if held() is None]:
            del _SUMMARIES[key]
        _SUMMARIES[(id(roster), lang)] = (weakref.ref(roster), summary)
        return summary

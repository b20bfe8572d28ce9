"""The report.toml `econdash new-period` writes: a draft that keeps what the last period
knew, with every figure left empty for a person (or `import --period`) to fill in.

Each indicator keeps its id, names, unit, category, parent, headline mark, rank scope,
note and its span pattern: a figure that lagged the report (1-5月 in a 1-6月 report) is
proposed with the same lag (1-8月 in a 1-9月 report). Each honour tier keeps its
programme, level, status and note with its count empty. The period is a draft
(`status = "draft"`), so the dashboard marks it and does not open on it while a final
period exists, and `check` names every figure still empty.
"""

from __future__ import annotations

import tomlkit

from econdash.core.model.dataset import Indicator, PeriodData, Tier
from econdash.core.model.period import Period

EMPTY = ""  # (a missing value the loader reads as None: "" in TOML)


def period_template(period: Period, latest: PeriodData | None) -> str:
    """report.toml text of a draft for `period`: its span and label, `latest`'s region,
    and each of `latest`'s indicators and tiers with their figures left empty."""
    document: dict = {"period": {"year": period.year,
                                 "months": [period.first_month, period.last_month],
                                 "label": period.label_zh, "status": "draft"}}
    if latest is not None and latest.region:
        document["period"]["region"] = latest.region
    indicators = [_indicator(ind, period, latest) for ind in latest.indicators] if latest else []
    if indicators:
        document["indicator"] = indicators
    tiers = [_tier(tier) for tier in latest.tiers] if latest else []
    if tiers:
        document["tier"] = tiers
    source = f" from {latest.id}" if latest else ""
    header = (f"# {period.label_zh} ({period.id}): a draft written by econdash new-period{source}.\n"
              "# Fill in value, yoy_pct, rank and each tier's count (\"\" means missing), or\n"
              "# remove what this report does not give; then review it in the dashboard (key r)\n"
              "# or delete the status line to make the period final.\n\n")
    return header + tomlkit.dumps(document)


def _indicator(ind: Indicator, period: Period, latest: PeriodData) -> dict:
    entry: dict = {"id": ind.id, "name": ind.name}
    if ind.name_en:
        entry["name_en"] = ind.name_en
    entry["category"] = ind.category
    entry["value"] = EMPTY
    if ind.unit:
        entry["unit"] = ind.unit
    entry["yoy_pct"] = EMPTY
    months = carried_span(ind.span, latest.period, period)
    if months is not None:
        entry["months"] = list(months)
    if ind.rank is not None or ind.rank_scope:
        entry["rank"] = EMPTY
    if ind.rank_scope:
        entry["rank_scope"] = ind.rank_scope
    if ind.target is not None and period.year == latest.period.year:
        # (a target is for the year: the next report of the same year has the same one)
        entry["target"] = ind.target
        if ind.target_of != "yoy_pct":
            entry["target_of"] = ind.target_of
    if ind.parent:
        entry["parent"] = ind.parent
    if ind.note:
        entry["note"] = ind.note
    if ind.headline:
        entry["headline"] = True
    return entry


def carried_span(span: Period, old: Period, new: Period) -> tuple[int, int] | None:
    """A figure's own months in the new report, as they stood to the old one's: None when
    it covered the whole report (it will again), else the same lag behind the report's
    last month (cumulative figures still start in January). None too when the lag does
    not fit the new report (a 1-3月 figure in a 1-6月 report, asked for a 1-2月 one)."""
    if (span.first_month, span.last_month) == (old.first_month, old.last_month):
        return None
    shift = new.last_month - old.last_month
    first = 1 if span.first_month == 1 else span.first_month + shift
    last = span.last_month + shift
    if not 1 <= first <= last <= 12 or (first, last) == (new.first_month, new.last_month):
        return None
    return first, last


def _tier(tier: Tier) -> dict:
    entry: dict = {"programme": tier.programme}
    if tier.programme_en:
        entry["programme_en"] = tier.programme_en
    if tier.level:
        entry["level"] = tier.level
    if tier.status:
        entry["status"] = tier.status
    entry["count"] = EMPTY
    if tier.note:
        entry["note"] = tier.note
    return entry

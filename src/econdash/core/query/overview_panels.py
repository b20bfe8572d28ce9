"""The overview's panels from a period's figures: cluster growth, honour counts, what
needs attention, and each headline card's rank change.

Pure and polars-free (plain dataclasses in, plain dataclasses out): the overview
drawn from a one-period report before polars is imported (`query.quick_overview`) and the
overview of a loaded dataset (`query.overview`) build them with the same functions,
so the two agree and the first frame is kept when the load arrives.
"""

from __future__ import annotations

from collections.abc import Sequence

from econdash.core.model.dataset import Indicator, Tier
from econdash.core.model.overview import Attention, Card, HonourRow
from econdash.core.model.period import Period
from econdash.core.model.series import SeriesPoint
from econdash.core.query.trend import default_trend

GROWTH_CATEGORY = "产业集群"
"""The category the growth panel shows when a period has it (the report's clusters)."""
MAX_PROBLEMS = 20
"""Problems kept in the overview (the problems screen, key !, lists all of them)."""


def growth_panel(indicators: Sequence[Indicator]) -> tuple[str | None, tuple[Indicator, ...]]:
    """The category whose growth rates the overview draws as bars, and those rates,
    fastest first: 产业集群 when the period has rates of it, else the category with
    the most rates (report order breaks ties)."""
    counts: dict[str, int] = {}
    for ind in indicators:
        if ind.yoy_pct is not None:
            counts[ind.category] = counts.get(ind.category, 0) + 1
    if not counts:
        return None, ()
    category = GROWTH_CATEGORY if GROWTH_CATEGORY in counts else max(counts, key=counts.get)  # type: ignore[arg-type]
    rates = [i for i in indicators if i.category == category and i.yoy_pct is not None]
    return category, tuple(sorted(rates, key=lambda i: -i.yoy_pct))  # type: ignore[operator]


def honour_rows(tiers: Sequence[Tier], previous: Sequence[Tier] | None) -> tuple[HonourRow, ...]:
    """Reported counts per programme and level (statuses summed, report order), with the
    previous period's sum; `previous` None (no earlier period, or it reports no honours)
    leaves the change unknown rather than claiming every honour is new."""
    before: dict[tuple[str, str | None], int] | None = None
    if previous:
        before = {}
        for tier in previous:
            key = (tier.programme, tier.level)
            before[key] = before.get(key, 0) + (tier.count or 0)  # None: a draft's blank
    rows: dict[tuple[str, str | None], list[Tier]] = {}
    for tier in tiers:
        rows.setdefault((tier.programme, tier.level), []).append(tier)
    return tuple(
        HonourRow(programme=programme, programme_en=group[0].programme_en, level=level,
                  count=sum(t.count or 0 for t in group),
                  previous=None if before is None else before.get((programme, level), 0),
                  statuses=tuple((t.status or "", t.count or 0) for t in group))
        for (programme, level), group in rows.items())


def target_at_risk(ind: Indicator) -> tuple[float, float] | None:
    """(actual, expected by now) when the figure is behind its target, else None.

    A growth target is met or not by the growth itself; a value target of a cumulative
    figure in a unit that adds up is expected pro rata to the months covered (5/12 of
    it by May); a rate or share (unit %) is compared with the target as it is."""
    if ind.target is None:
        return None
    if ind.target_of == "value":
        actual = ind.value
        share = ind.span.last_month / 12
        pro_rata = ind.span.kind == "cumulative" and not (ind.unit or "").startswith("%")
        expected = ind.target * share if pro_rata else ind.target
    else:
        actual, expected = ind.yoy_pct, ind.target
    if actual is None or actual >= expected:
        return None
    return actual, expected


def card_growth(card: Card) -> tuple[float | None, float | None, bool]:
    """A headline figure's growth now and at the point before on its trend line, and
    whether they were computed: as reported, else (no growth stated) the growth its
    cumulative-growth line computes from the same span a year earlier."""
    trend = default_trend(card.points, card.indicator.span)
    index = trend.current if trend is not None and trend.is_growth else None
    if index is None:
        return card.indicator.yoy_pct, None, False
    now = trend.points[index]  # type: ignore[union-attr]
    before = trend.points[index - 1].value if index > 0 else None  # type: ignore[union-attr]
    if card.indicator.yoy_pct is not None:
        return card.indicator.yoy_pct, before, False
    return now.value, before, now.computed


def attention_items(indicators: Sequence[Indicator], previous: Sequence[Indicator] | None,
                    cards: Sequence[Card] = ()) -> tuple[Attention, ...]:
    """Targets at risk, negative growth, growth lower than before, and ranks that
    dropped, each worst first. `previous`: the period before's figures; `cards`: the
    headline figures, whose trend lines also tell falling growth (across years, or
    computed where the report states none)."""
    before = {i.id: i for i in previous or ()}
    risks, negative, falling, drops = [], [], [], []
    for ind in indicators:
        risk = target_at_risk(ind)
        if risk is not None:
            risks.append((risk[0] - risk[1], _item("target_risk", ind, *risk)))
        if ind.yoy_pct is not None and ind.yoy_pct < 0:
            negative.append((ind.yoy_pct, _item("negative", ind, ind.yoy_pct, None)))
        old = before.get(ind.id)
        if old is None:
            continue
        if ind.yoy_pct is not None and old.yoy_pct is not None and ind.yoy_pct < old.yoy_pct:
            falling.append((ind.yoy_pct - old.yoy_pct,
                            _item("falling", ind, ind.yoy_pct, old.yoy_pct)))
        if ind.rank is not None and old.rank is not None and ind.rank > old.rank \
                and ind.rank_scope == old.rank_scope:
            drops.append((old.rank - ind.rank, _item("rank_drop", ind, ind.rank, old.rank)))
    flagged = {item.key for _, item in falling + negative}
    for card in cards:
        now, earlier, computed = card_growth(card)
        ind = card.indicator
        if ind.id in flagged or now is None or earlier is None:
            continue
        if now < 0:
            negative.append((now, _item("negative", ind, now, None, computed)))
        elif now < earlier:
            falling.append((now - earlier, _item("falling", ind, now, earlier, computed)))
    found: list[Attention] = []
    for group in (risks, negative, falling, drops):
        found += [item for _, item in sorted(group, key=lambda pair: pair[0])]
    return tuple(found)


def _item(kind: str, ind: Indicator, now: float | None, before: float | None,
          computed: bool = False) -> Attention:
    return Attention(kind, ind.id, ind.name, ind.name_en, now, before,  # type: ignore[arg-type]
                     computed)


def problem_items(problems: Sequence[object]) -> tuple[tuple[Attention, ...], int]:
    """The first problems (`errors.Problem`) as attention rows, errors first, and how
    many there are in all."""
    ordered = sorted(problems, key=lambda p: getattr(p, "severity", "") != "error")
    items = tuple(Attention("problem", getattr(p, "location", ""), getattr(p, "message", ""),
                            None) for p in ordered[:MAX_PROBLEMS])
    return items, len(problems)


def previous_rank(points: Sequence[SeriesPoint], span: Period) -> int | None:
    """The rank of the latest observation before `span` that has one (the card's rank
    change since the previous period), else None."""
    def order(p: Period) -> tuple[int, int, int]:
        return (p.year, p.last_month, p.first_month)
    earlier = [p for p in points if p.rank is not None and order(p.span) < order(span)]
    return max(earlier, key=lambda p: order(p.span)).rank if earlier else None

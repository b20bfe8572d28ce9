"""The period brief: a few lines of Markdown that head an exported indicators table.

The period's title, region and source, each headline figure with its growth and rank,
and the fastest and slowest growers. Its words come from `econdash.core.i18n`, in
Chinese or English like the rest of the interface. Polars-free.
"""

from __future__ import annotations

from econdash.core.formatting import fmt_number, fmt_pct_compact
from econdash.core.i18n import tr
from econdash.core.model.dataset import Indicator, PeriodData, headline_indicators

MOVERS = 3
"""How many of the fastest and of the slowest growers the brief names."""


def period_brief(period: PeriodData, lang: str = "zh") -> str:
    """A short Markdown brief: headline figures with growth and rank, largest movers."""
    lines = [f"**{period.title(lang)}**" + (f" · {period.region}" if period.region else "")]
    if period.source:
        lines.append(tr("brief.source", lang, source=period.source))
    lines.append("")
    lines += [headline_line(ind, period, lang) for ind in headline_indicators(period.indicators)]
    growth = sorted((i for i in period.indicators if i.yoy_pct is not None),
                    key=lambda i: i.yoy_pct)  # type: ignore[arg-type, return-value]
    if len(growth) >= 2:
        lines += ["", tr("brief.fastest", lang, names=_movers(growth[::-1], lang)),
                  tr("brief.slowest", lang, names=_movers(growth, lang))]
    return "\n".join(lines)


def headline_line(ind: Indicator, period: PeriodData, lang: str) -> str:
    """One headline figure with what the report gives of it:
    '- 规上工业增加值 171.7亿元 同比+7% 全市第3 (1-5月)'."""
    parts = [f"- {ind.display_name(lang)}"]
    if ind.value is not None:
        parts.append(f"{fmt_number(ind.value)}{ind.unit or ''}")
    if ind.yoy_pct is not None:
        parts.append(tr("brief.yoy", lang, pct=fmt_pct_compact(ind.yoy_pct)))
    if ind.rank is not None:
        parts.append(tr("brief.rank", lang, scope=ind.rank_scope or "", rank=ind.rank))
    if ind.span != period.period:
        parts.append(f"({ind.span.span(lang)})")
    return " ".join(parts)


def _movers(indicators: list[Indicator], lang: str) -> str:
    """The first MOVERS indicators with their growth: 'A +9.1%, B +8%'."""
    return ", ".join(
        f"{i.display_name(lang)} {fmt_pct_compact(i.yoy_pct)}"  # type: ignore[arg-type]
        for i in indicators[:MOVERS])

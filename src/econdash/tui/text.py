"""Formatting figures for the screen: numbers, growth with arrows, ranks, spans.

Pure functions returning text or Rich `Text`, tested without an app. Only
unambiguous-width symbols are used (▲ ▼ are East-Asian ambiguous in some
fonts, so growth is also coloured and signed).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from econdash.core.formatting import fmt_number
from econdash.core.i18n import tr
from econdash.core.model.dataset import Indicator
from econdash.core.model.period import Period
from econdash.core.safetext import visible
from econdash.core.terms import term

UP, DOWN = "▲", "▼"


def literal(text: object, style: str = "", multiline: bool = False) -> Text:
    """Text from the data, a file name or the user's typing, shown exactly as written:
    never read as markup, control characters visible (see `econdash.core.safetext`).

    Every such string reaches a widget through this (or `toast`): a plain `str` given
    to Static, Select, Tree or the palette is parsed as markup, and "[/]" in a name
    would crash the app.
    """
    return Text(visible(text, multiline=multiline), style=style)


def toast(node: Any, message: str, *, severity: str = "information",
          timeout: float | None = None) -> None:
    """A notification whose text is shown as written (it quotes data and file names)."""
    node.app.notify(visible(message, multiline=True), severity=severity,
                    timeout=timeout, markup=False)


def fmt_growth(yoy_pct: float | None) -> Text:
    """'▲ 8.6%' in green, '▼ 1.2%' in red, '0%' plain, '' when missing."""
    if yoy_pct is None:
        return Text("")
    if yoy_pct > 0:
        return Text(f"{UP} +{fmt_number(yoy_pct)}%", style="bold green")
    if yoy_pct < 0:
        return Text(f"{DOWN} {fmt_number(yoy_pct)}%", style="bold red")
    return Text("0%", style="bold")


def growth_style(yoy_pct: float | None) -> str:
    """Rich style for a growth value by its sign."""
    if yoy_pct is None or yoy_pct == 0:
        return ""
    return "green" if yoy_pct > 0 else "red"


def fmt_rank(indicator: Indicator, lang: str) -> str:
    """'全市第3' / '#3 in 全市'; '' without a rank."""
    if indicator.rank is None:
        return ""
    scope = term(indicator.rank_scope, "scope", lang)
    if lang == "en":
        return f"#{indicator.rank} in {scope}" if indicator.rank_scope else f"#{indicator.rank}"
    return tr("rank_fmt", lang, scope=scope, rank=indicator.rank)


def own_span(indicator: Indicator, period: Period, lang: str) -> str:
    """The figure's own span when it differs from the period's: '1-5月'."""
    return "" if indicator.span == period else indicator.span.span(lang)


def target_progress(indicator: Indicator) -> float | None:
    """Share of the target reached (0..), or None without a target."""
    if indicator.target in (None, 0):
        return None
    actual = indicator.value if indicator.target_of == "value" else indicator.yoy_pct
    if actual is None:
        return None
    return actual / indicator.target


def bar(fraction: float, width: int) -> str:
    """A horizontal bar of `width` cells filled to `fraction` (clamped to 0..1)."""
    blocks = " ▏▎▍▌▋▊▉█"
    fraction = min(max(fraction, 0.0), 1.0)
    eighths = round(fraction * width * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (blocks[part] if part and full < width else "")
    return text.ljust(width)

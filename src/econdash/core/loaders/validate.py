"""Checks across a period and across periods that warn but never stop loading.

Parts that do not add up to their `parent`, ranks below 1 or above 1000, growth
below -100 % or above 1000 %, duplicate ids in one period, and units that change
between periods.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from econdash.core.errors import Problem
from econdash.core.model.dataset import Indicator, PeriodData

# A rank is a place among the districts of a city (about 10), the counties of a province
# (up to about 180) or a national list (the 百强/千强 lists go to 1000): a rank above
# 1000 is more likely a figure typed into the wrong key than a place.
MAX_RANK = 1000
# Growth of more than 1000 % (eleven times last year's figure) happens to a new
# programme's tiny base, but far more often it is a value typed into yoy_pct.
MAX_GROWTH = 1000


def period_warnings(indicators: Iterable[Indicator], shown: str) -> list[Problem]:
    """Warnings about one report's indicators."""
    indicators = list(indicators)
    problems: list[Problem] = []
    seen: dict[str, Indicator] = {}
    for ind in indicators:
        if ind.id in seen:
            problems.append(_warn(shown, ind, f"indicator id {ind.id!r} is used again "
                                  f"(first at line {seen[ind.id].line})"))
        seen.setdefault(ind.id, ind)
        if ind.rank is not None and ind.rank < 1:
            problems.append(_warn(shown, ind, f"indicator {ind.id!r}: rank {ind.rank} is below 1"))
        elif ind.rank is not None and ind.rank > MAX_RANK:
            problems.append(_warn(shown, ind, f"indicator {ind.id!r}: rank {ind.rank} is above "
                                  f"{MAX_RANK}; is it another figure written as the rank?"))
        if ind.yoy_pct is not None and ind.yoy_pct < -100:
            problems.append(_warn(shown, ind, f"indicator {ind.id!r}: growth {ind.yoy_pct:g}% is "
                                  "below -100%, which no figure can fall by"))
        elif ind.yoy_pct is not None and ind.yoy_pct > MAX_GROWTH:
            problems.append(_warn(shown, ind, f"indicator {ind.id!r}: growth {ind.yoy_pct:g}% is "
                                  f"above {MAX_GROWTH:g}%; is this a value written as growth?"))
    problems.extend(_parent_sums(indicators, seen, shown))
    return problems


def _parent_sums(indicators: list[Indicator], by_id: dict[str, Indicator],
                 shown: str) -> list[Problem]:
    parts: dict[str, list[Indicator]] = defaultdict(list)
    for ind in indicators:
        if ind.parent:
            parts[ind.parent].append(ind)
    problems = []
    for parent_id, children in parts.items():
        parent = by_id.get(parent_id)
        if parent is None:
            problems.append(_warn(shown, children[0], f"indicator {children[0].id!r}: parent "
                                  f"{parent_id!r} is not an indicator of this report"))
            continue
        values = [c.value for c in children]
        if parent.value is None or any(v is None for v in values):
            continue
        total = sum(values)  # type: ignore[arg-type]
        if abs(total - parent.value) > _tolerance([parent.value, *values]):  # type: ignore[list-item]
            listing = " + ".join(f"{c.id} {c.value:g}" for c in children)
            problems.append(_warn(shown, parent, f"parts of {parent_id!r} add up to {total:g} "
                                  f"({listing}), not its {parent.value:g}"))
    return problems


def _tolerance(numbers: list[float]) -> float:
    """Rounding slack: none for whole counts, half a last digit per number otherwise."""
    decimals = max(_decimals(n) for n in numbers)
    if decimals == 0:
        return 1e-9
    return 0.5 * 10 ** -decimals * len(numbers)


def _decimals(number: float) -> int:
    text = f"{number:.10f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def _warn(shown: str, ind: Indicator, message: str) -> Problem:
    return Problem(shown, message, "warning", line=ind.line)


def cross_period_warnings(periods: Iterable[PeriodData], shown_of) -> list[Problem]:
    """The same indicator with different units in different periods."""
    units: dict[str, dict[str, str]] = defaultdict(dict)
    for period in periods:
        for ind in period.indicators:
            if ind.unit:
                units[ind.id].setdefault(ind.unit, shown_of(period))
    return [
        Problem(", ".join(files.values()),
                f"indicator {ind_id!r} has different units in different periods: "
                + ", ".join(f"{unit!r} in {file}" for unit, file in files.items())
                + " (its series would mix them)", "warning")
        for ind_id, files in units.items() if len(files) > 1
    ]

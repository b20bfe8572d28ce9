"""Draft periods: what is still to be filled in before a draft can become final.

A draft (report.toml `[period] status = "draft"`) is what `econdash extract` proposes
or `econdash new-period` prepares. `check` names every figure it leaves empty, as a
warning (an error with --strict), so a template is never taken for a report.
Polars-free.
"""

from __future__ import annotations

from pathlib import Path

from econdash.core.errors import Problem, display_path
from econdash.core.loaders.meta import REPORT
from econdash.core.model.dataset import Dataset, PeriodData


def empty_figures(period: PeriodData, root: Path | None = None) -> list[Problem]:
    """One warning per figure a draft period leaves empty (no value and no growth) and per
    honour tier without a count; nothing for a final period."""
    if not period.is_draft:
        return []
    shown = display_path(period.folder / REPORT, root)
    problems = [
        Problem(shown, f"draft {period.id}: indicator {ind.id!r} ({ind.name}) has no value "
                "and no yoy_pct yet; fill them in or remove the indicator", "warning",
                line=ind.line)
        for ind in period.indicators if ind.value is None and ind.yoy_pct is None]
    problems.extend(
        Problem(shown, f"draft {period.id}: tier {_tier_name(t)} has no count yet", "warning")
        for t in period.tiers if t.count is None)
    return problems


def draft_problems(dataset: Dataset) -> list[Problem]:
    """`empty_figures` of every draft period of the dataset."""
    return [p for period in dataset.periods for p in empty_figures(period, dataset.root)]


def _tier_name(tier) -> str:
    return " ".join(part for part in (tier.programme, tier.level, tier.status) if part)

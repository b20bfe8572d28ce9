"""The overview of a one-period dataset, read straight from its report.toml.

For a start without a snapshot (see `econdash.core.startup`): tomllib and the report
loader only, so the first frame is drawn before polars is imported. Polars-free at
import; the loaders it needs are imported when it runs.
"""

from __future__ import annotations

from pathlib import Path

from econdash.core.model.dataset import headline_indicators
from econdash.core.model.overview import Card, OverviewData
from econdash.core.model.period import Period
from econdash.core.model.series import SeriesPoint


def quick_overview(root: Path) -> OverviewData | None:
    """The overview of a one-period dataset, read from its report.toml (tomllib;
    polars is not imported for plain numbers).

    It equals what the full load's `overview_data` gives, except what needs the CSV files
    (projects, problems `check` finds in them: None until the load), so the cards are
    kept when the load arrives. None (show the loading indicator instead) for anything else: several
    periods or series files (their trend lines need the full load), or a report with errors.
    """
    try:
        return _quick_overview(root)
    except Exception:  # noqa: BLE001 - the full load reports whatever is wrong
        return None


def _quick_overview(root: Path) -> OverviewData | None:
    from econdash.core.errors import Problem
    from econdash.core.loaders.meta import (
        REPORT,
        dataset_children,
        holds_report,
        load_meta,
        series_files,
    )
    from econdash.core.loaders.report import load_report
    from econdash.core.loaders.text import link_problem
    problems: list[Problem] = []
    if (root / REPORT).is_file():
        folder, meta = root, {}
    else:
        meta = load_meta(root, problems)
        folders = [p for p in dataset_children(root) if p.is_dir() and holds_report(p, problems)]
        if len(folders) != 1 or series_files(root):
            return None
        folder = folders[0]
    if link_problem(folder / REPORT, root.resolve(), REPORT) is not None:
        return None  # a report linked from outside the dataset: the full load says so
    report = load_report(folder / REPORT, REPORT)
    problems.extend(report.problems)
    if report.period is None or any(p.severity == "error" for p in problems):
        return None
    cards = tuple(
        Card(ind, (SeriesPoint(Period(ind.span.year, ind.span.first_month, ind.span.last_month),
                               ind.value, ind.yoy_pct, ind.rank),))
        for ind in headline_indicators(report.indicators))
    from econdash.core.query.overview_panels import attention_items, growth_panel, honour_rows
    category, growth = growth_panel(report.indicators)
    return OverviewData(
        period=report.period, label=report.label, region=report.region, source=report.source,
        published=report.published, position=1, count=1, dataset_name=meta.get("name"),
        dataset_name_en=meta.get("name_en"), dataset_folder=root.name, cards=cards,
        growth_category=category, growth=growth, honours=honour_rows(report.tiers, None),
        attention=attention_items(report.indicators, None, cards))

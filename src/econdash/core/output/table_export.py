"""`econdash export`: one table of one period, filtered like the dashboard, to a file."""

from __future__ import annotations

from pathlib import Path


from econdash.core.errors import EcondashError
from econdash.core.output.brief import period_brief
from econdash.core.output.formats import export_frame
from econdash.core.query.filtering import compute_view, query_expr
from econdash.core.model.dataset import Dataset, PeriodData
from econdash.core.model.period import parse_period_id
from econdash.core.query.table_specs import TABLES


def pick_period(dataset: Dataset, period_id: str | None) -> PeriodData:
    """The period with this id or alias, or the latest; a clear error otherwise."""
    if not dataset.periods:
        raise EcondashError(f"{dataset.root}: no period loaded; run econdash check")
    if period_id is None:
        return dataset.periods[-1]
    try:
        wanted = parse_period_id(period_id).id
    except ValueError as exc:
        raise EcondashError(str(exc)) from None
    found = dataset.period(wanted)
    if found is None:
        have = ", ".join(p.id for p in dataset.periods)
        raise EcondashError(f"no period {wanted} in {dataset.root}; it has: {have}")
    return found


def export_table(dataset: Dataset, output: Path, *, period_id: str | None, table: str,
                 fmt: str | None, search: str = "", filters: dict[str, str] | None = None,
                 lang: str = "zh") -> list[str]:
    """Filter and write one table as its section shows it (the same search columns, see
    `core.query.table_specs`); returns the lines to print (a warning line when Excel had
    to cut cells)."""
    period = pick_period(dataset, period_id)
    spec = TABLES[table]
    frame = spec.frame(period, lang)
    try:
        predicate = query_expr(frame.schema, search, list(spec.search_columns),
                               dict(filters or {}))
    except KeyError as exc:
        raise EcondashError(f"{exc.args[0]}; the {table} table has columns: "
                            f"{', '.join(frame.columns)}") from None
    rows = compute_view(frame, predicate, None)
    brief = period_brief(period, lang) if table == "indicators" else None
    result = export_frame(rows, output, fmt, title=f"{period.title(lang)} {table}", brief=brief)
    return ([f"Wrote {rows.height} of {frame.height} {table} rows of {period.id} to {output}"]
            + [f"warning: {line}" for line in result.warnings])

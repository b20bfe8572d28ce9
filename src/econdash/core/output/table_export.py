"""`econdash export`: one table of one period, filtered like the dashboard, to a file.

Headers are the column names the dashboard shows, in the interface language
(`HEADER_KEYS`); `--filter` takes a column by that name in either language or by its
name in the data files. A filter that keeps no row is an error: an empty file would
look like a successful export.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from econdash.core.errors import EcondashError
from econdash.core.i18n import tr
from econdash.core.model.dataset import Dataset, PeriodData
from econdash.core.model.period import parse_period_id
from econdash.core.output.brief import period_brief
from econdash.core.output.formats import export_frame
from econdash.core.problem_text import message_text
from econdash.core.query.filtering import compute_view, query_expr
from econdash.core.query.table_specs import TABLES
from econdash.core.terms import english_values

HEADER_KEYS: dict[str, str] = {
    # column in the tables' frames → the interface string of its header
    "id": "indicator_id", "category": "category", "name": "name", "name_zh": "export.name_zh",
    "name_en": "name_en", "value": "value", "unit": "unit", "yoy_pct": "export.yoy_pct",
    "span": "span", "rank": "rank", "rank_scope": "export.rank_scope", "town": "town",
    "status": "status", "rating": "rating", "planned_invest": "planned",
    "completed_invest": "completed", "invest_unit": "export.invest_unit",
    "start_year": "start_year", "note": "note", "enterprise": "enterprise",
    "enterprise_en": "export.enterprise_en", "programme": "programme",
    "programme_en": "programme_en", "level": "level", "year": "year", "batch": "batch",
    "industry": "industry",
}


def header(column: str, lang: str) -> str:
    """The header of `column` in `lang` (a column econdash does not know keeps its name)."""
    key = HEADER_KEYS.get(column)
    return tr(key, lang) if key else column


def localized_headers(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """`frame` with headers in `lang`; names that would repeat keep the data's name."""
    names = [header(column, lang) for column in frame.columns]
    if len(set(names)) != len(names):
        names = [name if names.count(name) == 1 else column
                 for name, column in zip(names, frame.columns)]
    return frame.rename(dict(zip(frame.columns, names)))


def column_named(name: str, columns: list[str]) -> str | None:
    """The column a person means by `name`: its data name, or its header in Chinese or
    English (case-insensitive), or None."""
    wanted = name.strip().casefold()
    for column in columns:
        if wanted in (column.casefold(), header(column, "zh").casefold(),
                      header(column, "en").casefold()):
            return column
    return None


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


def _resolve_filters(filters: dict[str, str], frame: pl.DataFrame, table: str,
                     lang: str) -> dict[str, str]:
    resolved = {}
    for name, value in filters.items():
        column = column_named(name, frame.columns)
        if column is None:
            shown = ", ".join(header(c, lang) for c in frame.columns)
            raise EcondashError(tr("export.bad_column", lang, table=_table_word(table, lang),
                                   column=repr(name), columns=shown))
        resolved[column] = value
    return resolved


def _table_word(table: str, lang: str) -> str:
    """The table in a sentence: 项目 in Chinese, `projects` (as --table says) in English."""
    return tr(table, lang) if lang == "zh" else table


def export_table(dataset: Dataset, output: Path, *, period_id: str | None, table: str,
                 fmt: str | None, search: str = "", filters: dict[str, str] | None = None,
                 lang: str = "zh") -> list[str]:
    """Filter and write one table as its section shows it (the same search columns, see
    `core.query.table_specs`); returns the lines to print (a warning line when Excel had
    to cut cells). No matching row: an EcondashError, and no file."""
    period = pick_period(dataset, period_id)
    spec = TABLES[table]
    frame = spec.frame(period, lang)
    wanted = _resolve_filters(dict(filters or {}), frame, table, lang)
    predicate = query_expr(frame.schema, search, list(spec.search_columns), wanted)
    rows = compute_view(frame, predicate, None)
    if rows.height == 0 and (search or wanted):
        raise EcondashError(tr("export.no_rows", lang, total=frame.height,
                               table=_table_word(table, lang), period=period.id))
    brief = period_brief(period, lang) if table == "indicators" else None
    result = export_frame(localized_headers(english_values(rows, lang), lang), output, fmt,
                          title=f"{period.title(lang)} {tr(table, lang)}", brief=brief)
    return ([tr("export.wrote", lang, rows=rows.height, total=frame.height,
                table=_table_word(table, lang), period=period.id, path=output)]
            + [tr("export.warning", lang, line=message_text(line, lang))
               for line in result.warnings])

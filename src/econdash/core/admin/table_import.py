"""`econdash import FILE.xlsx|.xls|.csv --period ID`: a bureau's own table into a period.

The file is read (`table_read`), each sheet's header found and mapped (`table_parse`),
and each sheet that fits (or the one `--sheet` names) becomes what the period holds
(`table_build`): a roster → enterprises.csv, a project list → projects.csv, an
indicator table → the figures in report.toml (matched to known indicators by name).
Everything is checked before anything is written. The period folder is then rebuilt
in a staging folder (a copy of the existing one, or a new one with a report.toml for
the period), validated by the loader, and swapped in as period imports are (locked,
journaled, the old folder kept in `.backup/`). A table the period already has is
replaced only with --replace.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import polars as pl
import tomli_w

from econdash.core.admin.folders import (
    check_backup_writable,
    stage_plan,
    staging_path,
    unique_backup_path,
)
from econdash.core.admin.import_target import (
    Staged,
    backup_lines,
    existing_periods,
    locked_write,
)
from econdash.core.admin.staging import check_free_space, plan_folder
from econdash.core.admin.table_build import IndicatorRow, build_csv, build_indicators, new_indicator_id
from econdash.core.admin.table_headers import KINDS, missing_for, norm, synonyms_of
from econdash.core.admin.table_parse import Table, parse_sheet
from econdash.core.admin.table_read import Sheet, read_table_file
from econdash.core.errors import EcondashError, Problem
from econdash.core.loaders import load_dataset
from econdash.core.loaders.meta import REPORT
from econdash.core.model.dataset import PeriodData
from econdash.core.model.period import Period, parse_period_id

FILES = {"roster": "enterprises.csv", "projects": "projects.csv"}
NEW_CATEGORY = "其他"


def import_table(source: Path, target: Path, period_id: str, kind: str | None = None,
                 sheet: str | None = None, replace: bool = False) -> list[str]:
    """Read `source`, check it, and add its tables to period `period_id` of `target`."""
    try:
        period = parse_period_id(period_id)
    except ValueError as exc:
        raise EcondashError(str(exc)) from None
    shown = str(source)
    tables, lines = _tables(read_table_file(source, shown), shown, kind, sheet)

    def work() -> list[str]:
        existing = existing_periods(target)
        old = existing.get(period.id)
        known = _known_indicators(existing)
        return lines + _write(target, period, old, tables, known, shown, replace)

    return locked_write(target, "import", work)


def _tables(sheets: list[Sheet], shown: str, kind: str | None, chosen: str | None,
            ) -> tuple[list[tuple[str, Table]], list[str]]:
    """The sheets to import with their kinds, and what was skipped (lines to print)."""
    if chosen is not None:
        picked = [s for s in sheets if s.name == chosen]
        if not picked:
            names = ", ".join(repr(s.name) for s in sheets)
            raise EcondashError(f"{shown}: no sheet named {chosen!r} (its sheets: {names}); "
                                "nothing was imported")
        sheets = picked
    found: list[tuple[str, Table]] = []
    problems: list[Problem] = []
    lines: list[str] = []
    for sheet in sheets:
        if sheet.frame.height == 0:
            if len(sheets) == 1:
                problems.append(Problem(f"{shown} sheet {sheet.name!r}", "the sheet is empty"))
            continue
        parsed = parse_sheet(sheet, shown)
        if isinstance(parsed, Problem):
            if len(sheets) == 1 or chosen:
                problems.append(parsed)
            else:
                lines.append(f"  skipped {parsed}")
            continue
        use = kind or parsed.kind
        columns = {m.column for m in parsed.mapping if m.known}
        missing = missing_for(use, columns) if use else []
        if use is None or missing:
            need = missing or ["enterprise+programme", "name+category", "指标名称+value"]
            message = (f"the headers ({', '.join(m.header for m in parsed.mapping if m.header)}) "
                       f"do not make a {use or 'roster, project list or indicator table'}: "
                       f"missing {', '.join(need)}"
                       + (f" (headers meaning it: {synonyms_of(missing[0])})" if missing else ""))
            where = Problem(f"{shown} sheet {sheet.name!r}", message,
                            row=sheet.row_number(parsed.header_rows[-1]))
            if len(sheets) == 1 or chosen:
                problems.append(where)
            else:
                lines.append(f"  skipped {where}")
            continue
        found.append((use, parsed))
    if problems or not found:
        raise EcondashError(f"{shown}: no table could be imported; nothing was imported",
                            problems or [Problem(shown, "no sheet holds a roster, a project "
                                                 "list or an indicator table")])
    return found, lines


def _known_indicators(existing: dict[str, PeriodData]) -> dict[str, dict]:
    """Normalised name → the latest period's description of that indicator."""
    known: dict[str, dict] = {}
    for period in sorted(existing.values(), key=lambda p: (p.period.year, p.period.last_month)):
        for ind in period.indicators:
            known[norm(ind.name)] = {"id": ind.id, "name": ind.name, "category": ind.category,
                                     "name_en": ind.name_en, "unit": ind.unit}
    return known


def _write(target: Path, period: Period, old: PeriodData | None,
           tables: list[tuple[str, Table]], known: dict[str, dict], shown: str,
           replace: bool) -> list[str]:
    """Build the period folder in staging, validate it, and swap it in."""
    lines: list[str] = []
    problems: list[Problem] = []
    outputs: dict[str, pl.DataFrame] = {}
    figures: list[IndicatorRow] = []
    for kind, table in tables:
        lines.append(f"Sheet {table.sheet.name!r}: {kind}, header in row "
                     f"{table.sheet.row_number(table.header_rows[0])}"
                     + (f"-{table.sheet.row_number(table.header_rows[-1])}"
                        if len(table.header_rows) > 1 else "")
                     + f", {table.body.height} rows")
        if kind in FILES:
            frame, mapping, found = build_csv(table, kind, shown)
            outputs[kind] = pl.concat([outputs[kind], frame], how="diagonal_relaxed") \
                if kind in outputs else frame
        else:
            rows, mapping, found = build_indicators(
                table, {k: v["id"] for k, v in known.items()}, shown)
            figures.extend(rows)
        lines.extend(f"  {line}" for line in mapping)
        problems.extend(found)
    if problems:
        raise EcondashError(f"{shown}: {len(problems)} cell(s) cannot be imported; nothing was "
                            "imported", problems)
    _refuse_replacing(old, outputs, figures, replace, target, period)
    if old is not None:
        check_backup_writable(target)
    check_free_space(target, [], sum(int(f.estimated_size()) for f in outputs.values()))
    with Staged(target) as staged:
        folder = _staged_folder(target, old, period, staged)
        for kind, frame in outputs.items():
            (folder / FILES[kind]).unlink(missing_ok=True)
            frame.write_csv(folder / FILES[kind])
            lines.append(f"Wrote {frame.height} rows to {FILES[kind]}")
        if figures:
            lines.extend(_fill_report(folder / REPORT, figures, known, period))
        _validate(folder, shown)
        destination = old.folder if old is not None else _new_folder(target, period)
        backup = unique_backup_path(target, old.folder.name) if old is not None else None
        from econdash.core.admin.placing import make_move
        staged.moves.append(make_move(target, folder, destination, period.id, backup))
        staged.place()
    lines.append(f"Imported into {period.id} ({destination})"
                 + (f"; the old folder is kept at {backup}" if backup else ""))
    return lines + backup_lines(target, backup is not None)


def _refuse_replacing(old: PeriodData | None, outputs: dict[str, pl.DataFrame],
                      figures: list[IndicatorRow], replace: bool, target: Path,
                      period: Period) -> None:
    if old is None or replace:
        return
    taken = [FILES[kind] for kind in outputs
             if (old.enterprises if kind == "roster" else old.projects).height]
    if figures and any(i.value is not None or i.yoy_pct is not None for i in old.indicators):
        taken.append("its figures (report.toml)")
    if taken:
        raise EcondashError(f"period {period.id} in {target} already has {', '.join(taken)}; "
                            "use --replace to replace (the old folder is kept in .backup/); "
                            "nothing was imported")


def _staged_folder(target: Path, old: PeriodData | None, period: Period,
                   staged: Staged) -> Path:
    """A staging copy of the period folder, or a new one holding a report.toml."""
    if old is not None:
        problems: list[Problem] = []
        plan = plan_folder(old.folder, str(old.folder), old.folder, problems)
        if problems:
            raise EcondashError(f"{old.folder}: cannot be copied; nothing was imported",
                                problems)
        folder = stage_plan(plan, target, period.id)
    else:
        folder = staging_path(target, period.id)
        folder.mkdir()
        document = {"period": {"year": period.year,
                               "months": [period.first_month, period.last_month],
                               "label": period.label_zh}}
        (folder / REPORT).write_text(tomli_w.dumps(document), encoding="utf-8")
    staged.paths.append(folder)
    return folder


def _new_folder(target: Path, period: Period) -> Path:
    destination, count = target / period.id, 1
    while os.path.lexists(destination):
        count += 1
        destination = target / f"{period.id}-{count}"
    return destination


def _fill_report(path: Path, figures: list[IndicatorRow], known: dict[str, dict],
                 period: Period) -> list[str]:
    """Put the figures into report.toml: a known indicator's entry gets its value and
    growth; a new name gets a new entry (id `xl_…`, category 其他 unless the table says)."""
    document = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    entries = document.setdefault("indicator", [])
    by_id = {entry.get("id"): entry for entry in entries if isinstance(entry, dict)}
    matched = added = 0
    for row in figures:
        ident = row.matched or new_indicator_id(row.name)
        entry = by_id.get(ident)
        if entry is None:
            base = known.get(norm(row.name), {})
            entry = {"id": ident, "name": base.get("name") or row.name,
                     "category": row.category or base.get("category") or NEW_CATEGORY}
            if base.get("name_en"):
                entry["name_en"] = base["name_en"]
            entries.append(entry)
            by_id[ident] = entry
            added += row.matched is None
        matched += row.matched is not None
        _set(entry, "value", row.value)
        _set(entry, "yoy_pct", row.yoy_pct)
        _set(entry, "unit", row.unit or entry.get("unit") or known.get(norm(row.name), {})
             .get("unit"))
        _set(entry, "rank", row.rank)
        if row.note:
            entry["note"] = row.note
        if row.span and list(row.span) != [period.first_month, period.last_month]:
            entry["months"] = list(row.span)
        elif row.span:
            entry.pop("months", None)
    path.write_text("# Figures imported by econdash import.\n" + tomli_w.dumps(document),
                    encoding="utf-8")
    return [f"Figures: {len(figures)} rows, {matched} matched to known indicators by name "
            f"(their series continue), {added} new"]


def _set(entry: dict, key: str, value) -> None:
    if value is None:
        entry.pop(key, None) if entry.get(key) == "" else None
        return
    entry[key] = value


def _validate(folder: Path, shown: str) -> None:
    dataset = load_dataset(folder)
    if dataset.errors:
        raise EcondashError(f"{shown}: the period it would make does not load; nothing was "
                            "imported", dataset.errors)


__all__ = ["import_table", "KINDS"]

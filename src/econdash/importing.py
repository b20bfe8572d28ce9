"""`econdash init`, `import` and `new-period`: growing the user's dataset.

Everything is validated before anything is written, and written atomically
(see store.py). Returns plain-text lines for the CLI to print.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import tomli_w

from econdash.errors import EcondashError
from econdash.loaders import load_dataset
from econdash.loaders.meta import REPORT, SERIES_DIR
from econdash.model.dataset import Dataset, PeriodData
from econdash.model.period import parse_period_id
from econdash.paths import bundled_dataset
from econdash.store import (
    atomic_write_bytes, atomic_write_text, backup_folder, copy_folder_atomically,
    remove_stale_temporaries, stage_copy,
)


def init_dataset(target: Path) -> list[str]:
    """Copy the bundled dataset to `target`; refuse if something is there."""
    if target.exists() and any(target.iterdir()):
        raise EcondashError(f"{target} already holds a dataset; init never overwrites it")
    if target.exists():
        target.rmdir()
    copy_folder_atomically(bundled_dataset(), target)
    return [f"Created your dataset at {target}", "  from the bundled 2022 H1 seed report",
            "Open it with: econdash"]


def import_source(source: Path, target: Path, replace: bool = False) -> list[str]:
    """Add a period folder, a dataset's periods, or a statistics export to `target`."""
    source = source.expanduser()
    if not source.exists():
        raise EcondashError(f"{source}: no such file or folder")
    remove_stale_temporaries(target)
    if source.is_file() and source.name != REPORT:
        from econdash.loaders.nbs import is_statistics_export
        if not is_statistics_export(source):
            raise EcondashError(f"{source}: not a period folder, a dataset folder or a "
                                "statistics export econdash recognises")
        return _import_export(source, target, replace)
    incoming = _validated(source)
    existing = _existing_periods(target)
    clashes = [p for p in incoming.periods if p.id in existing]
    if clashes and not replace:
        names = ", ".join(f"{p.id} (in {existing[p.id].folder.name}/)" for p in clashes)
        raise EcondashError(f"{target} already has period {names}; "
                            "use --replace to replace it (the old folder is kept in .backup/)")
    return _add_periods(incoming.periods, target, existing)


def _validated(source: Path) -> Dataset:
    dataset = load_dataset(source)
    if dataset.errors:
        raise EcondashError(f"{source} has errors; nothing was imported", dataset.errors)
    if not dataset.periods:
        raise EcondashError(f"{source} holds no period to import")
    return dataset


def _existing_periods(target: Path) -> dict[str, PeriodData]:
    try:
        return {p.id: p for p in load_dataset(target).periods}
    except EcondashError:
        return {}  # an empty folder: nothing to clash with


def _add_periods(periods, target: Path, existing: dict[str, PeriodData]) -> list[str]:
    """Copy every period into hidden staging folders first, then rename them into place.

    A failure while copying leaves the dataset untouched; a failure while renaming
    undoes the renames already made. Each rename is atomic, so a period folder is
    never seen half-written.
    """
    staged: list[tuple[PeriodData, Path]] = []
    try:
        for period in periods:
            staged.append((period, stage_copy(period.folder, target, period.id)))
    except BaseException:
        for _, temp in staged:
            shutil.rmtree(temp, ignore_errors=True)
        raise
    done: list[tuple[Path, Path | None, PeriodData | None]] = []  # (placed, backup, old)
    try:
        for period, temp in staged:
            done.append(_place(period, temp, target, existing.get(period.id)))
    except BaseException:
        _undo(done)
        for _, temp in staged:
            shutil.rmtree(temp, ignore_errors=True)
        raise
    return [line for (placed, backup, old), (period, _) in zip(done, staged)
            for line in _report(period, placed, backup, old)]


def _place(period: PeriodData, temp: Path, target: Path,
           old: PeriodData | None) -> tuple[Path, Path | None, PeriodData | None]:
    name = old.folder.name if old is not None else period.id
    destination = target / name
    if old is None and destination.exists():
        destination = target / f"{name}-{period.folder.name}"
    backup = backup_folder(old.folder, target) if old is not None else None
    try:
        os.rename(temp, destination)
    except BaseException:
        if backup is not None:
            os.rename(backup, old.folder)  # type: ignore[union-attr]
        raise
    return destination, backup, old


def _undo(done: list[tuple[Path, Path | None, PeriodData | None]]) -> None:
    """Put back what an interrupted import had already renamed."""
    for placed, backup, old in reversed(done):
        shutil.rmtree(placed, ignore_errors=True)
        if backup is not None and old is not None:
            os.rename(backup, old.folder)


def _report(period: PeriodData, placed: Path, backup: Path | None,
            old: PeriodData | None) -> list[str]:
    lines = [f"Replaced {old.id}: the old folder is kept at {backup}"] if old else []
    lines.append(f"Added {period.id} {period.title('zh')} ({len(period.indicators)} indicators, "
                 f"{period.projects.height} projects, {period.enterprises.height} honours) "
                 f"as {placed}")
    return lines


def _import_export(source: Path, target: Path, replace: bool) -> list[str]:
    from econdash.loaders.nbs import parse_statistics_export
    export = parse_statistics_export(source, source.name)
    if export.series.height == 0:
        raise EcondashError(f"{source}: the export holds no figures; nothing was imported")
    destination = target / SERIES_DIR / f"{source.stem}.csv"
    if destination.exists() and not replace:
        raise EcondashError(f"{destination} already exists; use --replace to replace it")
    csv_bytes = export.series.write_csv().encode("utf-8")
    atomic_write_bytes(destination, csv_bytes)
    count = export.series["indicator"].n_unique()
    lines = [f"Imported {export.series.height} observations of {count} indicators "
             f"from {source.name} into {destination}"]
    lines.extend(f"  {w}" for w in export.warnings)
    return lines


def new_period(period_id: str, target: Path) -> list[str]:
    """Write a report.toml template for a new period from the latest period's indicators."""
    try:
        period = parse_period_id(period_id)
    except ValueError as exc:
        raise EcondashError(str(exc)) from None
    folder = target / period.id
    existing = _existing_periods(target) if target.exists() else {}
    if folder.exists() or period.id in existing:
        raise EcondashError(f"period {period.id} already exists in {target}; new-period never "
                            "overwrites")
    latest = max(existing.values(), key=lambda p: (p.period.year, p.period.last_month),
                 default=None)
    atomic_write_text(folder / REPORT, _template(period, latest))
    return [f"Wrote {folder / 'report.toml'}: fill in the values, then run econdash check"]


def _template(period, latest: PeriodData | None) -> str:
    document: dict = {"period": {"year": period.year,
                                 "months": [period.first_month, period.last_month],
                                 "label": period.label_zh}}
    if latest is not None and latest.region:
        document["period"]["region"] = latest.region
    indicators = []
    for ind in latest.indicators if latest else ():
        entry = {"id": ind.id, "name": ind.name, "category": ind.category,
                 "value": "", "yoy_pct": ""}
        if ind.name_en:
            entry["name_en"] = ind.name_en
        if ind.unit:
            entry["unit"] = ind.unit
        if ind.parent:
            entry["parent"] = ind.parent
        if ind.headline:
            entry["headline"] = True
        indicators.append(entry)
    if indicators:
        document["indicator"] = indicators
    header = (f"# {period.label_zh} ({period.id}): fill in value and yoy_pct; \"\" means missing.\n"
              "# Written by econdash new-period from the latest period's indicators.\n\n")
    return header + tomli_w.dumps(document)

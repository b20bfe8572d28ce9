"""Importing a period folder or a dataset folder: what it brings, checked, then placed.

Everything is checked before anything is written: the source is loaded and
validated, every entry it would bring is listed (regular files and folders only:
see `staging` for links and special files) and its size is compared with the free
space. What it brings:
- a period folder: that period;
- a dataset folder: its periods; its `series.csv` (as `series/<folder name>.csv`,
  so it never clashes with the target's own) and `series/*.csv` (same names);
  its `dataset.toml` when the target has none (a different one in the target is
  kept, and the output says so).
Placing it is all or nothing (`import_target.Staged`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from econdash.core.admin.folders import check_backup_writable, unique_backup_path
from econdash.core.admin.import_target import (
    Staged,
    backup_lines,
    existing_periods,
    loadable_stem,
    make_series_folder,
    refuse_clashes,
)
from econdash.core.admin.staging import (
    Entry,
    Plan,
    check_free_space,
    copy_file,
    plan_file,
    plan_folder,
)
from econdash.core.errors import EcondashError, Problem
from econdash.core.loaders import load_dataset
from econdash.core.loaders.meta import REPORT, SERIES_DIR, dataset_children
from econdash.core.model.dataset import Dataset, PeriodData

META = "dataset.toml"
SERIES_FILE = "series.csv"


class Source:
    """A checked dataset or period folder: its data and what copying it takes."""

    def __init__(self, folder: Path, dataset: Dataset, plans: dict[str, Plan],
                 series: list[tuple[Path, Entry, str]], meta: Entry | None) -> None:
        self.folder = folder
        self.dataset = dataset
        self.plans = plans  # by period folder name
        self.series = series  # (the file as named in the source, its entry, name in series/)
        self.meta = meta


def read_source(folder: Path) -> Source:
    """List and check every entry of `folder` that an import copies, then validate it."""
    problems: list[Problem] = []
    plans: dict[str, Plan] = {}
    series: list[tuple[Path, Entry, str]] = []
    meta = None
    if os.path.lexists(folder / REPORT):
        plans[folder.name] = plan_folder(folder, str(folder), folder, problems)
    else:
        for child in _children(folder):
            if child.is_dir() and os.path.lexists(child / REPORT):
                plans[child.name] = plan_folder(child, str(child), folder, problems)
        series = _series_entries(folder, problems)
        if os.path.lexists(folder / META):
            meta = plan_file(folder / META, str(folder / META), folder, problems)
    if problems:
        count = f"{len(problems)} entr{'y' if len(problems) == 1 else 'ies'}"
        raise EcondashError(f"{folder}: {count} cannot be imported; nothing was imported",
                            problems)
    dataset = _validated(folder)
    loaded = {period.folder.name for period in dataset.periods}
    plans = {name: plan for name, plan in plans.items() if name in loaded}
    return Source(folder, dataset, plans, series, meta)


def _children(folder: Path) -> list[Path]:
    try:
        return dataset_children(folder)
    except OSError as exc:
        raise EcondashError(f"{folder}: cannot be read: {exc.strerror}") from None


def _series_entries(folder: Path, problems: list[Problem]) -> list[tuple[Path, Entry, str]]:
    """series.csv and series/*.csv with the names they get in the target's series/."""
    found: list[tuple[Path, str]] = []
    if (folder / SERIES_DIR).is_dir():
        found = [(path, path.name) for path in sorted((folder / SERIES_DIR).glob("*.csv"))
                 if not path.name.startswith(".")]
    if os.path.lexists(folder / SERIES_FILE):
        # Named after the dataset it comes from, so it never meets the target's own series.
        stem = loadable_stem(Path(os.path.abspath(folder)).name)
        taken = {name for _, name in found}
        name = f"{stem}.csv" if f"{stem}.csv" not in taken else f"{stem}-series.csv"
        found.insert(0, (folder / SERIES_FILE, name))
    entries = []
    for path, name in found:
        entry = plan_file(path, str(path), folder, problems)
        if entry is not None:
            entries.append((path, entry, name))
    return entries


def _validated(source: Path) -> Dataset:
    dataset = load_dataset(source)
    if dataset.errors:
        raise EcondashError(f"{source} has errors; nothing was imported", dataset.errors)
    if not dataset.periods and dataset.series.height == 0:
        raise EcondashError(f"{source} holds no period to import")
    return dataset


def bring_source(source: Source, target: Path, replace: bool,
                 keep_names: bool = False) -> list[str]:
    """Check for clashes and space, stage everything, place it; the lines to print.

    New periods are named by their id, or (`keep_names`) as in the source.
    """
    existing = existing_periods(target)
    periods = source.dataset.periods
    clashes = [p for p in periods if p.id in existing]
    series = [(path, entry, target / SERIES_DIR / name) for path, entry, name in source.series]
    taken = [dest for _, _, dest in series if os.path.lexists(dest)]
    refuse_clashes(target, existing, clashes, taken, replace)
    meta_line, bring_meta = _meta_decision(source, target)
    if clashes or taken:
        check_backup_writable(target)
    files = [entry for _, entry, _ in series] + ([source.meta] if bring_meta else [])
    check_free_space(target, [source.plans[p.folder.name] for p in periods],
                     sum(entry.size for entry in files if entry is not None))
    lines: list[str] = []
    with Staged(target) as staged:
        for period in periods:
            old = existing.get(period.id)
            destination = _period_destination(target, period, old, keep_names)
            backup = unique_backup_path(target, old.folder.name) if old else None
            staged.folder(source.plans[period.folder.name], destination, period.id, backup)
            lines.extend(_period_lines(period, destination, backup, old))
        if series:
            make_series_folder(target)
        for path, entry, destination in series:
            backup = (unique_backup_path(target, f"series-{destination.stem}", ".csv")
                      if destination in taken else None)
            staged.file(_copier(entry, path), destination, f"{SERIES_DIR}/{destination.name}",
                        backup)
            lines.extend(_series_lines(path, destination, backup))
        if bring_meta and source.meta is not None:
            staged.file(_copier(source.meta, source.folder / META), target / META, META, None)
        staged.place()
    if meta_line:
        lines.append(meta_line)
    return lines + backup_lines(target, any(m.backup for m in staged.moves))


def _meta_decision(source: Source, target: Path) -> tuple[str | None, bool]:
    """(what to say about dataset.toml, whether to copy it)."""
    if source.meta is None or source.folder == target:
        return None, False
    mine = target / META
    if not os.path.lexists(mine):
        return f"Copied {source.folder / META} to {mine} ({target} had none)", True
    try:
        same = mine.read_bytes() == Path(source.meta.real).read_bytes()  # type: ignore[arg-type]
    except OSError:
        same = False
    if same:
        return None, False
    return (f"Kept {mine}; {source.folder / META} differs and was not copied (copy what you "
            "need from it by hand)"), False


def _period_destination(target: Path, period: PeriodData, old: PeriodData | None,
                        keep_name: bool) -> Path:
    """The old folder's name when replacing; else the period id or the source folder's
    name (or a free variant)."""
    if old is not None:
        return target / old.folder.name
    destination = target / (period.folder.name if keep_name else period.id)
    count = 1
    while os.path.lexists(destination):  # a folder that does not load as this period
        suffix = period.folder.name if count == 1 else f"{period.folder.name}-{count}"
        destination = target / f"{period.id}-{suffix}"
        count += 1
    return destination


def _copier(entry: Entry, shown: Path) -> Callable[[Path], None]:
    """Copies the checked file `entry` (named `shown` in messages) to a staged path."""
    def copy(staged: Path) -> None:
        copy_file(entry.real, staged, str(shown), shown.name)  # type: ignore[arg-type]
    return copy


def _period_lines(period: PeriodData, placed: Path, backup: Path | None,
                  old: PeriodData | None) -> list[str]:
    lines = [f"Replaced {old.id}: the old folder is kept at {backup}"] if old else []
    lines.append(f"Added {period.id} {period.title('zh')} ({len(period.indicators)} indicators, "
                 f"{period.projects.height} projects, {period.enterprises.height} honours) "
                 f"as {placed}")
    return lines


def _series_lines(source: Path, destination: Path, backup: Path | None) -> list[str]:
    lines = [f"Replaced {destination}: the old file is kept at {backup}"] if backup else []
    return lines + [f"Added the series in {source} as {destination}"]

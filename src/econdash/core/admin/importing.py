"""`econdash init`, `import` and `new-period`: growing the user's dataset.

Everything is checked before anything is written: the source is loaded and
validated, every entry it would bring is listed (regular files and folders
only: see `staging` for links and special files) and its size is compared with
the free space. Each command holds the dataset's lock while it writes
(`dataset_lock`: a second writer refuses at once), and before anything else
finishes an import that a kill interrupted (`placing.finish_interrupted`) and
removes the staging folders of dead imports.

An import copies everything into hidden staging entries, then puts them in place
with journaled renames (`placing.place_all`): all of it, or (when something
fails) none of it; a kill midway is completed by the next command that writes.

What an import brings:
- a period folder: that period;
- a dataset folder: its periods; its `series.csv` (as `series/<folder name>.csv`,
  so it never clashes with the target's own) and `series/*.csv` (same names);
  its `dataset.toml` when the target has none (a different one in the target
  is kept, and the output says so);
- an NBS export: its figures as `series/<file name>.csv`.
An existing period or series file is replaced only with --replace; the old one
goes to `.backup/`. Every function returns plain-text lines for the CLI to print.
"""

from __future__ import annotations

import errno
import os
import shlex
import shutil
from pathlib import Path
from typing import Callable

import tomli_w

from econdash.core.admin.dataset_lock import LOCK_FILE, dataset_lock
from econdash.core.errors import EcondashError, FileProblem, Problem
from econdash.core.loaders import load_dataset
from econdash.core.loaders.meta import REPORT, SERIES_DIR, dataset_children
from econdash.core.model.dataset import Dataset, PeriodData
from econdash.core.model.period import parse_period_id
from econdash.core.paths import bundled_dataset
from econdash.core.admin.placing import JOURNAL, Move, finish_interrupted, make_move, place_all
from econdash.core.admin.staging import (
    Entry, Plan, check_free_space, copy_file, human_size, plan_file, plan_folder,
)
from econdash.core.fs import (
    BACKUP_DIR, TEMP_PREFIX, atomic_write_text, backup_usage, check_backup_writable,
    remove_stale_temporaries, stage_plan, staging_path, unique_backup_path,
)

META = "dataset.toml"
SERIES_FILE = "series.csv"


# ---------------------------------------------------------------- the three commands

def init_dataset(target: Path) -> list[str]:
    """Copy the bundled dataset to `target`; refuse if something is there."""
    _refuse_if_in_use(target)
    created = not target.exists()

    def work() -> list[str]:
        _refuse_if_in_use(target)
        try:
            _bring(_read_source(bundled_dataset()), target, replace=False, keep_names=True)
        except BaseException:
            if created:
                _give_up(target)
            raise
        return [f"Created your dataset at {target}", "  from the bundled 2022 H1 seed report",
                "Open it with: econdash"]

    return _writing(target, "init", work)


def import_source(source: Path, target: Path, replace: bool = False) -> list[str]:
    """Add a period folder, a dataset's periods and series, or a statistics export to
    `target`; all of it or nothing."""
    source = source.expanduser()
    if not os.path.lexists(source):
        raise EcondashError(f"{source}: no such file or folder")
    if source.is_file() and source.name != REPORT:
        return _import_export(source, target, replace)
    folder = source.parent if source.is_file() else source
    if not folder.is_dir():
        raise EcondashError(f"{source}: not a file or a folder (a link that leads nowhere, a "
                            "named pipe or a device?); nothing was imported")
    incoming = _read_source(folder)
    return _writing(target, "import", lambda: _bring(incoming, target, replace))


def new_period(period_id: str, target: Path) -> list[str]:
    """Write a report.toml template for a new period from the latest period's indicators."""
    try:
        period = parse_period_id(period_id)
    except ValueError as exc:
        raise EcondashError(str(exc)) from None

    def work() -> list[str]:
        folder = target / period.id
        existing = _existing_periods(target)
        if folder.exists() or period.id in existing:
            raise EcondashError(f"period {period.id} already exists in {target}; new-period "
                                "never overwrites")
        latest = max(existing.values(), key=lambda p: (p.period.year, p.period.last_month),
                     default=None)
        try:
            atomic_write_text(folder / REPORT, _template(period, latest))
        except OSError as exc:
            raise EcondashError(f"cannot write {folder / REPORT}: {exc.strerror or exc}") from None
        return [f"Wrote {folder / 'report.toml'}: fill in the values, then run econdash check"]

    return _writing(target, "new-period", work)


def _writing(target: Path, command: str, work: Callable[[], list[str]]) -> list[str]:
    """Run `work` holding the dataset lock, after finishing an interrupted import and
    removing dead imports' staging folders; what was finished is said either way."""
    with dataset_lock(target, command):
        notes = finish_interrupted(target)
        remove_stale_temporaries(target)
        try:
            return notes + work()
        except EcondashError as exc:
            if not notes:
                raise
            raise EcondashError("\n".join([exc.message, *notes]), exc.problems) from None


def _refuse_if_in_use(target: Path) -> None:
    """init never writes into a folder holding anything but econdash's own leftovers."""
    if not target.exists():
        return
    if not target.is_dir():
        raise EcondashError(f"{target} is a file; init needs a folder that is empty or absent")
    own = (LOCK_FILE, JOURNAL, JOURNAL + ".new")
    if any(not (p.name in own or p.name.startswith(TEMP_PREFIX)) for p in target.iterdir()):
        raise EcondashError(f"{target} already holds a dataset; init never overwrites it")


def _give_up(target: Path) -> None:
    """After a failed init: remove the folder it made, if nothing but the lock is in it."""
    (target / LOCK_FILE).unlink(missing_ok=True)
    try:
        target.rmdir()
    except OSError:
        pass


# ---------------------------------------------------------------- what a source brings

class _Source:
    """A checked dataset or period folder: its data and what copying it takes."""

    def __init__(self, folder: Path, dataset: Dataset, plans: dict[str, Plan],
                 series: list[tuple[Path, Entry, str]], meta: Entry | None) -> None:
        self.folder = folder
        self.dataset = dataset
        self.plans = plans  # by period folder name
        self.series = series  # (the file as named in the source, its entry, name in series/)
        self.meta = meta


def _read_source(folder: Path) -> _Source:
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
    return _Source(folder, dataset, plans, series, meta)


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


def loadable_stem(stem: str) -> str:
    """A series file name econdash reads: one starting with '.' is hidden, never loaded."""
    return stem.lstrip(".") or "series"


def _validated(source: Path) -> Dataset:
    dataset = load_dataset(source)
    if dataset.errors:
        raise EcondashError(f"{source} has errors; nothing was imported", dataset.errors)
    if not dataset.periods and dataset.series.height == 0:
        raise EcondashError(f"{source} holds no period to import")
    return dataset


def _existing_periods(target: Path) -> dict[str, PeriodData]:
    try:
        return {p.id: p for p in load_dataset(target).periods}
    except EcondashError:
        return {}  # an empty folder: nothing to clash with


# ---------------------------------------------------------------- bringing it in

class _Staged:
    """The staging entries and moves of one import; staging is removed unless a journal
    still needs it."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.paths: list[Path] = []
        self.moves: list[Move] = []
        self._files: Path | None = None

    def folder(self, plan: Plan, destination: Path, label: str, backup: Path | None) -> None:
        temp = stage_plan(plan, self.target, label)
        self.paths.append(temp)
        self.moves.append(make_move(self.target, temp, destination, label, backup))

    def file(self, write: Callable[[Path], None], destination: Path, label: str,
             backup: Path | None) -> None:
        if self._files is None:
            self._files = staging_path(self.target, "files")
            self._files.mkdir()
            self.paths.append(self._files)
        staged = self._files / f"{len(self.moves)}-{destination.name}"
        write(staged)
        self.moves.append(make_move(self.target, staged, destination, label, backup))

    def place(self) -> None:
        place_all(self.target, self.moves)
        if self._files is not None:
            self._files.rmdir()  # every file moved out of it

    def __enter__(self) -> "_Staged":
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None or (self.target / JOURNAL).exists():
            return  # done, or the journal's moves still need the staged entries
        for path in self.paths:
            shutil.rmtree(path, ignore_errors=True)


def _bring(source: _Source, target: Path, replace: bool, keep_names: bool = False) -> list[str]:
    """Check for clashes and space, stage everything, place it; the lines to print.

    New periods are named by their id, or (`keep_names`) as in the source.
    """
    existing = _existing_periods(target)
    periods = source.dataset.periods
    clashes = [p for p in periods if p.id in existing]
    series = [(path, entry, target / SERIES_DIR / name) for path, entry, name in source.series]
    taken = [dest for _, _, dest in series if os.path.lexists(dest)]
    _refuse_clashes(target, existing, clashes, taken, replace)
    meta_line, bring_meta = _meta_decision(source, target)
    if clashes or taken:
        check_backup_writable(target)
    files = [entry for _, entry, _ in series] + ([source.meta] if bring_meta else [])
    check_free_space(target, [source.plans[p.folder.name] for p in periods],
                     sum(entry.size for entry in files if entry is not None))
    lines: list[str] = []
    with _Staged(target) as staged:
        for period in periods:
            old = existing.get(period.id)
            destination = _period_destination(target, period, old, keep_names)
            backup = unique_backup_path(target, old.folder.name) if old else None
            staged.folder(source.plans[period.folder.name], destination, period.id, backup)
            lines.extend(_period_lines(period, destination, backup, old))
        if series:
            _make_series_folder(target)
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
    return lines + _backup_lines(target, any(m.backup for m in staged.moves))


def _refuse_clashes(target: Path, existing: dict[str, PeriodData], clashes: list[PeriodData],
                    taken: list[Path], replace: bool) -> None:
    folders = [dest for dest in taken if dest.is_dir()]
    if folders:
        raise EcondashError(f"{folders[0]} is a folder, where this import would put a series "
                            "file; move it away (nothing was imported)")
    if replace:
        return
    if clashes:
        names = ", ".join(f"{p.id} (in {existing[p.id].folder.name}/)" for p in clashes)
        raise EcondashError(f"{target} already has period {names}; "
                            "use --replace to replace it (the old folder is kept in .backup/)")
    if taken:
        names = ", ".join(f"{SERIES_DIR}/{dest.name}" for dest in taken)
        raise EcondashError(f"{target} already has {names}; use --replace to replace it (the "
                            "old file is kept in .backup/); nothing was imported")


def _meta_decision(source: _Source, target: Path) -> tuple[str | None, bool]:
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


def _make_series_folder(target: Path) -> None:
    try:
        (target / SERIES_DIR).mkdir(exist_ok=True)
    except OSError as exc:
        raise EcondashError(f"cannot create {target / SERIES_DIR}: {exc.strerror or exc}; "
                            "nothing was imported") from None


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


def _backup_lines(target: Path, replaced: bool) -> list[str]:
    """After a replace: how much `.backup/` keeps, and how to get rid of it."""
    if not replaced:
        return []
    count, size = backup_usage(target)
    folder = target / BACKUP_DIR
    copies = f"{count} old cop{'y' if count == 1 else 'ies'}"
    return [f"{folder} now holds {copies} ({human_size(size)}); delete the ones you no longer "
            f"need, or all of them with: rm -r {shlex.quote(str(folder))}"]


# ---------------------------------------------------------------- statistics exports

def _import_export(source: Path, target: Path, replace: bool) -> list[str]:
    from econdash.core.loaders.nbs import is_statistics_export, parse_statistics_export
    if not is_statistics_export(source):
        raise EcondashError(f"{source}: not a period folder, a dataset folder or a "
                            "statistics export econdash recognises")
    try:
        export = parse_statistics_export(source, source.name)
    except FileProblem as exc:
        raise EcondashError(f"{source}: nothing was imported", [exc.problem]) from None
    if export.series.height == 0:
        raise EcondashError(f"{source}: no figures could be read from the export (see below); "
                            "nothing was imported", export.warnings)
    name = loadable_stem(source.stem) + ".csv"
    data = export.series.write_csv().encode("utf-8")

    def work() -> list[str]:
        destination = target / SERIES_DIR / name
        exists = os.path.lexists(destination)
        _refuse_clashes(target, {}, [], [destination] if exists else [], replace)
        if exists:
            check_backup_writable(target)
        check_free_space(target, [], len(data))
        backup = unique_backup_path(target, f"series-{destination.stem}", ".csv") if exists \
            else None
        with _Staged(target) as staged:
            _make_series_folder(target)
            staged.file(lambda path: _write_new(path, data, destination), destination,
                        f"{SERIES_DIR}/{name}", backup)
            staged.place()
        return _export_lines(export, source, destination, backup) + _backup_lines(
            target, backup is not None)

    return _writing(target, "import", work)


def _write_new(path: Path, data: bytes, destination: Path) -> None:
    try:
        with open(path, "xb") as handle:
            handle.write(data)
    except OSError as exc:
        reason = "the disk is full" if exc.errno == errno.ENOSPC else exc.strerror or str(exc)
        raise EcondashError(f"cannot write {destination}: {reason}; nothing was "
                            "imported") from None


def _export_lines(export, source: Path, destination: Path, backup: Path | None) -> list[str]:
    count = export.series["indicator"].n_unique()
    lines = [f"Replaced {destination}: the old file is kept at {backup}"] if backup else []
    lines.append(f"Imported {export.series.height} observations of {count} indicators "
                 f"from {source.name} into {destination}")
    if destination.stem != source.stem:
        lines.append(f"  (named {destination.name}: a series file whose name starts with '.' "
                     "is never read)")
    lines.extend(f"  {w}" for w in export.warnings)
    return lines


# ---------------------------------------------------------------- new-period template

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

"""The dataset that init, import and new-period write into: what every write does to it.

Each command holds the dataset's lock while it writes (`dataset_lock`: a second
writer refuses at once) and, before anything else, finishes an import that a kill
interrupted (`placing.finish_interrupted`) and removes the staging folders of dead
imports (`locked_write`). An import stages everything it brings in hidden entries,
then puts them in place with journaled renames (`Staged`, `placing.place_all`): all
of it, or (when something fails) none of it; a kill midway is completed by the next
command that writes. What is already there is replaced only on request, the old
copy kept in `.backup/` (`refuse_clashes`, `backup_lines`).
"""

from __future__ import annotations

import shlex
import shutil
from collections.abc import Callable
from pathlib import Path

from econdash.core.admin.dataset_lock import dataset_lock
from econdash.core.admin.folders import (
    backup_usage,
    remove_stale_temporaries,
    stage_plan,
    staging_path,
)
from econdash.core.admin.placing import JOURNAL, Move, finish_interrupted, make_move, place_all
from econdash.core.admin.staging import Plan, human_size
from econdash.core.errors import EcondashError
from econdash.core.fs import BACKUP_DIR
from econdash.core.loaders import load_dataset
from econdash.core.loaders.meta import SERIES_DIR
from econdash.core.model.dataset import PeriodData


def locked_write(target: Path, command: str, work: Callable[[], list[str]]) -> list[str]:
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


def existing_periods(target: Path) -> dict[str, PeriodData]:
    """The periods `target` holds now, by id (none when it holds no dataset yet)."""
    try:
        return {p.id: p for p in load_dataset(target).periods}
    except EcondashError:
        return {}  # an empty folder: nothing to clash with


def loadable_stem(stem: str) -> str:
    """A series file name econdash reads: one starting with '.' is hidden, never loaded."""
    return stem.lstrip(".") or "series"


class Staged:
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

    def __enter__(self) -> Staged:
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None or (self.target / JOURNAL).exists():
            return  # done, or the journal's moves still need the staged entries
        for path in self.paths:
            shutil.rmtree(path, ignore_errors=True)


def refuse_clashes(target: Path, existing: dict[str, PeriodData], clashes: list[PeriodData],
                   taken: list[Path], replace: bool) -> None:
    """Refuse (nothing imported) a series file where `target` has a folder, and without
    `replace` any period (`clashes`) or series file (`taken`) it already has."""
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


def make_series_folder(target: Path) -> None:
    """Create `target`'s series/ folder if it has none."""
    try:
        (target / SERIES_DIR).mkdir(exist_ok=True)
    except OSError as exc:
        raise EcondashError(f"cannot create {target / SERIES_DIR}: {exc.strerror or exc}; "
                            "nothing was imported") from None


def backup_lines(target: Path, replaced: bool) -> list[str]:
    """After a replace: how much `.backup/` keeps, and how to get rid of it."""
    if not replaced:
        return []
    count, size = backup_usage(target)
    folder = target / BACKUP_DIR
    copies = f"{count} old cop{'y' if count == 1 else 'ies'}"
    return [f"{folder} now holds {copies} ({human_size(size)}); delete the ones you no longer "
            f"need, or all of them with: rm -r {shlex.quote(str(folder))}"]

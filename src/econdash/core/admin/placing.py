"""Putting staged copies into a dataset in journaled renames, so no kill leaves it half done.

An import first copies everything it brings into hidden staging entries
(`.incoming-*`) in the dataset folder. `place_all` then writes a journal (the
moves, and the inode of each staged copy and of each entry it replaces, which
tell old from new wherever they are) and makes the moves:

- a new entry is renamed into place (refusing to overwrite anything);
- a replaced one is swapped with the old in one step (`renames.exchange`), then
  the old one, now at the staged name, is renamed into `.backup/`; where a swap
  is unsupported, the old one goes to `.backup/` first and the new one follows.

The journal is deleted after the last move. So:

- **A failure while placing** (a rename raising, Ctrl-C) undoes the moves made
  so far: the import then did nothing, and says so. Should undoing fail as
  well, the journal stays and the next write finishes the import (below).
- **A kill** (or a crash, or a failed undo) leaves the journal behind. The next
  command that writes to the dataset (`init`, `import`, `new-period`, which all
  hold the dataset lock) calls `finish_interrupted` before anything else: it
  *completes* the import, move by move, from whatever state each move was left
  in (every period and file was fully copied before the journal was written, so
  completing is always possible), and returns lines saying what it did.

Nothing is ever deleted here: an old entry always ends in `.backup/`, and a
staged copy that cannot be placed is moved there too rather than left to the
clean-up of stale staging folders.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

from econdash.core.admin import renames
from econdash.core.admin.folders import unique_backup_path
from econdash.core.errors import EcondashError
from econdash.core.fs import BACKUP_DIR, TEMP_PREFIX

JOURNAL = ".econdash-journal.json"
Inode = tuple[int, int]  # (st_dev, st_ino)


@dataclass(frozen=True)
class Move:
    """One staged entry going into place; paths are relative to the dataset folder."""

    staged: str
    place: str
    label: str  # what it is, for messages: "2023Q1", "series/x.csv", "dataset.toml"
    new: Inode
    backup: str | None = None  # where the old entry goes, when one is replaced
    old: Inode | None = None


def make_move(root: Path, staged: Path, place: Path, label: str,
              backup: Path | None = None) -> Move:
    """The Move of `staged` to `place` (the old entry there, if any, to `backup`)."""
    new = _inode(staged)
    if new is None:
        raise EcondashError(f"the copy of {label} is missing from {root}; nothing was imported")
    old = _inode(place) if backup is not None else None
    return Move(staged=_relative(staged, root), place=_relative(place, root), label=label,
                new=new, old=old,
                backup=_relative(backup, root) if backup is not None and old else None)


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _inode(path: Path) -> Inode | None:
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def place_all(root: Path, moves: list[Move]) -> None:
    """Make every move; on failure undo them all (EcondashError says what failed)."""
    journal = root / JOURNAL
    try:
        _write_journal(journal, moves)
    except OSError as exc:
        raise EcondashError(f"cannot write {journal}: {exc.strerror}; nothing was "
                            "imported") from None
    try:
        for move in moves:
            _finish(root, move)
    except BaseException as exc:
        failed = exc
        try:
            for move in reversed(moves):
                _undo(root, move)
        except BaseException as undo_error:  # noqa: BLE001 - the journal is the way out
            raise EcondashError(
                f"{_failure(failed)}; undoing the import failed too ({_reason(undo_error)}). "
                f"Nothing is lost: the next econdash import, init or new-period on {root} "
                "finishes this import") from None
        journal.unlink(missing_ok=True)
        if isinstance(failed, (OSError, EcondashError)):
            raise EcondashError(f"{_failure(failed)}; nothing was imported: the dataset is "
                                "as it was") from None
        raise
    journal.unlink()


def _failure(exc: BaseException) -> str:
    if isinstance(exc, EcondashError):
        return exc.message
    return f"the import could not put its copies in place ({_reason(exc)})"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, EcondashError):
        return exc.message
    if isinstance(exc, OSError):
        return str(exc.strerror or exc)
    return exc.__class__.__name__


def _step(action: str, rename, *paths: Path):
    """One rename, its failure said in the user's terms (never a staging name)."""
    try:
        return rename(*paths)
    except OSError as exc:
        raise EcondashError(f"cannot {action}: {exc.strerror or exc}") from None


def finish_interrupted(root: Path) -> list[str]:
    """Complete an import a kill interrupted (its journal is still there); what was done.

    Call only while holding the dataset lock. [] when there was nothing to finish.
    """
    journal = root / JOURNAL
    if not journal.exists():
        return []
    moves = _read_journal(journal, root)
    lines = [f"Finished an import into {root} that had been interrupted:"]
    for move in moves:
        try:
            lines.append("  " + _finish(root, move))
        except EcondashError as exc:
            raise EcondashError(f"cannot finish the import into {root} that was interrupted "
                                f"({exc.message}); fix that and run this again (nothing is "
                                "lost)") from None
    journal.unlink()
    return lines


def _finish(root: Path, move: Move) -> str:
    """Take one move to its end from whatever state it is in; says where things are."""
    staged, place = root / move.staged, root / move.place
    if _inode(place) == move.new:
        kept = _to_backup(root, staged, move) if move.old and _inode(staged) == move.old else None
        return _done(move, kept, root)
    if _inode(staged) != move.new:
        return _lost(root, move)
    kept = None
    if os.path.lexists(place):
        if _step(f"swap the new {move.label} into {place}", renames.exchange, staged, place):
            return _done(move, _to_backup(root, staged, move), root)
        kept = _to_backup(root, place, move)  # no swap here: two renames
    elif move.old and move.backup and _inode(root / move.backup) == move.old:
        kept = root / move.backup  # moved aside by the two-rename way before a kill
    _step(f"put {move.label} in place as {place}", renames.move, staged, place)
    return _done(move, kept, root)


def _to_backup(root: Path, path: Path, move: Move) -> Path:
    """Move an old entry into .backup/, under its planned name when that is free."""
    planned = root / move.backup if move.backup else None
    destination = (planned if planned is not None and not os.path.lexists(planned)
                   else unique_backup_path(root, PurePosixPath(move.place).name))
    action = f"move the old {move.label} into {destination.parent} (where replaced ones are kept)"
    _step(action, lambda: destination.parent.mkdir(parents=True, exist_ok=True))
    _step(action, renames.move, path, destination)
    return destination


def _done(move: Move, kept: Path | None, root: Path) -> str:
    line = f"{move.label} is in place as {root / move.place}"
    return line + (f"; the old one is kept at {kept}" if kept else "")


def _lost(root: Path, move: Move) -> str:
    """The staged copy is neither staged nor placed (moved by hand?): keep what is there."""
    staged = root / move.staged
    if os.path.lexists(staged):
        kept = _to_backup(root, staged, move)
        return (f"{move.label} was not placed: {root / move.place} is not the imported copy; "
                f"what was staged is kept at {kept}")
    return (f"{move.label} was not placed: its imported copy is no longer where the import "
            "left it; import it again")


def _undo(root: Path, move: Move) -> None:
    """Take one move back: the new entry to its staged name, the old one to its place."""
    staged, place = root / move.staged, root / move.place
    if _inode(place) == move.new:
        if move.old and _inode(staged) == move.old:
            if not _step(f"swap {move.label} back", renames.exchange, place, staged):
                raise EcondashError(f"cannot swap {move.label} back on this system")
            return
        _step(f"take {move.label} back out of {place}", renames.move, place, staged)
    if move.old and move.backup and _inode(place) is None \
            and _inode(root / move.backup) == move.old:
        _step(f"put the old {move.label} back", renames.move, root / move.backup, place)


def _write_journal(journal: Path, moves: list[Move]) -> None:
    """Write the journal so that it is whole or absent (a fixed temporary name, fsync,
    rename), before the first move."""
    # ASCII: a folder name that is not UTF-8 (a surrogate escape) survives the round trip.
    data = json.dumps({"version": 1, "pid": os.getpid(),
                       "moves": [asdict(move) for move in moves]}, indent=1)
    temp = journal.with_name(journal.name + ".new")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0),
                 0o644)
    try:
        os.write(fd, data.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, journal)


def _read_journal(journal: Path, root: Path) -> list[Move]:
    """The moves of a journal; EcondashError when it is not one econdash wrote."""
    try:
        data = json.loads(journal.read_text(encoding="utf-8"))
        moves = [_move(item) for item in data["moves"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise EcondashError(
            f"{journal} (the journal of an import that was interrupted) cannot be read: {exc}. "
            f"Look in {root}'s hidden {TEMP_PREFIX}* folders for anything you need, then "
            "delete that file") from None
    return moves


def _move(item: dict) -> Move:
    """One journal entry, checked: every path stays inside the dataset folder."""
    move = Move(staged=item["staged"], place=item["place"], label=str(item["label"]),
                new=_pair(item["new"]), backup=item.get("backup"),
                old=_pair(item["old"]) if item.get("old") else None)
    for path in (move.staged, move.place, move.backup):
        if path is not None and not _inside(path):
            raise ValueError(f"the path {path!r} leads outside the dataset")
    if not move.staged.startswith(TEMP_PREFIX):
        raise ValueError(f"{move.staged!r} is not a staging name")
    if move.backup is not None and not move.backup.startswith(BACKUP_DIR + "/"):
        raise ValueError(f"{move.backup!r} is not in {BACKUP_DIR}/")
    return move


def _inside(path: object) -> bool:
    if not isinstance(path, str) or not path:
        return False
    parts = PurePosixPath(path).parts
    return not PurePosixPath(path).is_absolute() and ".." not in parts and "\\" not in path


def _pair(value: object) -> Inode:
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, int) for v in value)):
        raise ValueError(f"{value!r} is not an inode")
    return (value[0], value[1])

"""A dataset folder's layout (period folders, series files) and dataset.toml.

Apart from `loaders.dataset` (which needs polars for the CSV files) so the
first screen can find the report and name the dataset before polars is
imported (`query.quick_overview`).
"""

from __future__ import annotations

import os
from pathlib import Path

from econdash.core.errors import FileProblem, Problem
from econdash.core.loaders.report import parse_toml
from econdash.core.loaders.text import decode, read_bytes
from econdash.core.loaders.toml_lines import TomlLines
from econdash.core.loaders.toml_table import TableReader

REPORT = "report.toml"
DATASET_FILE = "dataset.toml"
SERIES_FILE = "series.csv"
SERIES_DIR = "series"
DATASET_KEYS = ("name", "name_en", "region", "region_en", "source", "note")


def dataset_children(root: Path) -> list[Path]:
    """The folder's entries econdash reads, sorted: not hidden ('.') or set aside ('_').
    Raises OSError when the folder can't be listed."""
    return sorted(p for p in root.iterdir() if not p.name.startswith((".", "_")))


def holds_report(folder: Path, problems: list[Problem]) -> bool:
    """Whether a folder is a period folder; an unreadable one is a located error.

    A report.toml that is a named pipe, a dangling or looping link counts: reading it
    says what is wrong with it, where skipping the folder would say nothing.
    """
    try:
        return entry_exists(folder / REPORT)
    except OSError as exc:
        problems.append(Problem(folder.name + "/", f"cannot be read: {exc.strerror}"))
        return False


def entry_exists(path: Path) -> bool:
    """Whether the folder has an entry of this name, of any kind (a dangling link too).
    Raises OSError when the folder can't be searched."""
    try:
        path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    return True


def series_files(root: Path) -> list[Path]:
    """series.csv at the root, then imported exports in series/ (an extension).

    Every entry with such a name is listed, whatever it is, so that reading it reports a
    named pipe or a dangling link rather than skipping it.
    """
    files = [root / SERIES_FILE] if os.path.lexists(root / SERIES_FILE) else []
    if (root / SERIES_DIR).is_dir():
        files.extend(sorted(p for p in (root / SERIES_DIR).glob("*.csv")
                            if not p.name.startswith(".")))
    return files


def load_meta(root: Path, problems: list[Problem]) -> dict:
    """The Dataset fields dataset.toml sets ({} without one); problems are recorded."""
    path = root / "dataset.toml"
    if not path.exists():
        return {}
    shown = "dataset.toml"
    try:
        text = decode(read_bytes(path, shown), shown).text
        data = parse_toml(text, shown)
    except FileProblem as exc:
        problems.append(exc.problem)
        return {}
    table = TableReader(data, "dataset", 0, TomlLines(text), shown, problems)
    table.label = "dataset"
    table.check_keys(DATASET_KEYS)
    return {key: table.text(key) for key in DATASET_KEYS if key != "note"}

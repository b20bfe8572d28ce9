"""Importing a statistics export (an NBS data download) as a series file.

Its figures are read and checked first (`loaders.nbs`), then written as
`series/<file name>.csv` in the dataset, all or nothing; an existing file of that
name is replaced only with --replace, the old one kept in `.backup/`.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from econdash.core.admin.folders import check_backup_writable, unique_backup_path
from econdash.core.admin.import_target import (
    Staged,
    backup_lines,
    loadable_stem,
    locked_write,
    make_series_folder,
    refuse_clashes,
)
from econdash.core.admin.staging import check_free_space
from econdash.core.errors import EcondashError, FileProblem
from econdash.core.loaders.meta import SERIES_DIR


def import_statistics_export(source: Path, target: Path, replace: bool) -> list[str]:
    """Read the export at `source` and write its figures into `target`'s series/ (under
    the dataset lock); the lines to print."""
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
        destination = (_same_region_file(target, export.series, export.region)
                       or target / SERIES_DIR / name)
        exists = os.path.lexists(destination)
        refuse_clashes(target, {}, [], [destination] if exists else [], replace)
        if exists:
            check_backup_writable(target)
        check_free_space(target, [], len(data))
        backup = unique_backup_path(target, f"series-{destination.stem}", ".csv") if exists \
            else None
        with Staged(target) as staged:
            make_series_folder(target)
            staged.file(lambda path: _write_new(path, data, destination), destination,
                        f"{SERIES_DIR}/{name}", backup)
            staged.place()
        return _export_lines(export, source, destination, backup) + backup_lines(
            target, backup is not None)

    return locked_write(target, "import", work)


def _same_region_file(target: Path, series, region: str | None) -> Path | None:
    """A series file already holding this region's figures of these indicators (the same
    export saved under another name): importing replaces it, only with --replace."""
    import polars as pl
    if region is None or not (target / SERIES_DIR).is_dir():
        return None
    ours = set(series["indicator"].unique().to_list())
    for path in sorted((target / SERIES_DIR).glob("*.csv")):
        try:
            held = pl.read_csv(path, columns=["indicator", "region"], infer_schema=False)
        except Exception:  # noqa: BLE001 - an unreadable or older file is no clash
            continue
        same = held.filter(pl.col("region") == region)["indicator"].unique().to_list()
        if ours & set(same):
            return path
    return None


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
    if destination.stem != source.stem and not source.stem.startswith("."):
        lines.append(f"  ({destination.name} held {export.region}'s figures of these "
                     "indicators: the same region's export replaces it)")
    elif destination.stem != source.stem:
        lines.append(f"  (named {destination.name}: a series file whose name starts with '.' "
                     "is never read)")
    lines.extend(f"  {w}" for w in export.warnings)
    return lines

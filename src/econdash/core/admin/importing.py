"""`econdash init`, `import` and `new-period`: growing the user's dataset.

The three commands, each the whole of what the CLI calls; the work is done in
- `folder_import`: a period or dataset folder (periods, series files, dataset.toml),
  checked entry by entry and validated before anything is written;
- `export_import`: a statistics export (NBS), as `series/<file name>.csv`;
- `period_template`: the report.toml that new-period writes;
- `import_target`: what every write does to the dataset: its lock (a second writer
  refuses at once), finishing an import a kill interrupted, staging and journaled
  renames (all of it or none of it), and `.backup/` for what --replace replaces.
Every function returns plain-text lines for the CLI to print.
"""

from __future__ import annotations

import os
from pathlib import Path

from econdash.core.admin.dataset_lock import LOCK_FILE
from econdash.core.admin.export_import import import_statistics_export
from econdash.core.admin.folder_import import bring_source, read_source
from econdash.core.admin.import_target import existing_periods, locked_write
from econdash.core.admin.period_template import period_template
from econdash.core.admin.placing import JOURNAL
from econdash.core.errors import EcondashError
from econdash.core.fs import TEMP_PREFIX, atomic_write_text
from econdash.core.loaders.meta import REPORT
from econdash.core.model.period import parse_period_id
from econdash.core.paths import bundled_dataset


def init_dataset(target: Path) -> list[str]:
    """Copy the bundled dataset to `target`; refuse if something is there."""
    _refuse_if_in_use(target)
    created = not target.exists()

    def work() -> list[str]:
        _refuse_if_in_use(target)
        try:
            bring_source(read_source(bundled_dataset()), target, replace=False, keep_names=True)
        except BaseException:
            if created:
                _give_up(target)
            raise
        return [f"Created your dataset at {target}", "  from the bundled 2022 H1 seed report",
                "Open it with: econdash"]

    return locked_write(target, "init", work)


def import_source(source: Path, target: Path, replace: bool = False) -> list[str]:
    """Add a period folder, a dataset's periods and series, or a statistics export to
    `target`; all of it or nothing."""
    source = source.expanduser()
    if not os.path.lexists(source):
        raise EcondashError(f"{source}: no such file or folder")
    if source.is_file() and source.name != REPORT:
        return import_statistics_export(source, target, replace)
    folder = source.parent if source.is_file() else source
    if not folder.is_dir():
        raise EcondashError(f"{source}: not a file or a folder (a link that leads nowhere, a "
                            "named pipe or a device?); nothing was imported")
    incoming = read_source(folder)
    return locked_write(target, "import", lambda: bring_source(incoming, target, replace))


def new_period(period_id: str, target: Path) -> list[str]:
    """Write a report.toml template for a new period from the latest period's indicators."""
    try:
        period = parse_period_id(period_id)
    except ValueError as exc:
        raise EcondashError(str(exc)) from None

    def work() -> list[str]:
        folder = target / period.id
        existing = existing_periods(target)
        if folder.exists() or period.id in existing:
            raise EcondashError(f"period {period.id} already exists in {target}; new-period "
                                "never overwrites")
        latest = max(existing.values(), key=lambda p: (p.period.year, p.period.last_month),
                     default=None)
        try:
            atomic_write_text(folder / REPORT, period_template(period, latest))
        except OSError as exc:
            raise EcondashError(f"cannot write {folder / REPORT}: {exc.strerror or exc}") from None
        return [f"Wrote {folder / 'report.toml'}: a draft of {period.id} with every figure of "
                f"{latest.id if latest else 'no earlier period'} left empty",
                "Fill in the figures (econdash check lists those still empty), then review it "
                "in the dashboard (key r) to make it final"]

    return locked_write(target, "new-period", work)


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

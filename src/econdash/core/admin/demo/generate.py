"""`econdash demo-data`: a synthetic, clearly labelled dataset at any scale.

Monthly cumulative periods ending in December of `reports.END_YEAR`, each with the
same indicators and the tier counts of its enterprise roster (`reports`); the
newest period also holds projects.csv and enterprises.csv (`tables`). Same seed,
same bytes (within one polars version). Everything is written into a hidden folder
beside the target and renamed into place, so a run that fails leaves nothing.
"""

from __future__ import annotations

import io
import os
import shutil
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from econdash.core.admin.demo.reports import (
    dataset_toml,
    folder_name,
    indicator_series,
    indicator_specs,
    period_spans,
    report_toml,
)
from econdash.core.admin.demo.tables import Roster, enterprise_roster, project_frame
from econdash.core.errors import EcondashError
from econdash.core.fs import TEMP_PREFIX, atomic_write_bytes, atomic_write_text

if TYPE_CHECKING:
    import polars as pl

MAX_PERIODS = 1200
LIMITS = {"enterprises": 50_000_000, "projects": 10_000_000, "indicators": 9_999}


def write_demo_dataset(out: Path, *, enterprises: int = 10_000, projects: int = 500,
                       periods: int = 12, indicators: int = 40, seed: int = 0) -> list[str]:
    """Write a synthetic dataset into `out` (new or empty); returns lines to print.

    `enterprises` is the number of roster rows (honours) in the newest period,
    `projects` its number of projects. Raises EcondashError for a bad argument
    or a folder that is not empty; a run that fails leaves nothing behind.
    """
    _check_arguments(enterprises, projects, periods, indicators, seed)
    out = Path(out).expanduser()
    _check_target(out)
    spans = period_spans(periods)
    roster = enterprise_roster(enterprises, seed) if enterprises else None
    project_table = project_frame(projects, seed) if projects else None
    latest_tiers = roster.tiers if roster is not None else []
    series = indicator_series(indicator_specs(indicators), spans, seed)

    temp = out.parent / f"{TEMP_PREFIX}{out.name}-{uuid.uuid4().hex[:8]}"
    try:
        atomic_write_text(temp / "dataset.toml", dataset_toml(seed))
        for index, (year, month) in enumerate(spans):
            folder = temp / folder_name(year, month)
            growth = 0.75 + 0.25 * index / (len(spans) - 1) if len(spans) > 1 else 1.0
            tiers = [(rung, round(count * growth)) for rung, count in latest_tiers]
            atomic_write_text(folder / "report.toml",
                              report_toml(year, month, [s[index] for s in series], tiers))
        newest = temp / folder_name(*spans[-1])
        if project_table is not None:
            _write_csv(newest / "projects.csv", project_table)
        if roster is not None:
            _write_csv(newest / "enterprises.csv", roster.frame)
        if out.exists():
            out.rmdir()  # checked empty above
        os.rename(temp, out)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return _summary(out, spans, indicators, roster, projects, seed)


# ---- arguments and target --------------------------------------------------------


def _check_arguments(enterprises: int, projects: int, periods: int, indicators: int,
                     seed: int) -> None:
    for name, value, low, high in (
            ("enterprises", enterprises, 0, LIMITS["enterprises"]),
            ("projects", projects, 0, LIMITS["projects"]),
            ("periods", periods, 1, MAX_PERIODS),
            ("indicators", indicators, 1, LIMITS["indicators"]),
            ("seed", seed, 0, 2**32 - 1)):
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise EcondashError(f"{name} must be a whole number from {low:,} to {high:,}, "
                                f"not {value!r}")


def _check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise EcondashError(f"{out} is a file; give a new or empty folder for the demo data")
    if out.is_dir() and any(out.iterdir()):
        raise EcondashError(f"{out} is not empty; demo data is written only into a new or "
                            "empty folder, so nothing of yours is overwritten")


def _write_csv(path: Path, frame: pl.DataFrame) -> None:
    buffer = io.BytesIO()
    frame.write_csv(buffer, float_precision=2, batch_size=65_536)
    atomic_write_bytes(path, buffer.getbuffer())


def _summary(out: Path, spans: list[tuple[int, int]], indicators: int,
             roster: Roster | None, projects: int, seed: int) -> list[str]:
    first, last = spans[0], spans[-1]
    newest = folder_name(*last)
    lines = [
        f"Wrote a synthetic demo dataset (seed {seed}) to {out}; every figure in it is random.",
        f"  {len(spans)} period(s), {folder_name(*first)} … {newest}, "
        f"{indicators} indicator(s) each",
    ]
    if roster is not None:
        lines.append(f"  {newest}/enterprises.csv: {roster.frame.height:,} honour rows "
                     f"of {roster.firms:,} enterprises")
    if projects:
        lines.append(f"  {newest}/projects.csv: {projects:,} projects")
    lines.append(f"Open it with: econdash --data {out}")
    return lines

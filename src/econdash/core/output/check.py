"""Plain-text summaries of a loaded dataset for the command line."""

from __future__ import annotations

from econdash.core.errors import display_path
from econdash.core.loaders.meta import series_files
from econdash.core.model.dataset import Dataset
from econdash.core.paths import DatasetChoice
from econdash.core.query.drafts import draft_problems

SERIES_FILES_NAMED = 3  # then "and N more files"

ORIGIN_TEXT = {
    "--data": "given with --data or PATH",
    "ECONDASH_DATA": "from $ECONDASH_DATA",
    "user": "your dataset",
    "bundled": "the bundled seed dataset",
    "example": "a bundled example",
}


def check_report(dataset: Dataset, choice: DatasetChoice,
                 strict: bool) -> tuple[list[str], bool]:
    """The lines `econdash check` prints, and whether the check passed."""
    lines = [f"Dataset: {dataset.root} ({ORIGIN_TEXT.get(choice.origin, choice.origin)})"]
    if dataset.name:
        lines.append(f"  {dataset.title('zh')}")
    for period in dataset.periods:
        draft = " (draft: to review)" if period.is_draft else ""
        lines.append(
            f"  loaded {period.id} {period.title('zh')}{draft} from {period.folder.name}/: "
            f"{len(period.indicators)} indicators, {len(period.tiers)} tiers, "
            f"{period.projects.height} projects, {period.enterprises.height} honours")
    if dataset.series.height:
        count = dataset.series["indicator"].n_unique()
        lines.append(f"  {_series_names(dataset)}: {dataset.series.height} observations of "
                     f"{count} indicators")
    if not dataset.periods and not dataset.series.height:
        lines.append("  nothing loaded")
    empty = draft_problems(dataset)  # (not load problems: the dashboard shows drafts)
    lines.extend(f"  {problem}" for problem in (*dataset.problems, *empty))
    errors, warnings = len(dataset.errors), len(dataset.warnings) + len(empty)
    ok = errors == 0 and (warnings == 0 or not strict) and bool(dataset.periods or dataset.series.height)
    verdict = "OK" if ok else "FAILED"
    suffix = " (--strict: warnings fail)" if strict and warnings and not errors else ""
    lines.append(f"{verdict}: {errors} error(s), {warnings} warning(s){suffix}")
    return lines, ok


def _series_names(dataset: Dataset) -> str:
    """The series files that loaded, as `check` names them (a few, then a count)."""
    failed = {problem.file for problem in dataset.errors}
    names = [shown for shown in (display_path(path, dataset.root)
                                 for path in series_files(dataset.root))
             if shown not in failed]
    text = ", ".join(names[:SERIES_FILES_NAMED]) or "series"
    more = len(names) - SERIES_FILES_NAMED
    return text + (f" and {more} more files" if more > 0 else "")

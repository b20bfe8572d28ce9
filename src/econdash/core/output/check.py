"""Plain-text summaries of a loaded dataset for the command line, in either language."""

from __future__ import annotations

from econdash.core.errors import display_path
from econdash.core.i18n import tr
from econdash.core.loaders.meta import series_files
from econdash.core.model.dataset import Dataset
from econdash.core.paths import DatasetChoice
from econdash.core.problem_text import problem_text
from econdash.core.query.drafts import draft_problems

SERIES_FILES_NAMED = 3  # then "and N more files"


def check_report(dataset: Dataset, choice: DatasetChoice, strict: bool,
                 lang: str = "en") -> tuple[list[str], bool]:
    """The lines `econdash check` prints, and whether the check passed."""
    origin = tr(f"check.origin.{choice.origin}", lang)
    lines = [tr("check.dataset", lang, root=dataset.root, origin=origin)]
    if dataset.name:
        lines.append(f"  {dataset.title(lang)}")
    for period in dataset.periods:
        draft = tr("check.draft_mark", lang) if period.is_draft else ""
        lines.append(tr("check.loaded", lang, id=period.id, title=period.title(lang) + draft,
                        folder=period.folder.name, indicators=len(period.indicators),
                        tiers=len(period.tiers), projects=period.projects.height,
                        honours=period.enterprises.height))
    if dataset.series.height:
        count = dataset.series["indicator"].n_unique()
        lines.append(tr("check.series", lang, files=_series_names(dataset, lang),
                        rows=dataset.series.height, count=count))
    if not dataset.periods and not dataset.series.height:
        lines.append(tr("check.nothing", lang))
    empty = draft_problems(dataset)  # (not load problems: the dashboard shows drafts)
    lines.extend(f"  {problem_text(problem, lang)}" for problem in (*dataset.problems, *empty))
    errors, warnings = len(dataset.errors), len(dataset.warnings) + len(empty)
    ok = errors == 0 and (warnings == 0 or not strict) and bool(dataset.periods or dataset.series.height)
    suffix = tr("check.strict", lang) if strict and warnings and not errors else ""
    lines.append(tr("check.verdict", lang, verdict=tr("check.ok" if ok else "check.failed", lang),
                    errors=errors, warnings=warnings, suffix=suffix))
    return lines, ok


def _series_names(dataset: Dataset, lang: str) -> str:
    """The series files that loaded, as `check` names them (a few, then a count)."""
    failed = {problem.file for problem in dataset.errors}
    names = [shown for shown in (display_path(path, dataset.root)
                                 for path in series_files(dataset.root))
             if shown not in failed]
    text = ", ".join(names[:SERIES_FILES_NAMED]) or "series"
    more = len(names) - SERIES_FILES_NAMED
    return tr("check.more_files", lang, names=text, more=more) if more > 0 else text

"""`econdash extract`: read a report, propose its figures, write a draft period.

`extract_text` is the pure part (text in, proposals out) that tests and the
benchmark time; `extract_command` is what the CLI calls.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import tomli_w

from econdash.core.errors import EcondashError
from econdash.core.extract.chinese import fold
from econdash.core.extract.figures import read_figures
from econdash.core.extract.honours import is_tier, make_tier, named_rows
from econdash.core.extract.proposal import Extraction
from econdash.core.extract.readers import read_report
from econdash.core.extract.segments import sentences
from econdash.core.extract.spans import report_period
from econdash.core.extract.writer import report_document, write_period
from econdash.core.model.period import Period, parse_period_id

TITLE = re.compile(r"总结|报告|情况|分析|通报|简报|要点|汇报")


def extract_text(text: str, source_file: str, period: Period | None = None) -> Extraction:
    """Everything proposed from a report's text."""
    folded = fold(text)
    found = report_period(folded)
    year, months, guessed = found.year, found.months, found.year_guessed
    if period is not None:
        year, months, guessed = period.year, (period.first_month, period.last_month), False
    extraction = Extraction(source_file=source_file, title=_title(text), year=year,
                            months=months, year_guessed=guessed)
    extraction.figures = read_figures(folded, text, year, months)
    for figure in extraction.figures:
        if figure.months and (not 1 <= figure.months[0] <= figure.months[1] <= 12
                              or figure.months == tuple(months)):
            figure.months = None  # the report's own span: said by the period
        if is_tier(figure):
            make_tier(figure, figure.said + fold(figure.name))
    by_line: dict[int, list] = {}
    for figure in extraction.figures:
        by_line.setdefault(figure.line, []).append(figure)
    for sentence in sentences(folded):
        if not re.search(r"、|--|等|星级|公司|获评|入选", sentence.text):
            continue
        original = text[sentence.start:sentence.start + len(sentence.text)]
        enterprises, projects = named_rows(sentence.text, original, sentence.line,
                                           original.strip(), by_line.get(sentence.line, []))
        extraction.enterprises += enterprises
        extraction.projects += projects
    return extraction


def _title(text: str) -> str | None:
    lines = [line.strip() for line in text.splitlines()[:15] if line.strip()]
    for line in lines:
        if TITLE.search(line) and len(line) <= 60:
            return re.sub(r"^\[[^\]]*\]\s*", "", line)
    return lines[0][:60] if lines else None


def extract_command(report: Path, period_id: str | None, out: Path | None,
                    into: Path | None) -> tuple[list[str], str | None]:
    """Run extract for the CLI: (lines to print, report.toml text to print or None)."""
    period = None
    if period_id:
        try:
            period = parse_period_id(period_id)
        except ValueError as exc:
            raise EcondashError(f"--period {period_id}: {exc}") from None
    source = read_report(report.expanduser())
    extraction = extract_text(source.text, source.source_file, period)
    lines = _summary(extraction, source.kind)
    if into is not None:
        lines += _into(extraction, into.expanduser())
        return lines, None
    if out is not None:
        out = out.expanduser()
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            raise EcondashError(f"{out} already exists; extract never overwrites: choose a new "
                                "folder for -o")
        if out.exists():
            out.rmdir()
        written = write_period(extraction, out)
        lines += [f"Wrote {p}" for p in written]
        lines.append(f"Check it: econdash check {out}")
        return lines, None
    return lines, tomli_w.dumps(report_document(extraction))


def _summary(extraction: Extraction, kind: str) -> list[str]:
    period = Period(extraction.year, *extraction.months)
    tiers = sum(1 for f in extraction.figures if f.kind == "tier")
    figures = sum(1 for f in extraction.figures if f.kind != "tier")
    line = (f"Read {extraction.source_file} ({kind}): period {extraction.year}年{period.span_zh} "
            f"({period.id}); {figures} figures, {tiers} honour counts, "
            f"{len(extraction.enterprises)} enterprises, {len(extraction.projects)} projects "
            "proposed (a draft: review before it counts)")
    if not extraction.year_guessed:
        return [line]
    return [line, f"  the report does not say its year; {extraction.year} was assumed: pass "
                  "--period (e.g. --period 2022H1) if that is wrong"]


def _into(extraction: Extraction, target: Path) -> list[str]:
    """Add the draft period to a dataset through the ordinary, locked import."""
    from econdash.core.admin.importing import import_source
    existing = _existing_names(target)
    with tempfile.TemporaryDirectory(prefix="econdash-extract-") as tmp:
        folder = Path(tmp) / Period(extraction.year, *extraction.months).id
        write_period(extraction, folder, existing)
        try:
            return import_source(folder, target, replace=False)
        except EcondashError as exc:
            if "already has period" not in exc.message:
                raise
            raise EcondashError(exc.message.split("; use --replace")[0] + "; extract never "
                                "replaces a period: pass --period for another one, or write "
                                "the draft with -o DIR to compare it", exc.problems) from None


def _existing_names(target: Path) -> list[tuple[str, str]]:
    """(id, name) of every indicator the dataset has, newest period first."""
    if not target.is_dir():
        return []
    from econdash.core.loaders import load_dataset
    dataset = load_dataset(target)
    return [(i.id, i.name) for p in reversed(dataset.periods) for i in p.indicators]

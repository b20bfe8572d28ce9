"""The context a figure is read in: the span of its clause, its section heading or its
paragraph; a label before a colon that names it; whether it is a target.

A mixin of `figures.FigureReader` (it reads `self.folded`, `self.original`,
`self.year`, `self._period_months`, `self._after_target_heading`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from econdash.core.extract import patterns as P
from econdash.core.extract.spans import SPAN, leading_span, parse_span

SPAN_FIRST = set("0123456789一二三四上下前全今本第首截 ")
TARGET_CUE = re.compile(r"确保|力争|争取")
TARGET_SAID = re.compile(r"目标(?:是|为|:|任务是|任务为)")
HAS_DIGIT = re.compile(r"\d")
HEADING_1 = re.compile(r"^[一二三四五六七八九十]{1,3}、")
HEADING_2 = re.compile(r"^\([一二三四五六七八九十]{1,3}\)")
LABEL_NUMBERING = re.compile(r"^[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*|[(（][一二三四五六七八九十]{1,3}[)）]")


class ContextRules:
    """Spans, labels and targets around the figures of a report."""

    if TYPE_CHECKING:  # set by FigureReader
        folded: str
        original: str
        year: int
        _period_months: tuple[int, int] | None
        _after_target_heading: bool

    def _clause_spans(self, text: str) -> dict[int, tuple[int, int]]:
        """Spans opening a clause after a comma (`…，一季度，规下…`), by clause start."""
        found = {}
        at = text.find(",")
        while at != -1:
            if text[at + 1:at + 2] in SPAN_FIRST:
                opening = leading_span(text[at + 1:], clause_start=True)
                if opening and opening.months and opening.year in (None, self.year):
                    found[at + 1] = opening.months
            at = text.find(",", at + 1)
        return found

    # -- values ---------------------------------------------------------------------------
    def _heading_spans(self) -> dict[int, tuple[int, int]]:
        """The span a section heading gives the paragraphs under it (`二、1-9月主要指标`),
        by line: a level-one heading (一、) sets or clears it, a level-two one ((一)) sets it."""
        spans: dict[int, tuple[int, int]] = {}
        current = None
        for number, line in enumerate(self.folded.split("\n"), start=1):
            stripped = line.strip()
            level = 1 if HEADING_1.match(stripped) else 2 if HEADING_2.match(stripped) else 0
            if level and len(stripped) <= 40 and not re.search(r"[。;,]", stripped):
                found = SPAN.search(stripped)
                months = _months_of(found.group(0)) if found else None
                if months or level == 1:
                    current = months if months != (self._period_months or None) else None
            elif current is not None:
                spans[number] = current
        return spans

    def _label_before(self, start: int) -> str:
        """`规上工业总产值：完成156.3亿元…`: the label before a colon names the figures of
        the sentence after it that have no name of their own."""
        gap = self.folded[max(0, start - 40):start].rstrip()
        if not gap.endswith(":"):
            return ""
        cut = max(gap.rfind(c, 0, len(gap) - 1) for c in "。;,!?\n")
        end = start - (len(self.folded[max(0, start - 40):start]) - len(gap)) - 1
        label = self.original[end - (len(gap) - 1 - cut - 1):end]
        label = LABEL_NUMBERING.sub("", label.strip())
        return label if 2 <= len(label) <= 20 and not HAS_DIGIT.search(label) else ""

    def _target_context(self, text: str, at: int) -> bool:
        """Whether the number at `at` is a target: after `目标是/目标为` in its sentence, with
        目标 or 确保/力争 in its clause, or under a `全年目标：` heading; `完成年度目标的105%`
        is a completion, not a target."""
        clause = text[max(text.rfind(",", 0, at), text.rfind(";", 0, at)) + 1:at]
        if P.COMPLETION.search(clause.rstrip()):
            return False
        return self._after_target_heading or bool(TARGET_SAID.search(text, 0, at)) \
            or "目标" in clause or bool(TARGET_CUE.search(clause))


def _months_of(text: str) -> tuple[int, int] | None:
    span = parse_span(text)
    return span.months if span else None



def this_sentence_only(opening, text: str) -> bool:
    """A single month or a later quarter (`10月当月`, `二季度`) narrows one sentence only."""
    first, last = opening.months
    return first > 1 or first == last or "当月" in text[:opening.end + 3]



def clause_at(clause_spans: dict[int, tuple[int, int]], pos: int) -> int | None:
    starts = [s for s in clause_spans if s <= pos]
    return max(starts) if starts else None

"""Splitting a report into paragraphs (lines), sentences and clauses, with offsets.

Reports end sentences with 。！？ and separate items with ；, clauses with ，
(full-width, or half-width in text that went through a converter). A `.`
ends a sentence only between two non-digits (`334.8亿元.我县`). A `:` after a
heading (`(一)工业增加值：2022年1-5月…`) starts a new sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

SENTENCE_END = re.compile(r"(?=[。!?！？.:])(?:[。!?！？]+|(?<=[^\d\s])\.(?=[^\d])|(?<!\d):|:(?!\d))")
SEGMENT_END = re.compile(r";")
HAS_NUMBER = re.compile(r"\d|[一二三四五六七八九十两]")
CLAUSE_END = re.compile(r",(?!\d{3}(?!\d))")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its folded text, its offset in the whole text and its line."""

    text: str
    start: int
    line: int
    paragraph: int


def sentences(folded: str) -> Iterator[Sentence]:
    """Every non-empty sentence of the text, paragraph by paragraph (a paragraph is
    a line: Word paragraphs, HTML blocks and PDF lines all become lines)."""
    offset = 0
    for number, line in enumerate(folded.split("\n"), start=1):
        start = 0
        for match in SENTENCE_END.finditer(line):
            yield from _one(line, start, match.end(), offset, number)
            start = match.end()
        yield from _one(line, start, len(line), offset, number)
        offset += len(line) + 1


def _one(line: str, start: int, end: int, offset: int, number: int) -> Iterator[Sentence]:
    text = line[start:end]
    stripped = text.strip()
    if stripped and HAS_NUMBER.search(stripped):
        lead = len(text) - len(text.lstrip())
        yield Sentence(stripped, offset + start + lead, number, number)


def segment_bounds(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each ；-separated part of a sentence."""
    bounds, start = [], 0
    for match in SEGMENT_END.finditer(sentence):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(sentence)))
    return bounds

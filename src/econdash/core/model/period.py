"""Periods: a year and a span of months, with canonical ids and bilingual labels.

A report covers months `first..last` of a year, usually cumulative from
January (1-5月, 上半年). Ids are canonical so that the same span written two
ways (`2022H1`, `2022M01-M06`) is the same period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

SpanKind = Literal["cumulative", "month", "quarter", "other"]

MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
QUARTER_ZH = {1: "一季度", 2: "二季度", 3: "三季度", 4: "四季度"}
# Cumulative spans that reports name in words rather than months.
NAMED_CUMULATIVE_ZH = {3: "一季度", 6: "上半年", 9: "前三季度", 12: "全年"}
NAMED_CUMULATIVE_EN = {3: "Q1", 6: "H1", 9: "Q1-Q3", 12: "FY"}


@dataclass(frozen=True, order=True)
class Period:
    """A span of months in one year: the unit every figure is reported for."""

    year: int
    first_month: int
    last_month: int

    def __post_init__(self) -> None:
        if not 1 <= self.first_month <= self.last_month <= 12:
            raise ValueError(
                f"months must run from 1 to 12 with the first not after the last, "
                f"got [{self.first_month}, {self.last_month}]"
            )

    @property
    def kind(self) -> SpanKind:
        """Which kind of series this span belongs to (never mixed in one line)."""
        if self.first_month == 1:
            return "cumulative"
        if self.first_month == self.last_month:
            return "month"
        if self.first_month in (4, 7, 10) and self.last_month == self.first_month + 2:
            return "quarter"
        return "other"

    @property
    def id(self) -> str:
        """Canonical id: 2022M01-M05, 2022M05, 2022Q1, 2022Q2, 2022FY."""
        first, last = self.first_month, self.last_month
        if (first, last) == (1, 12):
            return f"{self.year}FY"
        if first == last:
            return f"{self.year}M{first:02d}"
        if first in (1, 4, 7, 10) and last == first + 2:
            return f"{self.year}Q{(first + 2) // 3}"
        return f"{self.year}M{first:02d}-M{last:02d}"

    @property
    def span_zh(self) -> str:
        """The span alone as reports write it: 1-5月, 上半年, 一季度, 5月."""
        first, last = self.first_month, self.last_month
        if first == 1 and last in NAMED_CUMULATIVE_ZH:
            return NAMED_CUMULATIVE_ZH[last]
        if first == last:
            return f"{first}月"
        if self.kind == "quarter":
            return QUARTER_ZH[(first + 2) // 3]
        if (first, last) == (7, 12):
            return "下半年"
        return f"{first}-{last}月"

    @property
    def span_en(self) -> str:
        """The span alone in English: Jan-May, H1, Q1, May."""
        first, last = self.first_month, self.last_month
        if first == 1 and last in NAMED_CUMULATIVE_EN:
            return NAMED_CUMULATIVE_EN[last]
        if first == last:
            return MONTHS_EN[first - 1]
        if self.kind == "quarter":
            return f"Q{(first + 2) // 3}"
        if (first, last) == (7, 12):
            return "H2"
        return f"{MONTHS_EN[first - 1]}-{MONTHS_EN[last - 1]}"

    @property
    def label_zh(self) -> str:
        """Full Chinese label: 2022年上半年, 2022年1-5月."""
        return f"{self.year}年{self.span_zh}"

    @property
    def label_en(self) -> str:
        """Full English label: 2022 H1, 2022 Jan-May."""
        return f"{self.year} {self.span_en}"

    def label(self, lang: str) -> str:
        """The label in `lang` ('zh' or 'en')."""
        return self.label_en if lang == "en" else self.label_zh

    def span(self, lang: str) -> str:
        """The span alone in `lang`."""
        return self.span_en if lang == "en" else self.span_zh


_ID_PATTERNS: list[tuple[re.Pattern[str], object]] = [
    (re.compile(r"^(\d{4})FY$"), lambda y: (y, 1, 12)),
    (re.compile(r"^(\d{4})H([12])$"), lambda y, h: (y, 1, 6) if h == 1 else (y, 7, 12)),
    (re.compile(r"^(\d{4})Q([1-4])$"), lambda y, q: (y, 3 * q - 2, 3 * q)),
    (re.compile(r"^(\d{4})M(\d{1,2})$"), lambda y, m: (y, m, m)),
    (re.compile(r"^(\d{4})M(\d{1,2})-M?(\d{1,2})$"), lambda y, a, b: (y, a, b)),
]


def parse_period_id(text: str) -> Period:
    """Parse a canonical id or alias (2022H1, 2022M01-M06, 2022Q2, 2022FY).

    Raises ValueError with a message naming the accepted forms.
    """
    cleaned = text.strip().upper().replace("－", "-")
    for pattern, build in _ID_PATTERNS:
        match = pattern.match(cleaned)
        if match:
            year, first, last = build(*(int(g) for g in match.groups()))  # type: ignore[operator]
            if not 1900 <= year <= 2200:
                raise ValueError(f"{text!r}: {year} is not a plausible year")
            return Period(year, first, last)
    raise ValueError(
        f"{text!r} is not a period id; use e.g. 2022M01-M05, 2022M05, 2022Q2, 2022H1 or 2022FY"
    )

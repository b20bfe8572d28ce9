"""formatting.py: the one set of plain-text number formatters (screens and exports)."""

from __future__ import annotations

import pytest

from econdash.core.formatting import (
    fmt_number,
    fmt_number_or_blank,
    fmt_pct,
    fmt_pct_compact,
    fmt_pct_or_blank,
    fmt_signed,
)


@pytest.mark.parametrize(("value", "text"), [
    (397.3, "397.3"), (21194.6, "21,194.6"), (30, "30"), (30.0, "30"), (0.125, "0.12"),
    (-1234.5, "-1,234.5"), (None, "-"),
])
def test_fmt_number(value, text) -> None:
    assert fmt_number(value) == text


def test_blank_variants_leave_a_missing_value_empty() -> None:
    assert fmt_number_or_blank(None) == "" and fmt_number_or_blank(21194.6) == "21,194.6"
    assert fmt_pct_or_blank(None) == "" and fmt_pct_or_blank(7) == "+7.0%"


@pytest.mark.parametrize(("value", "text"), [
    (26.5, "+26.5%"), (-13.6, "-13.6%"), (7, "+7.0%"), (0, "0.0%"), (3.25, "+3.25%"),
    (-0.001, "0.0%"), (100, "+100.0%"),
])
def test_fmt_pct(value: float, text: str) -> None:
    assert fmt_pct(value) == text


@pytest.mark.parametrize(("value", "text"), [
    (1234.5, "+1,234.5"), (-0.25, "-0.25"), (0, "+0"), (-0.001, "+0"), (2, "+2"),
    (-3, "-3"), (0.123, "+0.12"), (None, ""),
])
def test_fmt_signed(value, text) -> None:
    assert fmt_signed(value) == text


@pytest.mark.parametrize(("value", "text"), [
    (8.6, "+8.6%"), (7.0, "+7%"), (-1.25, "-1.25%"), (0.0, "+0%"),
])
def test_fmt_pct_compact(value: float, text: str) -> None:
    assert fmt_pct_compact(value) == text

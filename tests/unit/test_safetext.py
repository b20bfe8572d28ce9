"""Control characters from data or typing never reach a terminal raw."""

from __future__ import annotations

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from econdash.core.safetext import (
    CONTROL,
    DANGEROUS,
    DANGEROUS_ESCAPES,
    DANGEROUS_PATTERN,
    clean,
    has_dangerous,
    visible,
)


def test_escape_sequences_become_visible() -> None:
    label = "2022H1\x1b]0;PWNED\x07\x1b[2J"
    assert visible(label) == "2022H1\\x1b]0;PWNED\\x07\\x1b[2J"


def test_bidi_override_and_newline_are_escaped_on_one_line() -> None:
    assert visible("a\u202eb\nc") == "a\\u202eb\\nc"
    assert visible("a\nb", multiline=True) == "a\nb"


def test_clean_keeps_tabs_and_newlines_but_not_escapes() -> None:
    assert clean("note\tline\nnext\x1b[31m\r") == "note\tline\nnext\\x1b[31m\\r"
    assert has_dangerous("\x9b") and not has_dangerous("tab\there")


def test_plain_chinese_text_is_unchanged() -> None:
    text = "规上工业增加值 171.7亿元，同比增长7%"
    assert visible(text) is text or visible(text) == text
    assert clean(text) == text


@given(st.text())
def test_visible_output_has_no_control_character(text: str) -> None:
    assert not any(c in CONTROL for c in visible(text))


@given(st.text())
def test_clean_output_has_no_dangerous_character(text: str) -> None:
    assert not any(c in DANGEROUS for c in clean(text))


def test_polars_pattern_and_escapes_agree_with_clean() -> None:
    cells = ["ok", "x\x1by", "\u202eq", "a\tb", "\x85\x7f"]
    column = pl.Series(cells)
    assert column.str.contains(DANGEROUS_PATTERN).to_list() == [has_dangerous(c) for c in cells]
    replaced = column.str.replace_many(list(DANGEROUS), list(DANGEROUS_ESCAPES))
    assert replaced.to_list() == [clean(c) for c in cells]

"""Numbers as reports write them: "8.6%", "下降7.44%", "1,234.5", "－１.２", "—".

Two parsers that must never disagree: `number_expr`, a polars expression for
whole CSV columns at once, and `parse_text`, the same rules in pure Python for
one value (report.toml has one value per key: a polars round trip each cost
1.6 ms). `parse_number` turns `parse_text`'s NaN and infinity into messages.
A property test holds the two parsers to each other.

The rules, in order: trim Unicode whitespace; a missing marker is missing; a
leading sign word (下降, 增长 ...) gives the sign; dashes that mean minus become
"-"; whitespace goes; a trailing "%" and a leading "+" go; commas go only where
they group digits in threes; what remains must be plain ASCII decimal text.
A sign word with a signed number ("下降-3") or two signs ("+-3") is ambiguous,
and a figure of 10^15 or more is too large (no report figure is that big, and
near 1e308 charts overflow).

Polars-free at import: report.toml files are read without polars.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from econdash.core.loaders.text import nfkc

if TYPE_CHECKING:  # polars is imported where it is used: report.toml files are read
    import polars as pl  # without it (the first screen's fast path)

# Written where a figure is missing. Never read as 0.
MISSING_MARKERS = ["", "-", "--", "—", "——", "–", "/", "－", "N/A", "NA", "n/a", "na", "无", "…", "..."]
# Words that put a sign on a growth rate: 下降7.44% is -7.44.
NEGATIVE_WORDS = ["同比下降", "下降", "减少", "降低", "下滑", "回落", "负增长"]
POSITIVE_WORDS = ["同比增长", "增长", "增加", "上升", "提高", "提升"]
# |figure| at or above this is "too large to be a figure": 15 digits before the point
# hold any report's figure in any unit (a district's output in 元 is ~1e12), while
# values near 1e308 overflow whatever is computed from them (a chart's extent).
TOO_LARGE = 1e15

# Unicode White_Space, what polars' strip_chars() and its regex \s match. Python's
# str.strip() and re's \s also match the separators \x1c-\x1f, which would make a cell
# polars reads as an invalid number a missing one here: the two parsers must agree.
WHITESPACE = ("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
              "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
MINUS_DASHES = "\u2212\u2012\u2013"  # minus sign, figure dash, en dash: written for "-"

# Each pattern below is used by both parsers; written in the syntax Python's re and
# polars' (Rust) regex read alike: ASCII [0-9], no \s, no \d, and no $ (Python's $
# also matches before a final newline: each is used with a full match).
_WORD_PATTERN = "^(" + "|".join(NEGATIVE_WORDS + POSITIVE_WORDS) + ")"
_NEGATIVE_PATTERN = "^(" + "|".join(NEGATIVE_WORDS) + ")"
_SPACE_PATTERN = "[" + "".join(f"\\x{{{ord(c):x}}}" for c in WHITESPACE) + "]+"
_GROUPED_PATTERN = r"-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?"
_PLAIN_PATTERN = r"-?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?"
_TWO_SIGNS_PATTERN = r"^[-+][-+]"

_WORD = re.compile(_WORD_PATTERN)
_NEGATIVE = re.compile(_NEGATIVE_PATTERN)
_SPACES = re.compile("[" + re.escape(WHITESPACE) + "]+")
_GROUPED = re.compile(_GROUPED_PATTERN)
_PLAIN_NUMBER = re.compile(_PLAIN_PATTERN)
_DASHES_TO_MINUS = str.maketrans(dict.fromkeys(MINUS_DASHES, "-"))
_MISSING = frozenset(MISSING_MARKERS)
# The usual figures ("397.3", "8.6%"), decided at once: the rules above give the same.
_SIMPLE = re.compile(r"(-?[0-9]{1,15}(?:\.[0-9]+)?)%?")


def number_expr(col: pl.Expr) -> pl.Expr:
    """Parse a string column the way reports write numbers; bad cells become NaN.

    Null means missing; NaN marks a cell that is not a number (so callers can
    name the row, `not_a_number_reason` says why) and ±infinity a figure too large.
    """
    import polars as pl
    stripped = col.str.strip_chars()
    negative = stripped.str.contains(_NEGATIVE_PATTERN)
    worded = stripped.str.contains(_WORD_PATTERN)
    body = (
        stripped.str.replace(_WORD_PATTERN, "")
        .str.replace_all(f"[{MINUS_DASHES}]", "-")
        .str.replace_all(_SPACE_PATTERN, "")
        .str.replace(r"%$", "")
    )
    ambiguous = (body.str.contains(_TWO_SIGNS_PATTERN)
                 | (worded & body.str.contains(r"^[-+]")))
    body = body.str.replace(r"^\+", "")
    # Thousands separators only where they group digits in threes: "1,234.5", not "1,2345".
    grouped = body.str.contains(f"^{_GROUPED_PATTERN}$")
    body = pl.when(grouped).then(body.str.replace_all(",", "", literal=True)).otherwise(body)
    # Only plain ASCII decimal text is a number: "nan", "inf", "0x10", "٣" are not.
    plain = body.str.contains(f"^{_PLAIN_PATTERN}$") & ~ambiguous
    value = body.cast(pl.Float64, strict=False)
    value = pl.when(negative).then(-value.abs()).otherwise(value)
    value = pl.when(value.abs() >= TOO_LARGE).then(value.sign() * math.inf).otherwise(value)
    missing = stripped.is_null() | stripped.is_in(MISSING_MARKERS)
    return (
        pl.when(missing)
        .then(None)
        .when(plain)
        .then(value)
        .otherwise(float("nan"))
    )


def parse_text(text: str) -> float | None:
    """`number_expr` for one NFKC-normalised string, in pure Python: None when missing,
    NaN when not a number, ±infinity when too large, else the figure."""
    simple = _SIMPLE.fullmatch(text)
    if simple:
        return _limited(float(simple.group(1)))
    stripped = text.strip(WHITESPACE)
    if stripped in _MISSING:
        return None
    word = _WORD.match(stripped)
    body = stripped[word.end():] if word else stripped
    body = _SPACES.sub("", body.translate(_DASHES_TO_MINUS)).removesuffix("%")
    if body.startswith(("+-", "++", "-+", "--")) or (word and body.startswith(("-", "+"))):
        return math.nan  # ambiguous
    body = body.removeprefix("+")
    if _GROUPED.fullmatch(body):
        body = body.replace(",", "")
    if not _PLAIN_NUMBER.fullmatch(body):
        return math.nan
    value = float(body)
    if _NEGATIVE.match(stripped):
        value = -abs(value)
    return _limited(value)


def _limited(value: float) -> float:
    """±infinity for a figure too large, as `number_expr` gives."""
    return math.copysign(math.inf, value) if abs(value) >= TOO_LARGE else value


def not_a_number_reason(text: str) -> str:
    """Why `parse_text` gives NaN for `text`, to follow it in a message: "is not a number",
    or why it is ambiguous. Only for the few values a message names (not a hot path)."""
    stripped = text.strip(WHITESPACE)
    word = _WORD.match(stripped)
    body = stripped[word.end():] if word else stripped
    body = _SPACES.sub("", body.translate(_DASHES_TO_MINUS))
    if body[:2] in ("+-", "++", "-+", "--"):
        return f"is ambiguous: it has two signs ({body[:2]}); write one"
    if word and body[:1] in ("-", "+"):
        return (f"is ambiguous: the word {word.group()} and the sign {body[0]} both give "
                "its sign; write one of them")
    return "is not a number"


def parse_number(raw: object) -> float | None:
    """Parse one value from TOML (number or report-style string).

    Returns None for a missing marker; raises ValueError saying what is wrong.
    """
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ValueError(f"{str(raw).lower()} is not a number")
    if isinstance(raw, int):
        if abs(raw) >= TOO_LARGE:  # (compared as integers: TOML integers have no size limit)
            raise ValueError(f"{_digits(raw)} is too large to be a figure")
        return float(raw)
    if isinstance(raw, float):
        if math.isnan(raw):
            raise ValueError("the number is not a number")
        if not abs(raw) < TOO_LARGE:
            shown = f"{raw:g}" if math.isfinite(raw) else "the number"
            raise ValueError(f"{shown} is too large to be a figure")
        return raw
    if not isinstance(raw, str):
        raise ValueError(f"{shorten(raw)} is not a number")
    text = nfkc(raw)
    number = parse_text(text)
    if number is None:
        return None
    if math.isnan(number):
        raise ValueError(f"{shorten(raw)} {not_a_number_reason(text)}")
    if math.isinf(number):
        raise ValueError(f"{shorten(raw)} is too large to be a figure")
    return number


def _digits(number: int) -> str:
    """A whole number for a message: itself, or its first digits when it is long."""
    text = str(number)  # (at most 4,300 digits: tomllib refuses longer ones)
    return text if len(text) <= 20 else f"{text[:20]}... ({len(text):,} digits)"


def shorten(value: object, limit: int = 40) -> str:
    """repr() of a value for a message, cut so a 1 MB cell doesn't flood the screen."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 5] + "...'" + f" ({len(str(value)):,} characters)"

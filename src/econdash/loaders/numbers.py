"""Numbers as reports write them: "8.6%", "下降7.44%", "1,234.5", "－１.２", "—".

One polars expression does the parsing, for whole CSV columns at once; the
scalar `parse_number` runs the same expression on a one-element Series so
the two can never disagree.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # polars is imported where it is used: report.toml files with plain
    import polars as pl  # numbers are read without it (the first screen's fast path)

# Written where a figure is missing. Never read as 0.
MISSING_MARKERS = ["", "-", "--", "—", "——", "–", "/", "－", "N/A", "NA", "n/a", "na", "无", "…", "..."]
# Words that put a sign on a growth rate: 下降7.44% is -7.44.
NEGATIVE_WORDS = ["同比下降", "下降", "减少", "降低", "下滑", "回落", "负增长"]
POSITIVE_WORDS = ["同比增长", "增长", "增加", "上升", "提高", "提升"]
_WORD_PATTERN = "^(" + "|".join(NEGATIVE_WORDS + POSITIVE_WORDS) + ")"
_NEGATIVE_PATTERN = "^(" + "|".join(NEGATIVE_WORDS) + ")"
_PLAIN = re.compile(r"^[ \t]*-?[0-9]{1,15}(\.[0-9]+)?[ \t]*\Z")  # not \s: see WHITESPACE


def number_expr(col: pl.Expr) -> pl.Expr:
    """Parse a string column the way reports write numbers; bad cells become NaN.

    Null means missing; NaN marks a cell that is not a number (so callers can
    name the row) and infinities mark overflow.
    """
    import polars as pl
    stripped = col.str.strip_chars()
    negative = stripped.str.contains(_NEGATIVE_PATTERN)
    body = (
        stripped.str.replace(_WORD_PATTERN, "")
        .str.replace_all("[\u2212\u2012\u2013]", "-")
        .str.replace_all(r"\s+", "")
        .str.replace(r"%$", "")
        .str.replace(r"^\+", "")
    )
    # Thousands separators only where they group digits in threes: "1,234.5", not "1,2345".
    grouped = body.str.contains(r"^-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$")
    body = pl.when(grouped).then(body.str.replace_all(",", "", literal=True)).otherwise(body)
    # Only plain ASCII decimal text is a number: "nan", "inf", "0x10", "٣" are not.
    plain = body.str.contains(r"^-?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")
    value = body.cast(pl.Float64, strict=False)
    value = pl.when(negative).then(-value.abs()).otherwise(value)
    missing = stripped.is_null() | stripped.is_in(MISSING_MARKERS)
    return (
        pl.when(missing)
        .then(None)
        .when(plain)
        .then(value)
        .otherwise(float("nan"))
    )


# Unicode White_Space, what polars' strip_chars() removes. Python's str.strip() also
# removes the separators \x1c-\x1f, which would make a cell polars reads as an invalid
# number a missing one here: the two parsers must agree.
WHITESPACE = ("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
              "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def parse_number(raw: object) -> float | None:
    """Parse one value from TOML (number or report-style string).

    Returns None for a missing marker; raises ValueError saying what is wrong.
    """
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ValueError(f"{str(raw).lower()} is not a number")
    if isinstance(raw, (int, float)):
        try:
            number = float(raw)
        except OverflowError:  # TOML integers have no size limit
            raise ValueError(f"{str(raw)[:20]}... is too large to be a figure") from None
    elif isinstance(raw, str) and (raw.strip(WHITESPACE) in MISSING_MARKERS):
        return None
    elif isinstance(raw, str) and _PLAIN.match(raw):
        number = float(raw)  # the common case, without a polars round trip
    elif isinstance(raw, str):
        import polars as pl
        text = unicodedata.normalize("NFKC", raw)
        number = pl.select(number_expr(pl.lit(text, dtype=pl.String))).item()
        if number is None:
            return None
    else:
        raise ValueError(f"{shorten(raw)} is not a number")
    shown = shorten(raw) if isinstance(raw, str) else "the number"
    if math.isnan(number):
        raise ValueError(f"{shown} is not a number")
    if math.isinf(number):
        raise ValueError(f"{shown} is too large to be a figure")
    return number


def shorten(value: object, limit: int = 40) -> str:
    """repr() of a value for a message, cut so a 1 MB cell doesn't flood the screen."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 5] + "...'" + f" ({len(str(value)):,} characters)"

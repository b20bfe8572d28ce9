"""Number text for people, as plain strings: 397.3, 21,194.6, +8.6%, +0.25, or blank.

The one home of econdash's number formatters, shared by the interface (which adds
colour and arrows around them) and the exports. Stdlib only.
"""

from __future__ import annotations


def fmt_number(value: float | int | None) -> str:
    """397.3 → '397.3'; 21194.6 → '21,194.6'; whole numbers without decimals; None → '-'."""
    if value is None:
        return "-"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def fmt_number_or_blank(value: float | int | None) -> str:
    """As `fmt_number`, but blank (not '-') when there is no value: a table cell the
    report leaves empty."""
    return "" if value is None else fmt_number(value)


def fmt_signed(value: float | int | None) -> str:
    """A change with its sign, to two decimals at most: '+1,234.5', '-0.25', '+0';
    blank when there is no value."""
    if value is None:
        return ""
    text = fmt_number(round(value, 2))
    return text if text.startswith("-") else f"+{text}"


def fmt_pct(value: float) -> str:
    """Signed growth with one decimal at least: +26.5%, -13.6%, +7.0%, 0.0%, +3.25%."""
    text = f"{abs(value):.2f}".rstrip("0")
    if text.endswith("."):
        text += "0"
    if text == "0.0":
        return "0.0%"
    return ("+" if value > 0 else "-") + text + "%"


def fmt_pct_or_blank(value: float | None) -> str:
    """As `fmt_pct`, but blank when there is no growth rate (a table cell)."""
    return "" if value is None else fmt_pct(value)


def fmt_pct_compact(value: float) -> str:
    """Signed growth in as few digits as it needs (six significant at most), as the
    period brief writes it: +8.6%, +7%, -1.25%, +0%."""
    return f"{value:+g}%"

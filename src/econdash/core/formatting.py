"""Number text for people: 397.3, 21,194.6, 30 (shared by the UI and exports)."""

from __future__ import annotations


def fmt_number(value: float | int | None) -> str:
    """397.3 → '397.3'; 21194.6 → '21,194.6'; whole numbers without decimals; None → '-'."""
    if value is None:
        return "-"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")

"""A point of an indicator's series across periods (a plain dataclass, no polars).

Kept apart from `query` (which builds series with polars) so the overview's
cards can be drawn from a snapshot before polars is imported.
"""

from __future__ import annotations

from dataclasses import dataclass

from econdash.core.model.period import Period


@dataclass(frozen=True)
class SeriesPoint:
    """One observation of an indicator in a series."""

    span: Period
    value: float | None
    yoy_pct: float | None
    rank: int | None


def spark_values(points: list[SeriesPoint] | tuple[SeriesPoint, ...],
                 field: str = "value") -> list[float]:
    """Non-null values for a sparkline (Textual's Sparkline crashes on None)."""
    return [float(getattr(p, field)) for p in points if getattr(p, field) is not None]

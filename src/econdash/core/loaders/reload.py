"""Keeping the last good data when a live reload finds a period broken.

When the dataset folder changes (`econdash.core.watch.fingerprint`), the app loads
it again. A period that loaded before but fails now (say, a file caught
half-written) is kept from the old load, and its errors are still reported.
Polars-free at import (the app imports it before the first frame).
"""

from __future__ import annotations

from dataclasses import replace

from econdash.core.errors import Problem
from econdash.core.model.dataset import Dataset


def merge_reload(old: Dataset, new: Dataset) -> tuple[Dataset, list[Problem]]:
    """The new dataset, plus old periods that now fail to load; and the errors why."""
    kept = [p for p in old.periods if new.period(p.id) is None
            and any(e.file.startswith(p.folder.name + "/") for e in new.errors)]
    if not kept:
        return new, list(new.errors)
    periods = sorted([*new.periods, *kept],
                     key=lambda p: (p.period.year, p.period.last_month, -p.period.first_month))
    return replace(new, periods=tuple(periods)), list(new.errors)

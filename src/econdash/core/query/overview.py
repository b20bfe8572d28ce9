"""The overview of one period of a loaded dataset: its provenance and headline cards.

Polars-free at import (the dashboard's app module imports it before the first
frame); the series of each card are read inside `overview_data`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from econdash.core.model.dataset import headline_indicators
from econdash.core.model.overview import Card, OverviewData

if TYPE_CHECKING:
    import polars as pl

    from econdash.core.model.dataset import Dataset


def overview_data(dataset: "Dataset", observations: "pl.DataFrame | None",
                  index: int) -> OverviewData | None:
    """The overview of period `index` of a loaded dataset (None when it has no periods)."""
    from econdash.core.query.series import indicator_series
    if not dataset.periods:
        return None
    index = min(max(index, 0), len(dataset.periods) - 1)
    period = dataset.periods[index]
    cards = tuple(
        Card(ind, tuple(indicator_series(observations, ind)) if observations is not None else ())
        for ind in headline_indicators(period.indicators))
    return OverviewData(
        period=period.period, label=period.label, region=period.region, source=period.source,
        published=period.published, position=index + 1, count=len(dataset.periods),
        dataset_name=dataset.name, dataset_name_en=dataset.name_en,
        dataset_folder=dataset.root.name, cards=cards)

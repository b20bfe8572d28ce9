"""Messages the data source posts to the App (`tui.data_source`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    import polars as pl

    from econdash.core.errors import EcondashError
    from econdash.core.model.dataset import Dataset
    from econdash.core.watch import Fingerprint


class DatasetLoaded(Message):
    """A load or a reload finished: the dataset (and, for a first load, its
    observations) with the fingerprint of the files it was read from."""

    def __init__(self, dataset: Dataset, observations: pl.DataFrame | None, reload: bool,
                 stamp: Fingerprint) -> None:
        super().__init__()
        self.dataset, self.observations = dataset, observations
        self.reload, self.stamp = reload, stamp


class LoadFailed(Message):
    """A load or reload could not read the dataset at all."""

    def __init__(self, error: EcondashError, reload: bool) -> None:
        super().__init__()
        self.error, self.reload = error, reload

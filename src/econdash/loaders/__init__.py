"""Loaders: turn the files a bureau writes into the frozen model.

`load_dataset(path)` is the entry point; every problem found is a located
`Problem`, and only a dataset that cannot be opened at all raises.
"""

from econdash.loaders.dataset import load_dataset

__all__ = ["load_dataset"]

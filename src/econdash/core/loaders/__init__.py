"""Loaders: turn the files a bureau writes into the frozen model.

`load_dataset(path)` is the entry point; every problem found is a located
`Problem`, and only a dataset that cannot be opened at all raises.

This package's `__init__` imports no submodule (`load_dataset` is looked up on
first use). A dataset loads on a thread while the interface imports its
screens, some of which import `econdash.core.model.schema`: an `__init__` that
imported submodules could deadlock two threads importing at once (Python
takes a submodule's import lock before its package's).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from econdash.core.loaders.dataset import load_dataset

__all__ = ["load_dataset"]


def __getattr__(name: str) -> Any:
    if name == "load_dataset":
        from econdash.core.loaders.dataset import load_dataset
        return load_dataset
    raise AttributeError(f"module 'econdash.core.loaders' has no attribute {name!r}")

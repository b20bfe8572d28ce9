"""The frozen, Textual-free model: periods, indicators, tiers and datasets.

Import from the submodules (`econdash.core.model.dataset`, `.period`, `.series`):
this `__init__` imports none of them, so two threads importing the model at
once can't deadlock (see `econdash.core.loaders`).
"""

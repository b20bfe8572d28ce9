"""The dashboard's memory: what a load replaced is freed, what stays is frozen.

Textual-free (the garbage collector only).
"""

from __future__ import annotations

import gc


def collect_and_freeze() -> None:
    """Once loaded data is on screen: free what it replaced, then freeze the rest.

    The loaded data and the widgets mostly stay for the session: frozen, the collector
    does not rescan them on every typed key (pauses of 100 ms and more at 1M rows). But
    what a freeze holds is never collected: a replaced dataset sits in reference cycles
    (widgets, caches) of few Python objects and hundreds of MB of frames, so it is
    unfrozen and collected first (freezing on each reload without this kept every
    replaced dataset, ~70 MB each at 200k rows: hostile test F9). A dataset still in use
    at that moment (a table's view being computed in a worker) goes at the next load.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()

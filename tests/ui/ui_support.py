"""Helpers shared by the Pilot tests: run an app with a scenario, read Rich text.

(The autouse ECONDASH_HOME isolation is in tests/conftest.py.)
"""

from __future__ import annotations

import asyncio
import io
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path

from rich.console import Console
from textual.pilot import Pilot

from econdash.core.loaders import load_dataset
from econdash.core.model.dataset import Dataset
from econdash.core.paths import bundled_dataset
from econdash.core.watch import fingerprint
from econdash.tui.app import EcondashApp

Scenario = Callable[[EcondashApp, Pilot], Awaitable[None]]


def run_scenario(scenario: Scenario, dataset: Dataset | None = None,
                 size: tuple[int, int] = (120, 36), lang: str = "zh") -> None:
    """Run the dashboard headless on `dataset` (default: the bundled one) through `scenario`."""
    async def main() -> None:
        app = EcondashApp(dataset=dataset or load_dataset(bundled_dataset()), lang=lang)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(app, pilot)
    asyncio.run(main())


def plain(renderable: object, width: int = 200) -> str:
    """What a Rich renderable looks like as text."""
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


class HeldLoading:
    """A load (as `econdash.core.startup.Loading`) that finishes, or fails with `error`, only
    when the test sets `release`; `head` is the preview of first rows shown meanwhile."""

    def __init__(self, path: Path, error: Exception | None = None,
                 head: Dataset | None = None) -> None:
        self.path, self.error, self.head = path, error, head
        self.release, self.head_shown = threading.Event(), threading.Event()

    def result(self):
        self.release.wait(30)
        if self.error is not None:
            raise self.error
        return fingerprint(self.path), load_dataset(self.path)


def notices_of(app: object) -> list[tuple[str, str]]:
    """(message, severity) of every notification the app showed (tests/ui/conftest.py)."""
    return list(getattr(app, "__dict__", {}).get("recorded_notices", []))

"""Fixtures for the Pilot tests: every notification an app shows is recorded.

Tests read `notices_of(app)` (ui_support) instead of Textual's private notification
store: the recording wraps the public `App.notify`, which every toast goes through.
"""

from __future__ import annotations

import pytest
from textual.app import App


@pytest.fixture(autouse=True)
def recorded_notices(monkeypatch: pytest.MonkeyPatch) -> None:
    """App.notify also appends (message, severity) to the app's `recorded_notices`."""
    original = App.notify

    def notify(self: App, message: str, **options: object) -> None:
        self.__dict__.setdefault("recorded_notices", []).append(
            (str(message), str(options.get("severity", "information"))))
        original(self, message, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(App, "notify", notify)

"""FilterBar's search box: the typed character is shown before the search runs."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen

from econdash.widgets.filter_bar import FilterBar, SearchInput


class BarApp(App[None]):
    """A FilterBar (search box 30 cells wide) that records what it posts and shows."""

    CSS = "FilterBar { width: 30; }"

    def __init__(self) -> None:
        super().__init__()
        self.changes: list[str] = []
        self.shown: list[str] = []  # the search text of every frame displayed
        self.shown_when_changed: list[list[str]] = []

    def compose(self) -> ComposeResult:
        yield FilterBar([("town", "town")], lang="en")

    def _display(self, screen: Screen, renderable: Any) -> None:
        super()._display(screen, renderable)
        if renderable is not None and self.screen.query(SearchInput):
            self.shown.append(self.screen.query_one(SearchInput).value)

    def on_filter_bar_changed(self, event: FilterBar.Changed) -> None:
        self.changes.append(event.search)
        self.shown_when_changed.append(list(self.shown))


def run(scenario) -> None:
    async def main() -> None:
        app = BarApp()
        async with app.run_test(size=(40, 5)) as pilot:
            await pilot.pause()
            app.query_one(FilterBar).focus_search()
            await pilot.pause()
            await scenario(app, pilot)
    asyncio.run(main())


def test_search_is_posted_after_the_typed_text_is_shown() -> None:
    async def scenario(app: BarApp, pilot) -> None:
        for key in "abc":
            await pilot.press(key)
            await pilot.pause()
        assert app.changes == ["a", "ab", "abc"]
        for text, shown in zip(app.changes, app.shown_when_changed):
            assert text in shown  # that frame was already displayed
    run(scenario)


def test_typing_asks_for_no_screen_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    layouts: list[int] = []
    real = Screen._refresh_layout

    def counting(self: Screen, *args: Any, **kwargs: Any) -> None:
        layouts.append(1)
        real(self, *args, **kwargs)

    async def scenario(app: BarApp, pilot) -> None:
        await pilot.pause()
        monkeypatch.setattr(Screen, "_refresh_layout", counting)
        for key in "hello":
            await pilot.press(key)
        await pilot.pause()
        assert app.query_one(SearchInput).value == "hello"
        assert app.shown[-1] == "hello"
        assert layouts == []  # only the search box was repainted
    run(scenario)


def test_long_search_text_keeps_the_cursor_in_view() -> None:
    async def scenario(app: BarApp, pilot) -> None:
        search = app.query_one(SearchInput)
        text = "abcdefghijklmnopqrstuvwxyz0123456789"
        for key in text:
            await pilot.press(key)
        await pilot.pause()
        assert search.value == text
        assert search.scroll_offset.x > 0  # scrolled: the end of the text is visible
        line = "".join(segment.text for segment in search.render_line(0))
        assert "6789" in line and "abc" not in line
        await pilot.press("home")
        await pilot.pause()
        assert search.scroll_offset.x == 0
    run(scenario)

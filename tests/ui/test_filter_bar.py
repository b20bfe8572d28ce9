"""FilterBar's search box: the typed character is shown before the search runs."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen

from econdash.tui.widgets.filter_bar import FilterBar, SearchInput


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


def test_filters_are_made_after_the_first_frame_in_their_own_order() -> None:
    """The first frame has only the search box (Selects are slow to make); the filters
    follow one a frame, or at once when they get choices, always in the order the screen
    gave and before the search box; a filter without choices is hidden and reads 'all'."""
    async def main() -> None:
        class ThreeFilters(App[None]):
            first_frame: list[str] | None = None

            def compose(self) -> ComposeResult:
                yield FilterBar([("town", "town"), ("level", "level"), ("status", "status")])

            def _display(self, screen: Screen, renderable: Any) -> None:
                super()._display(screen, renderable)
                if renderable is not None and self.first_frame is None:
                    self.first_frame = [s.name for s in self.query_one(FilterBar)._selects()]

        app = ThreeFilters()
        async with app.run_test(size=(100, 5)) as pilot:
            bar = app.query_one(FilterBar)
            bar.set_value("level", "国家级")  # not offered: ignored
            bar.set_options("status", ["认定", "培育"])
            await pilot.pause()
            for _ in range(5):
                await pilot.pause()
            assert app.first_frame is not None and "town" not in app.first_frame
            assert [s.name for s in bar._selects()] == ["town", "level", "status"]
            assert [s.display for s in bar._selects()] == [False, False, True]
            assert list(bar.children)[-1] is bar.query_one(SearchInput)
            assert bar.filters == {"town": None, "level": None, "status": None}
            bar.set_options("level", ["国家级", "省级"])
            bar.set_value("level", "省级")
            assert bar.filters == {"town": None, "level": "省级", "status": None}
            with pytest.raises(KeyError):
                bar.set_value("nope", None)
    asyncio.run(main())

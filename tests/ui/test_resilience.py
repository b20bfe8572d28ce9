"""No key sequence ends the dashboard (F2 of the hostile test): random key storms on
every screen, the palette's page keys before it has a size, and the guard that logs a
bug and keeps the session going.

Keys are sent in bursts, as they arrive in one terminal read (fast typing, key
repeat, a batched ssh connection): a burst is posted without waiting between keys.
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import OptionList

from econdash.core.loaders import load_dataset
from econdash.core.paths import bundled_dataset, bundled_examples
from econdash.tui import textual_fixes
from econdash.tui.app import EcondashApp

NAMED = {"[": "left_square_bracket", "]": "right_square_bracket", "?": "question_mark",
         "!": "exclamation_mark", "/": "slash", " ": "space"}
KEYS = (list("123456[]lce?!/fsabxyz") + ["up", "down", "left", "right", "pageup", "pagedown",
        "home", "end", "tab", "shift+tab", "enter", "enter", "escape", "escape", "backspace",
        "ctrl+p", " "])
"""Everything but the keys that quit (q, ctrl+q, ctrl+c): the storm must run to its end."""


def key_event(key: str) -> events.Key:
    name = NAMED.get(key, key)
    return events.Key(name, key if len(key) == 1 else None)


async def burst(app: App, pilot: Pilot, keys: list[str]) -> None:
    for key in keys:
        app.post_message(key_event(key))
    await pilot.pause()


def storm(dataset_path: Path, start: str, seed: int, count: int = 500) -> EcondashApp:
    """`count` random keys in bursts of 10 from section `start`; returns the app after."""
    rng = random.Random(seed)
    app = EcondashApp(dataset=load_dataset(dataset_path))
    # The palette's own Quit command is a way to quit too (ctrl+p, arrows, Enter): left out.
    every_command = app.get_system_commands
    app.get_system_commands = lambda screen: [  # type: ignore[method-assign]
        command for command in every_command(screen) if command.callback != app.action_quit]

    async def main() -> None:
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press(start)
            for _ in range(count // 10):
                await burst(app, pilot, [rng.choice(KEYS) for _ in range(10)])
            assert app.is_running
    asyncio.run(main())  # run_test re-raises any exception the storm caused
    return app


@pytest.mark.parametrize("start", list("123456"))
def test_500_random_keys_on_each_section_crash_nothing(start: str, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # where the export dialog writes what a storm types
    data = bundled_examples() / "three-cities" if start == "6" else bundled_dataset()
    app = storm(data, start, seed=int(start))
    assert app.internal_errors == []


class _Pages(App):
    CSS = "OptionList { height: 0; }"

    def compose(self) -> ComposeResult:
        yield OptionList("a", "b", "c")


def test_page_keys_in_an_option_list_without_a_size_do_nothing() -> None:
    """Textual 8.2.8 raises KeyError here (ctrl+p then PageUp in one read did it)."""
    textual_fixes.apply()

    async def main() -> None:
        app = _Pages()
        async with app.run_test() as pilot:
            options = app.query_one(OptionList)
            options.action_page_down()
            options.action_page_up()
            await pilot.pause()
            assert options.highlighted in (None, 0)
    asyncio.run(main())


def test_palette_then_page_keys_in_one_read() -> None:
    async def main() -> None:
        app = EcondashApp(dataset=load_dataset(bundled_dataset()))
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await burst(app, pilot, ["ctrl+p", "pageup", "pagedown", "a", "pageup"])
            await burst(app, pilot, ["escape"])
            assert app.is_running
    asyncio.run(main())


def test_a_bug_ends_the_session_with_a_plain_message_and_a_log(isolated_home: Path) -> None:
    """Textual would print a traceback (and stop answering keys in the widget whose
    handler failed); the dashboard logs the traceback and exits with one line."""
    async def main() -> EcondashApp:
        app = EcondashApp(dataset=load_dataset(bundled_dataset()), guard_errors=True)

        def broken() -> None:
            raise KeyError("boom")

        app.action_help = broken  # type: ignore[method-assign]
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            app.post_message(key_event("?"))
            for _ in range(100):  # (pilot.pause waits for screens that are going away)
                if not app.is_running:
                    break
                await asyncio.sleep(0.05)
        return app
    app = asyncio.run(main())
    assert app.return_code == 2
    assert [type(e) for e in app.internal_errors] == [KeyError]
    log = isolated_home / "cache" / "errors.log"
    assert "KeyError: 'boom'" in log.read_text(encoding="utf-8")
    exit_text = app.exit_message or ""
    assert "KeyError" in exit_text and str(log) in exit_text and "Traceback" not in exit_text


def test_debug_mode_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ECONDASH_DEBUG", "1")
    app = EcondashApp(dataset=load_dataset(bundled_dataset()), guard_errors=True)
    assert app.guard_errors is False

"""Work-arounds for Textual bugs that econdash users can hit, in one place.

Each patch names the Textual version it was written against and the upstream
report; delete it once the fixed Textual is the minimum in pyproject.toml.
`apply()` is idempotent and runs when `econdash.tui.app` is imported.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from typing import Any

from textual.app import App, ScreenStackError
from textual.await_complete import AwaitComplete
from textual.screen import Screen
from textual.widgets import OptionList

_APPLIED = False


def _guard_move_page() -> None:
    """PageUp / PageDown in an OptionList that has options but no size yet.

    Textual 8.2.8, `OptionList._move_page`: the option-to-line map is built only once
    the list has a size, so a page key that arrives before that (ctrl+p then PageUp in
    the same terminal read, or a filter's drop-down opened and paged at once) raises
    `KeyError: 0` and ends the app. Reported upstream for the same code path as
    kagan-sh/kagan-legacy#31 ("KeyError crash in action_page OptionsList"); a page key
    with nothing on screen has nothing to move, so it is ignored.
    """
    original = OptionList._move_page

    def move_page(self: OptionList, direction: Any) -> None:
        if not self.scrollable_content_region:
            return
        original(self, direction)

    OptionList._move_page = move_page  # type: ignore[method-assign]


def is_top(screen: Screen) -> bool:
    """Whether `screen` is the one on top of the stack (the one keys go to)."""
    try:
        return screen.app.screen is screen
    except ScreenStackError:
        return False


def _dismiss_only_the_top() -> None:
    """A screen dismissed twice, or while another is on top of it.

    Textual 8.2.8, `Screen.dismiss` pops whatever screen is on top. Two Enters or two
    Escs in one terminal read reach a dialog before its first pop has happened (the
    export dialog, the command palette's `_select_or_command` and `_action_escape`), so
    the second pop closes the section under it or raises ScreenStackError when none is
    left. A screen that is not on top has nothing to dismiss.
    """
    original = Screen.dismiss

    def dismiss(self: Screen, result: Any = None) -> AwaitComplete:
        if not is_top(self):
            return AwaitComplete()
        return original(self, result)

    Screen.dismiss = dismiss  # type: ignore[method-assign]


def terminal_lost(fd: int = 0) -> bool:
    """Whether the terminal on `fd` (one when the app started) has hung up.

    A hung-up terminal fails `tcgetattr` with EIO (and so `isatty` turns false).
    """
    try:
        import termios
    except ImportError:  # Windows: its driver has no such loop
        return False
    try:
        termios.tcgetattr(fd)
    except (termios.error, OSError):
        return True
    return False


TERMINAL_CHECK_SECONDS = 1.0
EXIT_GRACE_SECONDS = 3.0


def exit_when_terminal_lost(app: App) -> None:
    """Watch the terminal from a thread and end `app` when it has gone.

    A thread, not an app timer: the hang-up also sends SIGCONT, on which Textual's
    driver restarts its application mode, and the app's timers stopped firing (seen
    with Textual 8.2.8). If the app has not ended a few seconds after being asked, the
    process ends: there is no terminal left to restore, and settings are saved as they
    change.
    """
    if not os.isatty(0):
        return  # (the tests' headless driver)
    loop = asyncio.get_running_loop()

    def watch() -> None:
        while not terminal_lost():
            time.sleep(TERMINAL_CHECK_SECONDS)
        loop.call_soon_threadsafe(app.exit, None, 1)
        time.sleep(EXIT_GRACE_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="econdash-terminal-watch", daemon=True).start()


def apply() -> None:
    """Install every work-around (once)."""
    global _APPLIED
    if not _APPLIED:
        _guard_move_page()
        _dismiss_only_the_top()
        _APPLIED = True

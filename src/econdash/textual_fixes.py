"""Work-arounds for Textual bugs that econdash users can hit, in one place.

Each patch names the Textual version it was written against and the upstream
report; delete it once the fixed Textual is the minimum in pyproject.toml.
`apply()` is idempotent and runs when `econdash.app` is imported.
"""

from __future__ import annotations

from typing import Any

from textual.app import ScreenStackError
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


def apply() -> None:
    """Install every work-around (once)."""
    global _APPLIED
    if not _APPLIED:
        _guard_move_page()
        _dismiss_only_the_top()
        _APPLIED = True

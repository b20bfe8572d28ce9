"""An App that never shows its user a Python traceback and never outlives its terminal.

`EcondashApp` builds on it. With `guard_errors` (the real dashboard; not the tests,
which must see every exception, and not with ECONDASH_DEBUG=1) a bug ends the app
with one plain line and the traceback in `errors.log` (see `tui.error_guard`), and
the app ends when its terminal hangs up (see `tui.textual_fixes`).
"""

from __future__ import annotations

from textual.app import App

from econdash.tui import error_guard, textual_fixes


class GuardedApp(App):
    """An App whose bugs end it with a plain message and a log."""

    def __init__(self, guard_errors: bool = False) -> None:
        super().__init__()
        self.guard_errors = guard_errors and error_guard.guard_enabled()
        self.internal_errors: list[BaseException] = []
        self.exit_message: str | None = None
        """What the guard printed when it ended the app."""

    def on_mount(self) -> None:
        if self.guard_errors:  # (the real dashboard, on a terminal)
            textual_fixes.exit_when_terminal_lost(self)

    def _handle_exception(self, error: Exception) -> None:
        """Textual's handler of an exception escaping a message handler or worker (private:
        there is no public hook to replace its traceback exit)."""
        if not self.guard_errors:
            super()._handle_exception(error)
        elif not self.internal_errors:
            self.internal_errors.append(error)
            self.exit_message = error_guard.exit_message(error, getattr(self, "lang", "zh"))
            self.exit(return_code=2, message=error_guard.exit_text(self.exit_message))

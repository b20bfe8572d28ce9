"""A bug in the dashboard ends it with a plain message, never a traceback.

Textual ends an app with a full-screen Python traceback on any exception that
escapes a handler. The session cannot simply go on: Textual stops the message
loop of the widget whose handler failed (when that is the app or the screen,
nothing would answer a key, not even q). So the running dashboard (`econdash`,
not the tests, and not with ECONDASH_DEBUG=1) writes the traceback to
`errors.log` in the user cache folder and exits with a one-line message that
names the error and the log, and exit code 2 (as the CLI's internal errors).

Textual-free, so it can be tested without an app.
"""

from __future__ import annotations

import datetime as dt
import os
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from econdash import __version__

if TYPE_CHECKING:
    from rich.text import Text

LOG_NAME = "errors.log"
LOG_LIMIT = 1024 * 1024
"""Bytes: a longer log is started afresh, so it can never fill a disk."""


def guard_enabled() -> bool:
    """Whether bugs are caught (not when a developer asked to see them)."""
    return not os.environ.get("ECONDASH_DEBUG")


def log_error(error: BaseException, folder: Path | None = None) -> Path | None:
    """Append `error`'s traceback to the log; the log's path, or None if it can't be
    written (then the notice just has no path)."""
    if folder is None:
        from econdash.core.paths import user_cache_root
        folder = user_cache_root()
    path = folder / LOG_NAME
    entry = (f"--- {dt.datetime.now().isoformat(timespec='seconds')} econdash {__version__}\n"
             + "".join(traceback.format_exception(error)))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        mode = "w" if path.is_file() and path.stat().st_size > LOG_LIMIT else "a"
        with path.open(mode, encoding="utf-8") as log:
            log.write(entry)
    except OSError:
        return None
    return path


def exit_message(error: BaseException, lang: str) -> str:
    """Log `error` and say, in one line, that the dashboard stopped and where the log is."""
    from econdash.core.i18n import tr
    log = log_error(error)
    return tr("internal_error", lang, error=describe(error),
              log=str(log) if log is not None else "-")


def exit_text(message: str) -> Text:
    """`message` as the Rich text printed when the app has ended."""
    from rich.text import Text
    return Text(message, style="bold red")


def describe(error: BaseException) -> str:
    """'KeyError: 0', cut to one short line."""
    text = f"{type(error).__name__}: {error}".splitlines()[0] if str(error) else type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."

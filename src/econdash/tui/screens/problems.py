"""The problems screen: every error and warning found in the data, located.

It opens by itself when a dataset has errors; the periods that did load stay
browsable underneath (Esc).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from econdash.core.i18n import tr
from econdash.core.problem_text import location_text, message_text, problem_text, severity_text
from econdash.tui.screens.localized import LocalizedModalScreen
from econdash.tui.state import DashboardState, dashboard


def problems_text(app: DashboardState) -> Text:
    """The list of problems (or the load error) as styled text."""
    lang = app.lang
    text = Text()
    dataset = app.dataset
    if app.load_error is not None:
        text.append(tr("nothing_loaded", lang) + "\n\n", style="bold")
        text.append(message_text(app.load_error.message, lang) + "\n", style="red")
        for problem in app.load_error.problems:
            text.append(problem_text(problem, lang) + "\n", style="red")
        return text
    if dataset is None:
        return text
    if not dataset.problems:
        text.append(tr("no_problems", lang) + "\n", style="green")
        return text
    intro = ("nothing_loaded" if not dataset.periods
             else "errors_intro" if dataset.errors else "warnings_intro")
    text.append(tr(intro, lang) + "\n\n", style="bold")
    for problem in dataset.problems:
        style = "red" if problem.severity == "error" else "yellow"
        text.append(location_text(problem, lang), style=f"bold {style}")
        text.append(f"\n  {severity_text(problem, lang)}{': ' if lang == 'en' else '：'}"
                    f"{message_text(problem.message, lang)}\n", style=style)
    return text


class ProblemsScreen(LocalizedModalScreen):
    """A scrollable list of located problems."""

    BINDINGS = [Binding("escape,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        lang = dashboard(self).lang
        with Vertical(classes="dialog"):
            yield Static(tr("errors_title", lang) + "  (Esc)", classes="dialog-title")
            with VerticalScroll():
                yield Static(problems_text(dashboard(self)), id="problems-list")

    def on_mount(self) -> None:
        self.add_class("modal")

    def refresh_all(self) -> None:
        """After a reload: the problems of the data now loaded (a fixed file's error goes)."""
        self.query_one("#problems-list", Static).update(problems_text(dashboard(self)))

    def action_close(self) -> None:
        self.dismiss()

"""The problems screen on cases of the bad-input corpus (tests/data/bad/).

A dataset with errors opens the dashboard on the problems screen, which names
each problem with its file and line (or row and column), exactly as
`econdash check` does; Esc closes it and the good period stays browsable;
`q` quits. ECONDASH_HOME is isolated by tests/ui/conftest.py. No
pytest-asyncio in the venv: each test is sync and runs its coroutine with
`asyncio.run`.
"""

from __future__ import annotations

import asyncio
import io
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Static
from ui_support import notices_of

from econdash.core.loaders import load_dataset
from econdash.core.paths import DatasetChoice
from econdash.tui.app import EcondashApp
from econdash.tui.screens.overview import OverviewScreen
from econdash.tui.screens.problems import ProblemsScreen

CORPUS = Path(__file__).resolve().parents[1] / "data" / "bad"
GOOD_ID = "2022M01-M06"
SIZE = (120, 36)

Scenario = Callable[[EcondashApp, Pilot], Awaitable[None]]

# (case, location, "severity: message") as `econdash check` prints them.
ERROR_CASES = {
    "toml-syntax-error": ("toml-missing-equals", "bad-2022FY/report.toml:9",
                          "error: TOML syntax error: Expected '=' after a key in a key/value "
                          "pair (column 7)"),
    "bad-csv-cell": ("csv-bad-number", "bad-2022FY/projects.csv row 2, column 'completed_invest'",
                     "error: '约3' is not a number"),
    "csv-not-text": ("binary-xlsx-as-csv", "bad-2022FY/projects.csv:1",
                     "error: contains NUL bytes: this is a binary file (an .xlsx?), not text; "
                     "save it as CSV UTF-8 or CSV from Excel"),
}
DUPLICATE = ("good-2022H1-copy/report.toml",
             "warning: claims period 2022M01-M06 (2022年上半年), which good-2022H1/ already "
             "holds; this folder is not shown")


def copy_case(name: str, tmp_path: Path) -> Path:
    root = tmp_path / name
    shutil.copytree(CORPUS / name, root)
    return root


def run(app: EcondashApp, scenario: Scenario) -> EcondashApp:
    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await scenario(app, pilot)
    asyncio.run(main())
    return app


def problems_plain(app: EcondashApp) -> str:
    """The text of the problems list, as shown."""
    content = app.screen.query_one("#problems-list", Static).content
    if isinstance(content, Text):
        return content.plain
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text()


def shown(location: str, message: str) -> str:
    """How the problems screen lays out one problem: location, then the message indented."""
    return f"{location}\n  {message}"


async def close_and_browse(app: EcondashApp, pilot: Pilot) -> None:
    """Esc closes the problems screen; the good period is on the overview; q quits."""
    await pilot.press("escape")
    await pilot.pause()
    assert not isinstance(app.screen, ProblemsScreen)
    assert isinstance(app.screen, OverviewScreen)
    assert app.current_period is not None and app.current_period.id == GOOD_ID
    assert [p.id for p in app.dataset.periods] == [GOOD_ID]
    await pilot.press("q")
    await pilot.pause()


@pytest.mark.parametrize("via", ["dataset", "choice"])
@pytest.mark.parametrize("kind", list(ERROR_CASES))
def test_errors_open_the_problems_screen_then_the_good_period(kind: str, via: str,
                                                              tmp_path: Path) -> None:
    case, location, message = ERROR_CASES[kind]
    root = copy_case(case, tmp_path)

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        assert isinstance(app.screen, ProblemsScreen)
        text = problems_plain(app)
        assert shown(location, message) in text
        assert "Traceback" not in text
        await close_and_browse(app, pilot)

    app = (EcondashApp(dataset=load_dataset(root), lang="en") if via == "dataset"
           else EcondashApp(DatasetChoice(root, "--data"), lang="en"))
    app = run(app, scenario)
    assert app.return_code == 0


def test_duplicate_period_is_listed_on_the_problems_screen(tmp_path: Path) -> None:
    root = copy_case("duplicate-periods", tmp_path)

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        assert shown(*DUPLICATE) in problems_plain(app)
        await close_and_browse(app, pilot)

    assert run(EcondashApp(dataset=load_dataset(root), lang="en"), scenario).return_code == 0


def test_duplicate_period_is_told_without_asking(tmp_path: Path) -> None:
    root = copy_case("duplicate-periods", tmp_path)

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        on_screen = isinstance(app.screen, ProblemsScreen) and \
            shown(*DUPLICATE) in problems_plain(app)
        notified = any("good-2022H1-copy" in message for message, _ in notices_of(app))
        assert on_screen or notified

    run(EcondashApp(dataset=load_dataset(root), lang="en"), scenario)


def test_no_dataset_at_all_says_no_such_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        assert app.load_error is not None and app.dataset is None
        assert isinstance(app.screen, ProblemsScreen)
        text = problems_plain(app)
        assert f"{missing}: no such folder" in text
        assert "Traceback" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ProblemsScreen)
        assert app.current_period is None
        await pilot.press("q")
        await pilot.pause()

    app = run(EcondashApp(DatasetChoice(missing, "--data"), lang="en"), scenario)
    assert app.return_code == 0

"""Under load: a big roster, typing a search continuously, and a period folder
written (half-written first) while the dashboard runs. The interface keeps
answering every key, keeps the user's section, search and period, and ends up
with the new period and no crash."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from textual.widgets import Input
from ui_support import notices_of

from econdash.core.admin.demo.generate import write_demo_dataset
from econdash.core.paths import DatasetChoice
from econdash.tui.app import EcondashApp
from econdash.tui.screens.enterprises import EnterprisesScreen
from econdash.tui.widgets.frame_table import FrameTable

ROWS = 200_000


@pytest.fixture(autouse=True)
def fast_polling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EcondashApp, "RELOAD_SECONDS", 0.2)


def test_typing_and_reloading_on_a_big_roster(tmp_path: Path) -> None:
    root = tmp_path / "city"
    write_demo_dataset(root, enterprises=ROWS, projects=50, periods=2, indicators=10, seed=3)
    latest = sorted(p for p in root.iterdir() if p.is_dir())[-1]
    report = (latest / "report.toml").read_text(encoding="utf-8")
    year = int(report.split("year = ", 1)[1].split("\n", 1)[0])
    new_report = report.replace(f"year = {year}", f"year = {year + 1}", 1)

    async def main() -> None:
        app = EcondashApp(DatasetChoice(root, "--data"), watch=True)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: app.dataset is not None)
            shown_period = app.current_period.id
            await pilot.press("5")
            await wait_for(pilot, lambda: isinstance(app.screen, EnterprisesScreen))
            table = app.screen.query_one(FrameTable)
            await wait_for(pilot, lambda: table.total_count == ROWS)
            await pilot.press("slash")
            search = app.screen.query_one(Input)
            typed = ""
            folder = root / "incoming-period"
            for step, key in enumerate("有限公司"):
                if step == 1:  # a period folder caught half-written ...
                    folder.mkdir()
                    (folder / "report.toml").write_text(new_report[: len(new_report) // 3],
                                                        encoding="utf-8")
                if step == 3:  # ... and then finished
                    (folder / "report.toml").write_text(new_report, encoding="utf-8")
                await pilot.press(key)
                typed += key
                await pilot.pause()
                assert search.value == typed  # every key is answered at once
            await wait_for(pilot, lambda: len(app.dataset.periods) == 3, timeout=20,
                           what=f"the new period: {[p.id for p in app.dataset.periods]} {app.dataset.problems} {notices_of(app)}")
            await app.workers.wait_for_complete()
            await pilot.pause()
            # The user's place survives the reload: section, search, filtered rows, period.
            assert isinstance(app.screen, EnterprisesScreen)
            assert app.current_period.id == shown_period
            assert search.value == "有限公司"
            table = app.screen.query_one(FrameTable)
            assert table.total_count == ROWS
            names = table.view_frame.get_column("enterprise")
            assert 0 < table.row_count <= ROWS
            assert names.str.contains("有限公司", literal=True).all()
            await pilot.press("q")

    asyncio.run(main())


async def wait_for(pilot, condition, timeout: float = 15.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await pilot.pause(0.05)

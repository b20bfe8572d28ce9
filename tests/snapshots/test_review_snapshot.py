"""Snapshot of the review screen of a draft period: each proposal beside its source
sentence, one accepted, one rejected, one corrected, the cursor on the last."""

from __future__ import annotations

from draft_support import make_dataset

from econdash.core.loaders import load_dataset
from econdash.tui.app import EcondashApp


async def review_some(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    for key in ("right_square_bracket", "r", "a", "x", "v"):
        await pilot.press(key)
        await pilot.pause()
    box = pilot.app.screen.query_one("#review-input")
    box.value = "2"
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("up")
    await pilot.pause()


def test_review_screen(snap_compare, tmp_path) -> None:
    app = EcondashApp(dataset=load_dataset(make_dataset(tmp_path / "ds")), lang="zh")
    assert snap_compare(app, terminal_size=(120, 36), run_before=review_some)

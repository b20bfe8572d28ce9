"""Pilot tests of draft periods in the dashboard: the top bar marks a draft, the dashboard
opens on the newest final period, and the review screen (key r) accepts, rejects and
corrects proposals, writes the period final and the dashboard shows it final."""

from __future__ import annotations

import tomllib

from draft_support import make_dataset
from textual.pilot import Pilot
from textual.widgets import Input, Static
from ui_support import plain, run_scenario

from econdash.core.loaders import load_dataset
from econdash.tui.app import EcondashApp
from econdash.tui.screens.review import ReviewScreen
from econdash.tui.widgets.frame_table import FrameTable
from econdash.tui.widgets.topbar import TopBar


async def press(pilot: Pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


def top_bar(app: EcondashApp) -> str:
    return plain(app.screen.query_one(TopBar).content)


def states(app: EcondashApp) -> list[str]:
    return app.screen.query_one(FrameTable).view_frame["status"].to_list()


async def open_review(app: EcondashApp, pilot: Pilot) -> ReviewScreen:
    await press(pilot, "right_square_bracket")  # the draft is the newer period
    await press(pilot, "r")
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


def test_opens_on_the_final_period_and_marks_the_draft(tmp_path) -> None:
    dataset = load_dataset(make_dataset(tmp_path / "ds"))

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        assert app.current_period.id == "2022M01-M06"
        assert "草稿" not in top_bar(app)
        await press(pilot, "right_square_bracket")
        assert app.current_period.id == "2022M01-M09"
        assert "草稿·待核对" in top_bar(app)

    run_scenario(scenario, dataset)


def test_r_on_a_final_period_says_there_is_nothing_to_review(tmp_path) -> None:
    dataset = load_dataset(make_dataset(tmp_path / "ds"))

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await press(pilot, "r")
        assert not isinstance(app.screen, ReviewScreen)
        assert any("不是草稿" in str(n.message) for n in app._notifications)

    run_scenario(scenario, dataset)


def test_review_accept_reject_correct_and_write(tmp_path) -> None:
    root = make_dataset(tmp_path / "ds")
    dataset = load_dataset(root)

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_review(app, pilot)
        quote = plain(screen.query_one("#review-quote", Static).content)
        assert "原文（第 12 行）" in quote and "列全市第三位" in quote
        await press(pilot, "a")  # accept 1, cursor to 2
        await press(pilot, "x")  # reject 2, cursor to 3
        assert states(app) == ["accepted", "rejected", "pending"]
        await press(pilot, "w")  # refused: one pending
        assert isinstance(app.screen, ReviewScreen)
        await press(pilot, "v")
        box = screen.query_one("#review-input", Input)
        assert box.has_focus
        box.value = "abc"
        await press(pilot, "enter")  # refused with a message; the input stays
        assert box.has_focus and states(app)[2] == "pending"
        box.value = "3"
        await press(pilot, "enter")
        assert states(app) == ["accepted", "rejected", "corrected"]
        await press(pilot, "w")
        assert not isinstance(app.screen, ReviewScreen)
        for _ in range(50):  # the reload runs on a worker thread
            await pilot.pause(0.05)
            if not app.current_period.is_draft:
                break
        period = app.current_period
        assert period.id == "2022M01-M09" and not period.is_draft
        assert "草稿" not in top_bar(app)
        assert [i.id for i in period.indicators] == ["above_scale_value_added"]
        assert period.tiers[0].count == 3

    run_scenario(scenario, dataset)
    data = tomllib.loads((root / "2022-Q3" / "report.toml").read_text(encoding="utf-8"))
    assert "status" not in data["period"] and data["tier"][0]["count"] == 3


def test_accept_all_and_escape_closes_without_writing(tmp_path) -> None:
    root = make_dataset(tmp_path / "ds")
    before = (root / "2022-Q3" / "report.toml").read_bytes()

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await open_review(app, pilot)
        await press(pilot, "A")
        assert states(app) == ["accepted"] * 3
        await press(pilot, "escape")
        assert not isinstance(app.screen, ReviewScreen)

    run_scenario(scenario, load_dataset(root))
    assert (root / "2022-Q3" / "report.toml").read_bytes() == before


def test_the_palette_offers_the_review_on_a_draft(tmp_path) -> None:
    dataset = load_dataset(make_dataset(tmp_path / "ds"))

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await press(pilot, "right_square_bracket")
        await press(pilot, "ctrl+p")
        await pilot.press(*"核对")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        assert isinstance(app.screen, ReviewScreen)

    run_scenario(scenario, dataset)


def test_the_detail_of_a_figure_shows_its_source_sentence(tmp_path) -> None:
    from econdash.tui.screens.indicator_detail import IndicatorDetailScreen
    dataset = load_dataset(make_dataset(tmp_path / "ds"))

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await press(pilot, "right_square_bracket")
        await press(pilot, "2")
        await press(pilot, "enter")
        assert isinstance(app.screen, IndicatorDetailScreen)
        source = plain(app.screen.query_one("#detail-source", Static).content)
        assert "原文（第 12 行）" in source and "列全市第三位" in source
        await press(pilot, "escape", "left_square_bracket", "enter")
        assert isinstance(app.screen, IndicatorDetailScreen)
        assert not app.screen.query("#detail-source")  # a typed figure: no sentence

    run_scenario(scenario, dataset)

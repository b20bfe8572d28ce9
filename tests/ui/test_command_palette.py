"""The command palette (ctrl+p): find_targets finds indicators, projects and
enterprises by Chinese or English name; choosing one jumps to its section and
puts the cursor on it."""

from __future__ import annotations

import time
from collections.abc import Callable
from types import SimpleNamespace

import polars as pl
import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input
from ui_support import Scenario, run_scenario

from econdash.core.loaders import load_dataset
from econdash.core.paths import bundled_dataset
from econdash.tui.app import EcondashApp
from econdash.tui.palette import MAX_HITS_PER_KIND, find_targets
from econdash.tui.screens.enterprises import EnterprisesScreen
from econdash.tui.screens.indicators import IndicatorsScreen
from econdash.tui.widgets.frame_table import FrameTable


@pytest.fixture(scope="module")
def period():
    return load_dataset(bundled_dataset()).periods[0]


def fake_app(period, lang: str = "zh") -> SimpleNamespace:
    """find_targets reads only the period shown and the language."""
    return SimpleNamespace(current_period=period, lang=lang)


def targets(period, query: str, lang: str = "zh") -> list[tuple[str, str, str, str]]:
    return list(find_targets(fake_app(period, lang), query))


# ---------------------------------------------------------------- find_targets

def test_indicators_come_first_then_projects(period) -> None:
    found = targets(period, "工业")
    sections = [s for s, *_ in found]
    assert sections == sorted(sections, key=["indicators", "projects", "enterprises"].index)
    indicators = [(key, shown) for s, key, shown, _ in found if s == "indicators"]
    expected = [(i.id, i.name) for i in period.indicators if "工业" in i.name]
    assert indicators == expected[:MAX_HITS_PER_KIND]
    assert len(expected) > MAX_HITS_PER_KIND  # the limit really applied
    assert ("projects", "溪口大岙生态工业园", "溪口大岙生态工业园", "项目") in found
    assert all(where == {"indicators": "指标", "projects": "项目", "enterprises": "企业"}[s]
               for s, _, _, where in found)


def test_english_names_any_case(period) -> None:
    assert targets(period, "saifu") == [("enterprises", "赛夫智创", "赛夫智创", "企业")]
    assert targets(period, "SAIFU", "en") == [("enterprises", "赛夫智创", "Saifu Zhichuang",
                                                "Enterprises")]
    hits = targets(period, "Pneumatics")
    assert ("projects", "宁波溪口气动智创产业园") in [(s, k) for s, k, *_ in hits]
    ind = targets(period, "VALUE ADDED OF ABOVE-SCALE", "en")
    assert ind[0][:3] == ("indicators", "above_scale_value_added",
                          "Value added of above-scale industry")


def test_query_is_literal_text(period) -> None:
    hits = targets(period, "(气动)")
    assert ("projects", "宁波启迪智能装备(气动)科技园") in [(s, k) for s, k, *_ in hits]
    assert all("(气动)" in shown for _, _, shown, _ in hits)
    assert len(hits) == sum("(气动)" in i.name for i in period.indicators) + sum(
        "(气动)" in n for n in period.projects["name"]) + sum(
        "(气动)" in n for n in period.enterprises["enterprise"].unique())
    assert targets(period, ".*") == []
    assert targets(period, "[") == []


def test_empty_query_or_no_period_finds_nothing(period) -> None:
    assert targets(period, "") == []
    assert targets(period, "   ") == []
    assert list(find_targets(SimpleNamespace(current_period=None, lang="zh"), "工业")) == []
    assert targets(period, "不存在的名字") == []


def test_an_enterprise_with_many_honours_is_one_hit_and_hits_are_capped(period) -> None:
    from dataclasses import replace
    many = pl.DataFrame({
        "enterprise": ["甲公司"] * 3 + [f"乙公司{i}" for i in range(20)],
        "enterprise_en": [None] * 23,
        "programme": ["专精特新"] * 23,
    })
    crowded = replace(period, enterprises=many)
    assert [k for _, k, *_ in targets(crowded, "甲公司")] == ["甲公司"]
    hits = [k for s, k, *_ in targets(crowded, "公司") if s == "enterprises"]
    assert len(hits) == MAX_HITS_PER_KIND and len(set(hits)) == len(hits)
    assert hits[0] == "甲公司"  # table order kept
    # No English names at all (null column) still searches the Chinese ones.
    assert targets(crowded, "乙公司1", "en")[0][2] == "乙公司1"


# ---------------------------------------------------------------- in the app

def run(scenario: Scenario) -> None:
    run_scenario(scenario, size=(140, 40))


async def wait_for(pilot: Pilot, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)


async def choose_in_palette(app: EcondashApp, pilot: Pilot, query: str, expected: str) -> None:
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
    palette = app.screen
    await pilot.press(*query)
    options = palette.query_one(CommandList)

    def prompts() -> list[str]:
        return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]

    await wait_for(pilot, lambda: any(expected in p for p in prompts()))
    index = next(i for i, p in enumerate(prompts()) if expected in p)
    await pilot.press(*["down"] * (index + 1), "enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette))
    await pilot.pause()
    await pilot.pause()


def test_palette_jumps_to_an_indicator_then_an_enterprise() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await choose_in_palette(app, pilot, "软件和信息", "软件和信息技术服务业收入")
        assert app.current_mode == "indicators" and isinstance(app.screen, IndicatorsScreen)
        table = app.screen.query_one(FrameTable)
        await wait_for(pilot, lambda: (table.current_row() or {}).get("id")
                       == "software_it_services_revenue")
        assert table.has_focus

        await choose_in_palette(app, pilot, "saifu", "赛夫智创")  # by its English name
        assert app.current_mode == "enterprises" and isinstance(app.screen, EnterprisesScreen)
        table = app.screen.query_one(FrameTable)
        await wait_for(pilot, lambda: (table.current_row() or {}).get("enterprise") == "赛夫智创")

    run(scenario)


def test_jump_to_an_indicator_hidden_by_a_search_clears_it() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"投资", "enter")
        await pilot.pause()
        table = screen.query_one(FrameTable)
        assert "above_scale_output" not in table.view_frame["id"].to_list()
        await pilot.press("1")
        app.jump_to("indicators", "above_scale_output")
        await wait_for(pilot, lambda: app.screen is screen
                       and (table.current_row() or {}).get("id") == "above_scale_output")
        assert screen.query_one(Input).value == ""
        assert table.row_count == table.total_count

    run(scenario)

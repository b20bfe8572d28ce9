"""Textual's own palette commands in the interface language (tui/system_commands.py)."""

from __future__ import annotations

import re

from test_command_palette import wait_for
from textual.command import CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot
from ui_support import run_scenario

from econdash.tui.app import EcondashApp
from econdash.tui.screens.help import HelpScreen

LATIN = re.compile(r"[A-Za-z]{3,}")


async def palette_prompts(app: EcondashApp, pilot: Pilot) -> list[str]:
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
    options = app.screen.query_one(CommandList)
    await wait_for(pilot, lambda: options.option_count >= 5)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def test_chinese_palette_has_no_english_and_keys_opens_econdash_help() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        prompts = palette_prompts_text = await palette_prompts(app, pilot)
        joined = "\n".join(prompts)
        for title in ("主题", "按键", "截图", "退出"):
            assert title in joined
        assert "English" in joined  # the language command names the language it switches to
        assert not LATIN.findall(joined.replace("English", "").replace("SVG", "").replace("econdash", "")), joined
        placeholder = app.screen.query_one(CommandInput).placeholder
        assert placeholder.startswith("搜索命令")
        index = next(i for i, p in enumerate(palette_prompts_text) if p.startswith("按键"))
        options = app.screen.query_one(CommandList)
        while options.highlighted != index:
            await pilot.press("down")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))

    run_scenario(scenario, size=(140, 40))


def test_english_palette_is_english() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        joined = "\n".join(await palette_prompts(app, pilot))
        assert "Theme" in joined and "Screenshot" in joined
        assert not re.search(r"[\u3400-\u9fff]", joined.replace("中文", "")), joined

    run_scenario(scenario, size=(140, 40), lang="en")


def test_no_matches_in_chinese() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"zzzqqq")
        options = app.screen.query_one(CommandList)

        def prompts() -> str:
            return " ".join(str(options.get_option_at_index(i).prompt.renderable)
                            if hasattr(options.get_option_at_index(i).prompt, "renderable")
                            else str(options.get_option_at_index(i).prompt)
                            for i in range(options.option_count))
        await wait_for(pilot, lambda: "没有匹配项" in prompts())
        assert "No matches" not in prompts()

    run_scenario(scenario, size=(140, 40))

"""English mode is English: every section of the bundled data, walked in English,
shows Chinese only inside the data's own names and texts (issue 16 item 5)."""

from __future__ import annotations

import html
import re

from textual.pilot import Pilot
from ui_support import run_scenario

from econdash.core.loaders import load_dataset
from econdash.core.paths import bundled_dataset
from econdash.tui.app import EcondashApp

CJK_RUN = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”]+")
NAME_COLUMNS = ("name", "enterprise", "programme", "note", "town", "industry", "batch")


def data_texts() -> list[str]:
    """The data's own names and free texts: Chinese may show inside these."""
    dataset = load_dataset(bundled_dataset())
    texts = [dataset.name or "", getattr(dataset, "region", None) or ""]
    for period in dataset.periods:
        texts += [period.source or "", period.label or ""]
        texts += [ind.name for ind in period.indicators] + [ind.note or "" for ind in period.indicators]
        texts += [tier.programme for tier in period.tiers] + [tier.note or "" for tier in period.tiers]
        for frame in (period.projects, period.enterprises):
            for column in frame.columns:
                if column in NAME_COLUMNS:
                    texts += frame[column].drop_nulls().cast(str).to_list()
    return [t for t in texts if t]


def screen_text(app: EcondashApp) -> str:
    svg = app.export_screenshot()
    return html.unescape("\n".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg)))


def foreign_runs(text: str, allowed: list[str]) -> list[str]:
    """Runs of Chinese not found inside any allowed data text (a cut name keeps a part)."""
    return [run for run in CJK_RUN.findall(text.replace("\u00a0", " "))
            if not any(run.strip("“”") in t for t in allowed) and run not in ("中文",)]


def test_english_mode_shows_chinese_only_in_the_datas_own_names() -> None:
    allowed = data_texts()
    found: dict[str, list[str]] = {}

    async def look(app: EcondashApp, pilot: Pilot, where: str) -> None:
        await pilot.pause(0.3)
        runs = foreign_runs(screen_text(app), allowed)
        if runs:
            found[where] = runs

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        for key in "123456":
            await pilot.press(key)
            await look(app, pilot, f"section {key}")
        for key, where in (("c", "compare"), ("question_mark", "help"),
                           ("exclamation_mark", "problems"), ("ctrl+p", "palette")):
            await pilot.press("1", key)
            await look(app, pilot, where)
            await pilot.press("escape")

    run_scenario(scenario, size=(160, 50), lang="en")
    assert not found, found


# Latin words a Chinese screen may show: key names, file formats, the product, the
# language switch, and file names (series.csv).
LATIN_OK = {"English", "econdash", "Esc", "esc", "CSV", "csv", "XLSX", "Markdown", "SVG",
            "Tab", "ctrl", "Home", "End", "PgUp", "PgDn", "Left", "Right", "Down", "Up",
            "Enter", "series", "toml", "xlsx", "shift"}


def english_names() -> list[str]:
    dataset = load_dataset(bundled_dataset())
    names = []
    for period in dataset.periods:
        names += [ind.name_en or "" for ind in period.indicators]
        names += [tier.programme_en or "" for tier in period.tiers]
        for frame in (period.projects, period.enterprises):
            names += [v for c in frame.columns if c.endswith("_en")
                      for v in frame[c].drop_nulls().to_list()]
    return [n for n in names if n] + data_texts()


def test_chinese_mode_shows_english_only_in_key_names_and_the_datas_own_names() -> None:
    allowed = english_names()
    found: dict[str, list[str]] = {}

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        for keys in ("1", "2", "3", "4", "5", "6", "c", "escape question_mark",
                     "escape exclamation_mark", "escape ctrl+p"):
            await pilot.press(*keys.split())
            await pilot.pause(0.3)
            words = set(re.findall(r"[A-Za-z][A-Za-z']{2,}", screen_text(app))) - LATIN_OK
            words = {w for w in words if not any(w in name for name in allowed)}
            if words:
                found[keys] = sorted(words)

    run_scenario(scenario, size=(160, 50), lang="zh")
    assert not found, found

"""The overview's bars, trend lines and borders reach 3:1 contrast (WCAG's figure for
graphics) against the background in the default themes, dark and light."""

from __future__ import annotations

import re

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from econdash.tui.widgets.kpi_card import KpiCards
from econdash.tui.widgets.overview_panel import OverviewPanel

THEMES = ["textual-dark", "textual-light"]
# The theme variables the overview draws graphics with (checked against its CSS below).
GRAPHICS = {"primary", "text-accent", "text-success", "text-error", "text-primary",
            "text-warning"}


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def used_variables() -> set[str]:
    """Colour variables of the overview widgets' CSS, except text ($text, $text-muted)."""
    css = KpiCards.DEFAULT_CSS + OverviewPanel.DEFAULT_CSS
    return {name for name in re.findall(r"\$([a-z-]+)", css)} - {"text", "text-muted"}


def test_the_css_uses_only_the_checked_colours() -> None:
    assert used_variables() <= GRAPHICS


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("variable", sorted(GRAPHICS))
def test_graphics_reach_three_to_one(theme: str, variable: str) -> None:
    colors = BUILTIN_THEMES[theme].to_color_system().generate()
    for ground in ("background", "surface"):
        back = Color.parse(colors[ground])
        color = back + Color.parse(colors[variable])  # (a colour with alpha, over the ground)
        assert contrast(color, back) >= 3.0, (theme, variable, ground)

"""Section: growth (placeholder until built)."""

from econdash.screens.base import SectionScreen


class GrowthScreen(SectionScreen):
    """The growth section."""

    SECTION = "growth"

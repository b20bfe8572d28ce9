"""Section: indicators (placeholder until built)."""

from econdash.screens.base import SectionScreen


class IndicatorsScreen(SectionScreen):
    """The indicators section."""

    SECTION = "indicators"

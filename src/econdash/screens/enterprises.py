"""Section: enterprises (placeholder until built)."""

from econdash.screens.base import SectionScreen


class EnterprisesScreen(SectionScreen):
    """The enterprises section."""

    SECTION = "enterprises"

"""Section: projects (placeholder until built)."""

from econdash.screens.base import SectionScreen


class ProjectsScreen(SectionScreen):
    """The projects section."""

    SECTION = "projects"

"""The screen of each section, imported when the section is first shown.

The first frame (the overview) must not pay for importing the other sections
(polars and the table widgets among them), so each is a factory that imports
its screen when called.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from econdash.core.sections import SECTIONS


def _overview() -> Screen:
    from econdash.tui.screens.overview import OverviewScreen
    return OverviewScreen()


def _indicators() -> Screen:
    from econdash.tui.screens.indicators import IndicatorsScreen
    return IndicatorsScreen()


def _growth() -> Screen:
    from econdash.tui.screens.growth import GrowthScreen
    return GrowthScreen()


def _projects() -> Screen:
    from econdash.tui.screens.projects import ProjectsScreen
    return ProjectsScreen()


def _enterprises() -> Screen:
    from econdash.tui.screens.enterprises import EnterprisesScreen
    return EnterprisesScreen()


def _history() -> Screen:
    from econdash.tui.screens.history import HistoryScreen
    return HistoryScreen()


SECTION_SCREENS: dict[str, Callable[[], Screen]] = dict(zip(SECTIONS, (
    _overview, _indicators, _growth, _projects, _enterprises, _history)))
"""Section name → a new screen of that section."""

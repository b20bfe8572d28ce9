"""Each table of the dashboard, described once: where a search looks, which columns
have a filter, which name a row is found by, and the frame it shows of a period.

The section screens and `econdash export` both read these, so an export with
`--search` finds exactly the rows the section shows for the same search.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from econdash.core.model.dataset import PeriodData
from econdash.core.query.roster import ROSTER_FILTERS
from econdash.core.query.tables import indicators_frame


@dataclass(frozen=True)
class TableSpec:
    """One table: its name (also the section's and the export's), search and filter
    columns, the columns `reveal` matches a name in, and its frame of a period."""

    name: str
    search_columns: tuple[str, ...]
    filters: tuple[str, ...]
    name_columns: tuple[str, ...]
    frame: Callable[[PeriodData, str], pl.DataFrame]


INDICATORS = TableSpec(
    "indicators", search_columns=("name_zh", "name_en"), filters=("category",),
    name_columns=("id",), frame=indicators_frame)
PROJECTS = TableSpec(
    "projects", search_columns=("name", "name_en", "note"),
    filters=("category", "town", "status", "rating"), name_columns=("name", "name_en"),
    frame=lambda period, lang: period.projects)
ENTERPRISES = TableSpec(
    "enterprises",
    search_columns=("enterprise", "enterprise_en", "programme", "programme_en", "note"),
    filters=ROSTER_FILTERS, name_columns=("enterprise", "enterprise_en"),
    frame=lambda period, lang: period.enterprises)

TABLES = {spec.name: spec for spec in (INDICATORS, PROJECTS, ENTERPRISES)}
"""The tables of a period, by name: what `econdash export --table` offers."""

HISTORY_SEARCH = ("name", "indicator", "category")
"""Where the history section's search looks (its table is the dataset's series, not a
period's table, so it is not exported with --table)."""

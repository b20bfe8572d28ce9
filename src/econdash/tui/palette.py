"""Command palette (ctrl+p): jump to any indicator, project or enterprise by name.

A substring of the Chinese or English name finds it. Large tables are searched
with one polars filter per keystroke, never by looping over rows in Python.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

import polars as pl
from textual.command import Hit, Hits, Provider
from textual.content import Content

from econdash.core.i18n import tr
from econdash.tui.state import dashboard

if TYPE_CHECKING:
    from econdash.tui.state import DashboardState

MAX_HITS_PER_KIND = 8


def find_targets(app: DashboardState, query: str) -> Iterator[tuple[str, str, str, str]]:
    """(section, key, shown text, help) for names containing `query` (pure-ish, for tests)."""
    period = app.current_period
    needle = query.strip().lower()
    if period is None or not needle:
        return
    found = 0
    for ind in period.indicators:
        if needle in ind.name.lower() or needle in (ind.name_en or "").lower():
            yield "indicators", ind.id, ind.display_name(app.lang), tr("indicators", app.lang)
            found += 1
            if found >= MAX_HITS_PER_KIND:
                break
    yield from _frame_hits(period.projects, "name", "name_en", needle, "projects", app.lang)
    yield from _frame_hits(period.enterprises, "enterprise", "enterprise_en", needle,
                           "enterprises", app.lang)


def _frame_hits(frame: pl.DataFrame, zh: str, en: str, needle: str, section: str,
                lang: str) -> Iterator[tuple[str, str, str, str]]:
    if frame.height == 0:
        return
    match = (pl.col(zh).str.to_lowercase().str.contains(needle, literal=True)
             | pl.col(en).fill_null("").str.to_lowercase().str.contains(needle, literal=True))
    hits = frame.filter(match).select(zh, en).unique(zh, maintain_order=True).head(MAX_HITS_PER_KIND)
    for name, name_en in hits.iter_rows():
        shown = (name_en or name) if lang == "en" else name
        yield section, name, shown, tr(section, lang)


class JumpProvider(Provider):
    """Finds indicators, projects and enterprises of the period shown."""

    async def search(self, query: str) -> Hits:
        app = dashboard(self.app)
        matcher = self.matcher(query)
        for section, key, shown, where in find_targets(app, query):
            score = matcher.match(shown) or 0.5
            # Content, not str: a name is never read as markup ("[/]" would crash).
            display = matcher.highlight(shown) if matcher.match(shown) else Content(shown)
            yield Hit(score, display, partial(app.jump_to, section, key), text=shown,
                      help=where)

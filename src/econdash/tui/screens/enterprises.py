"""Section 5, Enterprises: the honour ladder and the roster of named enterprises.

Top: reported counts per programme / level / status beside how many firms the
roster names (`query.tier_ladder`, a polars group_by). Below: the roster as a
filterable table. The roster may have a million rows, so everything here is
polars expressions; only aggregated results become Python values.
"""

from __future__ import annotations

from typing import Any, ClassVar

import polars as pl
from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Tree

from econdash.core.i18n import tr
from econdash.core.model.dataset import PeriodData
from econdash.core.model.schema import ENTERPRISES
from econdash.core.query.roster import (
    SUMMARY_INLINE_ROWS,
    RosterSummary,
    cached_roster_summary,
    roster_summary,
)
from econdash.core.query.table_specs import ENTERPRISES as ENTERPRISES_TABLE
from econdash.core.query.tables import enterprise_honours
from econdash.core.terms import term, term_format, term_options
from econdash.tui.cells import fit_cell
from econdash.tui.screens.enterprise_detail import EnterpriseDetailScreen
from econdash.tui.screens.projects import (
    FilteredTableScreen,
    drop_empty,
    extra_columns,
    shown_name,
)
from econdash.tui.widgets.frame_table import Column

ENTERPRISE = "__enterprise"
"""Display column: the enterprise in the current language."""
PROGRAMME = "__programme"
"""Display column: the programme in the current language."""

LADDER_ROWS = 400
"""At most this many ladder rows are drawn (a real ladder has a few dozen)."""
GUIDE = 3
"""Tree indentation of a child node, in cells (top nodes have no guide)."""
TOP = 2
"""Where a top node's text starts: after the ▼ of an expandable node."""
COUNT_WIDTH = 9
"""Cells for the reported count ("1,234 家")."""


def enterprises_frame(enterprises: pl.DataFrame, lang: str) -> pl.DataFrame:
    """The roster with the display columns added (vectorised)."""
    return enterprises.with_columns(
        shown_name("enterprise", "enterprise_en", lang).alias(ENTERPRISE),
        shown_name("programme", "programme_en", lang).alias(PROGRAMME))


def enterprise_columns(frame: pl.DataFrame, lang: str) -> list[Column]:
    """Table columns: the contract's in reading order, then any extra ones (empty
    contract columns are left out, as for projects)."""
    def label(key: str) -> str:
        return tr(key, lang)
    return drop_empty([
        Column(ENTERPRISE, label("enterprise")),
        Column(PROGRAMME, label("programme")),
        Column("level", label("level"), format=term_format("level", lang)),
        Column("status", label("status"), format=term_format("status", lang)),
        Column("year", label("year"), align="right"),
        Column("batch", label("batch")),
        Column("industry", label("industry")),
        Column("town", label("town")),
        Column("note", label("note")),
        *extra_columns(frame, ENTERPRISES.known),
    ], frame, keep=(ENTERPRISE, PROGRAMME, "status"))


def _rung(level: str | None, status: str | None, lang: str = "zh") -> str:
    parts = (term(level, "level", lang), term(status, "status", lang))
    return " / ".join(part for part in parts if part) or "-"


def ladder_label(left: str, reported: int | None, named: int, lang: str, width: int) -> Text:
    """'三星级绿色工厂 / 认定     26 家  (列名 3 / 共 26 家)', the name part `width` cells."""
    text = Text(fit_cell(left, width))
    count = tr("firms", lang, count=f"{reported:,}") if reported is not None else ""
    text.append(" " * max(COUNT_WIDTH - cell_len(count), 1) + count, style="bold")
    if reported is not None:
        roster = tr("named_of", lang, named=f"{named:,}", count=f"{reported:,}")
    else:
        roster = tr("named_only", lang, named=f"{named:,}")
    style = "green" if reported is not None and named >= reported else (
        "dim" if named == 0 else "")
    text.append(f"  ({roster})", style=style)
    return text


class LadderTree(Tree[str]):
    """The honour ladder; a node's data is its programme (for filtering)."""

    def __init__(self) -> None:
        super().__init__("ladder", id="ladder-tree")
        self.show_root = False
        self.guide_depth = GUIDE
        self.auto_expand = False

    def show(self, ladder: pl.DataFrame, lang: str, width: int) -> None:
        """Rebuild from a `tier_ladder` frame; one-rung programmes take one line."""
        rows = ladder.head(LADDER_ROWS).iter_rows(named=True)
        groups: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            groups.setdefault(row["programme"] or "-", []).append(row)

        def title(row: dict[str, Any]) -> str:
            return (row["programme_en"] if lang == "en" and row["programme_en"]
                    else row["programme"]) or "-"

        # (indent, left text, row, children) per line, to align the count column.
        lines: list[tuple[int, str, dict[str, Any], bool]] = []
        for rungs in groups.values():
            if len(rungs) == 1:
                row = rungs[0]
                lines.append((TOP, f"{title(row)} / {_rung(row['level'], row['status'], lang)}",
                              row, False))
            else:
                lines.append((TOP, title(rungs[0]), rungs[0], True))
                lines.extend((GUIDE, _rung(r["level"], r["status"], lang), r, False) for r in rungs)
        room = max(width - COUNT_WIDTH - 26, 16)  # what the counts after the name need
        name_end = min(max((i + cell_len(t) for i, t, _, _ in lines), default=0), room)

        cursor = self.cursor_line
        self.clear()
        parent = self.root
        for indent, left, row, has_children in lines:
            width_left = max(name_end - indent, 4)
            if has_children:
                parent = self.root.add(Text(left, style="bold"), data=row["programme"],
                                       expand=True)
                continue
            label = ladder_label(left, row["reported"], row["named"], lang, width_left)
            if indent == TOP:
                parent = self.root
                label = Text("  ") + label  # line up with the ▼ of expandable siblings
            parent.add_leaf(label, data=row["programme"])
        if cursor >= 0:
            self.cursor_line = min(cursor, max(self.last_line, 0))


class EnterprisesScreen(FilteredTableScreen):
    """The honour ladder and the enterprises named in the report."""

    SECTION = "enterprises"
    SPEC = ENTERPRISES_TABLE
    BINDINGS: ClassVar[list[BindingType]] = [Binding("h", "ladder", "Ladder")]

    def __init__(self) -> None:
        super().__init__()
        self._ladder_key: object = None

    def compose_body(self) -> ComposeResult:
        with Vertical(id="ladder-panel") as panel:
            panel.border_title = tr("ladder", self.lang)
            yield LadderTree()
        yield from self.compose_table()

    def refresh_section(self) -> None:
        period = self.period
        assert period is not None
        lang = self.lang
        panel = self.query_one("#ladder-panel")
        panel.border_title = tr("ladder", lang)
        panel.border_subtitle = tr("ladder_hint", lang)
        frame = enterprises_frame(period.enterprises, lang)
        self.show_frame((id(period.enterprises), lang), frame, enterprise_columns(frame, lang))
        if self.dash.partial:
            # Counts of a roster's first rows would be wrong: the ladder waits for all of it.
            self._ladder_key = None
            self.query_one(LadderTree).clear()
            panel.border_subtitle = tr("loading", lang)
            return
        summary = cached_roster_summary(period, lang)
        if summary is None and period.enterprises.height <= SUMMARY_INLINE_ROWS:
            summary = roster_summary(period, lang)
        if summary is not None:
            self._show_summary(summary, lang)
        else:
            # A big roster: the table shows now, the ladder and filter lists when ready
            # (started after the table's frame, so it doesn't compete with painting it).
            self.call_after_refresh(self._summarise, period, lang)

    @work(thread=True, exclusive=True, group="roster-summary", exit_on_error=False)
    def _summarise(self, period: PeriodData, lang: str) -> None:
        summary = roster_summary(period, lang)
        self.app.call_from_thread(self._summary_ready, period, lang, summary)

    def _summary_ready(self, period: PeriodData, lang: str, summary: RosterSummary) -> None:
        if self.is_mounted and period is self.period and lang == self.lang:
            self._show_summary(summary, lang, one_a_frame=True)

    def _show_summary(self, summary: RosterSummary, lang: str,
                      one_a_frame: bool = False) -> None:
        """The ladder, then the filters' choices: at once, or (a big roster, while the
        person may already be scrolling) one filter a frame, as each costs ~25 ms."""
        self._show_ladder(summary.ladder, lang, (id(summary.ladder), lang, self.size.width))
        choices = [(column, term_options(column, values, self.lang))
                   for column, values in summary.choices.items()]
        if not one_a_frame:
            for column, values in choices:
                self.bar.set_options(column, values)
            return

        def next_choice() -> None:
            if choices and self.is_mounted:
                self.bar.set_options(*choices.pop(0))
                self.call_after_refresh(next_choice)
        self.call_after_refresh(next_choice)

    def _show_ladder(self, ladder: pl.DataFrame, lang: str, key: object) -> None:
        if key != self._ladder_key:
            self._ladder_key = key
            tree = self.query_one(LadderTree)
            tree.show(ladder, lang, tree.size.width or self.size.width or 80)

    def on_resize(self) -> None:
        summary = cached_roster_summary(self.period, self.lang) if self.period else None
        if summary is not None and self._shown_key is not None:
            ladder = summary.ladder
            self._show_ladder(ladder, self.lang, (id(ladder), self.lang, self.size.width))

    def action_ladder(self) -> None:
        """`h`: to the honour ladder (again: back to the table)."""
        tree = self.query_one(LadderTree)
        if tree.has_focus:
            self.table.focus()
        else:
            tree.focus()

    @on(Tree.NodeSelected)
    def _ladder_selected(self, event: Tree.NodeSelected) -> None:
        event.stop()
        if event.node.data is not None:
            self.bar.set_value("programme", event.node.data)

    def open_detail(self, row: dict[str, Any]) -> None:
        name = row["enterprise"]
        honours = enterprise_honours(self.period.enterprises, name) if self.period else None
        if honours is not None:
            self.app.push_screen(EnterpriseDetailScreen(name, honours, self.lang))

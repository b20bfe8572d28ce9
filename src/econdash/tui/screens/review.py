"""The review of a draft period (key `r`, or the command palette on a draft): each
proposed figure beside the sentence it came from; accept, reject or correct it, then
write the period as final.

The decisions and the writing are `core.admin.review`; this screen only shows them and
passes keys on. It is dismissed with True once the period was written, so the app
reloads the dataset and the period shows as final.
"""

from __future__ import annotations

from functools import partial

import polars as pl
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import Hit, Hits, Provider
from textual.content import Content
from textual.widgets import Input, Static

from econdash.core.admin.review import BadValue, Proposal, Review
from econdash.core.errors import EcondashError
from econdash.core.formatting import fmt_number_or_blank
from econdash.core.i18n import tr
from econdash.tui.screens.localized import LocalizedScreen
from econdash.tui.state import dashboard
from econdash.tui.text import literal, toast
from econdash.tui.widgets.frame_table import Column, FrameTable
from econdash.tui.widgets.keybar import KeyBar

STATE_STYLE = {"pending": "yellow", "accepted": "green", "rejected": "red strike",
               "corrected": "cyan"}
ROW_SCHEMA = {"number": pl.Int64, "state": pl.String, "kind": pl.String, "name": pl.String,
              "value": pl.Float64, "unit": pl.String, "yoy_pct": pl.Float64,
              "quote_line": pl.Int64, "quote": pl.String, "status": pl.String}


def review_frame(review: Review, lang: str) -> pl.DataFrame:
    """One row per proposal (a few hundred at most: a Python list is fine)."""
    rows = [{"number": n, "state": tr(f"drafts_state_{p.state}", lang),
             "kind": tr(f"drafts_kind_{p.kind}", lang),
             "name": p.key if p.kind == "tier" else p.name, "value": p.shown_value,
             "unit": p.unit, "yoy_pct": p.yoy_pct, "quote_line": p.quote_line,
             "quote": p.quote or tr("drafts_quote_none", lang), "status": p.state}
            for n, p in enumerate(review.proposals)]
    return pl.DataFrame(rows, schema=ROW_SCHEMA)


def review_columns(lang: str) -> list[Column]:
    """The review table's columns in `lang`."""
    return [
        Column("state", tr("drafts_col_state", lang), style=_state_style),
        Column("kind", tr("drafts_col_kind", lang)),
        Column("name", tr("drafts_col_name", lang), width=26),
        Column("value", tr("drafts_col_value", lang), align="right",
               format=fmt_number_or_blank),
        Column("unit", tr("unit", lang), width=6),
        Column("yoy_pct", tr("drafts_col_yoy", lang), align="right",
               format=fmt_number_or_blank),
        Column("quote_line", tr("drafts_col_line", lang), align="right"),
        Column("quote", tr("drafts_col_quote", lang), width=50),
    ]


def _state_style(text: object) -> str:
    # (the cell holds the translated state; the style goes by either language's word)
    for state, style in STATE_STYLE.items():
        if text in (tr(f"drafts_state_{state}", "zh"), tr(f"drafts_state_{state}", "en")):
            return style
    return ""


class ReviewScreen(LocalizedScreen):
    """Each proposal of a draft period, its source sentence, and the decisions on it."""

    BINDINGS = [
        Binding("a", "decide('accept')", "Accept"),
        Binding("x", "decide('reject')", "Reject"),
        Binding("v", "correct", "Correct value"),
        Binding("A", "accept_all", "Accept all"),
        Binding("w", "write", "Write final"),
        Binding("escape", "close", "Close"),
        # The review is of one period: the app's period, compare and export keys would act
        # on the screens beneath it, so here they do nothing.
        Binding("left_square_bracket,right_square_bracket,c,e,r", "stay", show=False),
    ]
    DEFAULT_CSS = """
    ReviewScreen #review-title { height: 1; padding: 0 1; text-style: bold; }
    ReviewScreen #review-quote { height: auto; max-height: 5; padding: 0 1;
                                 border-top: solid $primary; }
    ReviewScreen #review-input, ReviewScreen #review-prompt { display: none; }
    ReviewScreen #review-input.editing, ReviewScreen #review-prompt.editing { display: block; }
    """

    def __init__(self, review: Review) -> None:
        super().__init__()
        self.review = review
        self._editing: int | None = None  # the proposal whose value the input corrects

    def compose(self) -> ComposeResult:
        yield Static("", id="review-title")
        yield Static("", id="review-counts", classes="status-line")
        table = FrameTable(id="review-table")
        table.actions_left_to_screen = frozenset({"view_cell"})  # `v` corrects a value here
        yield table
        yield Static("", id="review-quote")
        yield Static("", id="review-prompt", classes="status-line")
        yield Input(id="review-input")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_all()
        self.query_one(FrameTable).focus()

    def refresh_all(self) -> None:
        """Redraw the title, counts and table in the current language (cursor kept)."""
        lang = dashboard(self).lang
        period = self.review.period
        title = Text(tr("drafts_review_title", lang, period=period.title(lang)))
        if period.source_file:
            title.append("   " + tr("drafts_review_source", lang, file=period.source_file),
                         style="dim")
        self.query_one("#review-title", Static).update(title)
        counts = self.review.counts()
        self.query_one("#review-counts", Static).update(literal(tr(
            "drafts_review_counts", lang, total=len(self.review.proposals), **counts)))
        table = self.query_one(FrameTable)
        table.set_frame(review_frame(self.review, lang), review_columns(lang))
        self._show_quote()

    def _current(self) -> int | None:
        row = self.query_one(FrameTable).current_row()
        return None if row is None else row["number"]

    def _show_quote(self) -> None:
        """The highlighted proposal's whole source sentence (the table cuts it short)."""
        number = self._current()
        panel = self.query_one("#review-quote", Static)
        if number is None:
            panel.update("")
            return
        proposal = self.review.proposals[number]
        panel.update(quote_text(proposal, dashboard(self).lang))

    def on_frame_table_row_highlighted(self, _message: FrameTable.RowHighlighted) -> None:
        self._show_quote()

    def on_frame_table_row_selected(self, _message: FrameTable.RowSelected) -> None:
        self.action_correct()

    def action_decide(self, decision: str) -> None:
        """Accept or reject the highlighted proposal, then move to the next one."""
        number = self._current()
        if number is None:
            return
        getattr(self.review, decision)(number)
        self._after_decision()

    def _after_decision(self) -> None:
        self.refresh_all()
        self.query_one(FrameTable).action_move_row(1)

    def action_accept_all(self) -> None:
        """Accept every proposal still pending."""
        self.review.accept_all()
        self.refresh_all()

    def action_correct(self) -> None:
        """Type a new value for the highlighted proposal (Enter confirms, Esc cancels)."""
        number = self._current()
        if number is None:
            return
        lang = dashboard(self).lang
        proposal = self.review.proposals[number]
        field = "drafts_field_count" if proposal.kind == "tier" else "drafts_field_value"
        self._editing = number
        prompt = self.query_one("#review-prompt", Static)
        prompt.update(literal(tr("drafts_correct_prompt", lang, name=proposal.name,
                                 field=tr(field, lang))))
        prompt.add_class("editing")
        box = self.query_one("#review-input", Input)
        box.value = fmt_number_or_blank(proposal.shown_value)
        box.add_class("editing")
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._editing is None:
            return
        try:
            self.review.correct(self._editing, event.value)
        except BadValue as exc:
            toast(self, tr(f"drafts_bad_{exc.reason}", dashboard(self).lang, text=exc.text),
                  severity="error")
            return  # (the input stays open for another try)
        self._stop_editing()
        self._after_decision()

    def _stop_editing(self) -> None:
        self._editing = None
        self.query_one("#review-input", Input).remove_class("editing")
        self.query_one("#review-prompt", Static).remove_class("editing")
        self.query_one(FrameTable).focus()

    def action_write(self) -> None:
        """Write the period as final, then close (the app reloads the dataset)."""
        lang = dashboard(self).lang
        pending = self.review.counts()["pending"]
        if pending:
            toast(self, tr("drafts_pending_left", lang, count=pending), severity="warning")
            return
        try:
            backup = self.review.write()
        except EcondashError as exc:
            problems = "; ".join(str(p) for p in exc.problems[:3])
            toast(self, tr("drafts_write_failed", lang,
                           problem=f"{exc.message} {problems}".strip()), severity="error",
                  timeout=12)
            return
        toast(self, tr("drafts_written", lang, period=self.review.period.title(lang),
                       backup=backup.name), timeout=8)
        self.dismiss(True)

    def action_stay(self) -> None:
        """A key of the dashboard that does not apply while reviewing."""
        self.app.bell()

    def action_close(self) -> None:
        """Esc: leave a correction being typed, else close without writing."""
        if self._editing is not None:
            self._stop_editing()
            return
        self.dismiss(False)


def quote_text(proposal: Proposal, lang: str) -> Text:
    """'原文（第 12 行）' and the sentence, as text (never markup)."""
    text = source_text(proposal.quote or tr("drafts_quote_none", lang), proposal.quote_line,
                       lang)
    assert text is not None  # source_text is None only without a quote, and there is one
    return text


def source_text(quote: str | None, line: int | None, lang: str) -> Text | None:
    """The sentence a figure came from, under '原文（第 12 行）'; None without one (also
    the block the detail of a figure shows)."""
    if not quote:
        return None
    if line is not None:
        heading = tr("drafts_source_heading", lang, line=line)
    else:
        heading = tr("drafts_source_heading_noline", lang)
    text = Text(heading + "  ", style="bold")
    text.append_text(literal(quote))
    return text


class ReviewProvider(Provider):
    """The command palette offers the review when the period shown is a draft."""

    async def search(self, query: str) -> Hits:
        state = dashboard(self.app)
        period = state.current_period
        if period is None or not period.is_draft:
            return
        shown = tr("drafts_palette", state.lang)
        matcher = self.matcher(query)
        score = matcher.match(shown) or matcher.match("review")
        if score:
            yield Hit(score, Content(shown), partial(self.app.run_action, "review"),
                      text=shown, help=tr("drafts_palette_help", state.lang))

    async def discover(self) -> Hits:
        state = dashboard(self.app)
        period = state.current_period
        if period is not None and period.is_draft:
            shown = tr("drafts_palette", state.lang)
            yield Hit(1.0, Content(shown), partial(self.app.run_action, "review"), text=shown,
                      help=tr("drafts_palette_help", state.lang))

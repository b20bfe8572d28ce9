"""`FilterBar`: one line of compact drop-down filters and a search box above a table.

The bar owns no data: the screen gives it the choices (`set_options`) and
listens for `FilterBar.Changed`, which carries the whole state (search text
and one value per filter, None = all) every time anything changes. `Done`
asks the screen to give focus back to its table (Enter or Esc in the bar).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input, Select

from econdash.core.i18n import tr

Option = tuple[str, str]
"""(label shown, value filtered on)."""

SELECT_MAX = 22
"""Widest a filter gets for long choices (the drop-down list itself is wider)."""
SELECT_MIN = 8
SEARCH_MIN = 20
"""The search box keeps at least this many cells; filters shrink first."""


class SearchInput(Input):
    """The bar's search box. Its size never depends on its text (the bar's CSS gives
    it `1fr`), so a keystroke repaints only the box: Textual's `Input` changes its
    virtual size on every key, which by default asks the whole screen for a new
    layout and a full repaint before the typed character can be shown."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)


class FilterBar(Horizontal):
    """Compact `Select`s (first option: all; made after the first frame) and a search
    `Input`, one line high."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear", "Clear"),
    ]

    DEFAULT_CSS = """
    FilterBar {
        height: 1;
        width: 1fr;
        & > Select { margin-right: 1; }
        & > Select.-filter-active > SelectCurrent Static#label { color: $accent; text-style: bold; }
        & > Select > SelectOverlay { width: auto; min-width: 100%; max-width: 60; }
        & > Input { width: 1fr; min-width: 12; }
    }
    """

    class Changed(Message):
        """Search text or a filter changed; carries the complete state."""

        def __init__(self, bar: FilterBar, search: str, filters: dict[str, str | None]) -> None:
            super().__init__()
            self.bar = bar
            self.search = search
            self.filters = filters

        @property
        def control(self) -> FilterBar:
            return self.bar

    class Done(Message):
        """Enter or Esc in the bar: the screen should focus its table again."""

        def __init__(self, bar: FilterBar) -> None:
            super().__init__()
            self.bar = bar

        @property
        def control(self) -> FilterBar:
            return self.bar

    def __init__(
        self,
        filters: Sequence[tuple[str, str]],
        *,
        lang: str = "zh",
        id: str | None = None,
        classes: str = "filter-bar",
    ) -> None:
        """`filters`: (column, i18n key of its label) in display order."""
        super().__init__(id=id, classes=classes)
        self._filters = list(filters)
        self._lang = lang
        self._last: tuple[str, tuple[tuple[str, str | None], ...]] | None = None
        self._options: dict[str, list[Option]] = {column: [] for column, _ in self._filters}
        self._labels = dict(self._filters)

    # ---- composition -------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The filters are made after the first frame, one a frame (`_make_next_select`), or
        # earlier when they get choices: four Selects (six widgets each) took a tenth of a
        # second of the first frame, and all at once they would hold up a key as long.
        yield SearchInput(placeholder=tr("search_placeholder", self._lang), compact=True,
                          classes="filter-search")

    def _add_select(self, column: str, options: list[tuple[Text, str]]) -> Select[str]:
        """Make a filter's Select, in the filters' order before the search box."""
        label = self._labels[column]
        select = Select[str](options, prompt=self._prompt(label), compact=True, name=column,
                             classes="filter-select", tooltip=tr(label, self._lang))
        columns = [c for c, _ in self._filters]
        later = columns[columns.index(column) + 1:]
        after = next((s for s in self._selects() if s.name in later), self.query_one(Input))
        self.mount(select, before=after)
        return select

    def on_mount(self) -> None:
        self._last = self._key()
        self._fit_widths()
        self.call_after_refresh(self._make_next_select)

    def _make_next_select(self) -> None:
        """Make the first filter not made yet (hidden while it has no choices), then the
        next one after the next frame."""
        column = next((c for c, _ in self._filters if self._select(c) is None), None)
        if column is None or not self.is_attached:
            return
        options = self._options[column]
        select = self._add_select(column, [(Text(label), value) for label, value in options])
        select.display = bool(options)
        self.call_after_refresh(self._make_next_select)

    def on_resize(self) -> None:
        self._fit_widths()

    def _fit_widths(self) -> None:
        """Each filter as wide as its prompt (more for long choices, up to SELECT_MAX),
        all shrunk together when the line is too narrow to leave SEARCH_MIN for search."""
        selects = [s for s in self._selects() if s.display]
        if not selects:
            self._fit_placeholder()
            return
        wants, prompts = [], []
        for select in selects:
            column = select.name or ""
            prompt = cell_len(self._prompt(self._labels[column])) + 3  # + arrow and its padding
            longest = max((cell_len(text) for text, _ in self._options[column]), default=0) + 3
            wants.append(max(prompt, min(longest, SELECT_MAX)))
            prompts.append(prompt)
        room = (self.size.width or self.app.size.width) - SEARCH_MIN - len(selects)
        spare = room - sum(prompts)
        if sum(wants) > room and spare >= 0:
            # Long choices (English words) share what is left; every prompt stays whole.
            extra = [want - prompt for want, prompt in zip(wants, prompts)]
            wants = [prompt + more * spare // sum(extra) for prompt, more in zip(prompts, extra)]
        elif sum(wants) > room > 0:
            wants = [max(SELECT_MIN, want * room // sum(wants)) for want in wants]
        for select, want in zip(selects, wants):
            select.styles.width = want
        self._fit_placeholder()

    def _fit_placeholder(self) -> None:
        """The full hint when the search box has room for it, else a short one."""
        search = self.query_one(Input)
        room = (self.size.width or self.app.size.width) - sum(
            (s.styles.width.value if s.styles.width else 0) + 1 for s in self._selects() if s.display)
        full = tr("search_placeholder", self._lang)
        search.placeholder = full if cell_len(full) <= room else tr("search_short", self._lang)

    def _prompt(self, label: str) -> str:
        return f"{tr(label, self._lang)}: {tr('all', self._lang)}"

    # ---- state -------------------------------------------------------------

    @property
    def search(self) -> str:
        """The search text (trimmed)."""
        return self.query_one(Input).value.strip()

    @property
    def filters(self) -> dict[str, str | None]:
        """Selected value per filter column; None means all."""
        return {column: select.selection if (select := self._select(column)) else None
                for column, _ in self._filters}

    def _selects(self) -> list[Select[str]]:
        return list(self.query(Select).results(Select))

    def _select(self, column: str) -> Select[str] | None:
        """The filter's Select; None until it is made (after the first frame, or when it
        gets choices)."""
        if column not in self._labels:
            raise KeyError(column)
        return next((s for s in self._selects() if s.name == column), None)

    def _key(self) -> tuple[str, tuple[tuple[str, str | None], ...]]:
        return self.search, tuple(self.filters.items())

    def _emit(self, *, force: bool = False) -> None:
        """Post `Changed` if the state differs from the last one posted."""
        key = self._key()
        if key == self._last and not force:
            return
        self._last = key
        for select in self._selects():
            select.set_class(select.selection is not None, "-filter-active")
        self.post_message(self.Changed(self, key[0], dict(key[1])))

    # ---- public API ----------------------------------------------------------

    def set_options(self, column: str, values: Iterable[str | Option]) -> None:
        """Replace a filter's choices, keeping its selection when still offered.

        A filter with no choices (and nothing selected) is hidden.
        """
        select = self._select(column)
        options = [(v, v) if isinstance(v, str) else (v[0], v[1]) for v in values]
        if options == self._options[column]:
            return
        self._options[column] = options
        # Text, not str: data must never be read as markup.
        shown = [(Text(label), value) for label, value in options]
        if select is None:
            if not options:
                return
            select = self._add_select(column, shown)
        else:
            current = select.selection
            select.set_options(shown)
            if current is not None and any(value == current for _, value in options):
                select.value = current
        select.display = bool(options)
        self._fit_widths()
        # Select.Changed arrives later and re-emits only if the state really changed.

    def set_value(self, column: str, value: str | None) -> None:
        """Select `value` in a filter (None = all); ignored if it isn't offered."""
        select = self._select(column)
        if select is None:
            pass  # no choices yet: nothing is or can be selected
        elif value is None:
            select.clear()
        elif any(v == value for _, v in self._options[column]):
            select.value = value
            select.display = True
        self._emit()

    def options_of(self, column: str) -> list[str]:
        """The values a filter offers (without the "all" choice)."""
        return [value for _, value in self._options[column]]

    def clear(self) -> None:
        """Empty the search and set every filter to all; posts `Changed` at once."""
        for select in self._selects():
            select.clear()
        self.query_one(Input).value = ""
        self._emit()

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.query_one(Input).focus()

    def focus_next_filter(self) -> None:
        """Focus the next visible filter (wrapping); the first when none has focus."""
        selects = [s for s in self._selects() if s.display]
        if not selects:
            self.focus_search()
            return
        focused = self.screen.focused
        index = next((i for i, s in enumerate(selects) if s is focused), -1)
        selects[(index + 1) % len(selects)].focus()

    def set_lang(self, lang: str) -> None:
        """Labels and placeholders in `lang` (choices are data and stay as given)."""
        self._lang = lang
        for select in self._selects():
            label = self._labels[select.name or ""]
            select.prompt = self._prompt(label)
            select.tooltip = tr(label, lang)
        self._fit_widths()
        self._fit_placeholder()

    # ---- events --------------------------------------------------------------

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._emit()

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        # Show the typed character first, then search: `Changed` is posted once the
        # frame with the new text is painted, so neither the search (a big one
        # starts a worker whose threads compete for the CPU) nor the table's
        # update delays the echo. Keys typed before that frame are coalesced:
        # `_emit` posts only the newest state.
        self.call_after_refresh(self._emit)

    @on(Input.Submitted)
    def _input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done(self))

    def action_clear(self) -> None:
        """Esc inside the bar: clear everything and hand focus back."""
        self.clear()
        self.post_message(self.Done(self))


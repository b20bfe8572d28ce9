"""Cutting text to terminal cells (tui/cells.py): one mark, never "…" (D10)."""

from __future__ import annotations

from rich.text import Text

from econdash.core import i18n
from econdash.tui.cells import CUT_MARK, fit_cell, fit_text
from econdash.tui.keys import FOOTER, KEYS


def test_styled_text_is_cut_with_the_ascii_mark_and_keeps_its_style() -> None:
    cut = fit_text(Text("数字经济规上核心制造业产值", style="bold"), 10)
    assert cut.plain == "数字经济~" and cut.cell_len == 9
    assert cut.style == "bold"
    assert fit_text(Text("short"), 10).plain == "short"


def test_plain_cells_keep_both_ends() -> None:
    assert fit_cell("数字经济核心制造业纳统企业数", 20) == "数字经济核~统企业数 "
    assert CUT_MARK == "~"


def test_no_interface_text_shows_the_ambiguous_width_ellipsis() -> None:
    texts = [t for pair in i18n.STRINGS.values() for t in pair]
    texts += [t for k in KEYS for t in (k.zh, k.en)] + [t for p in FOOTER.values() for t in p]
    assert [t for t in texts if "…" in t] == []

"""Random edits of a text, for fuzzing the loaders: shared by the test suite's
property tests (tests/unit/test_fuzz.py) and the long run in scripts/fuzz.py."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

LINE_EDITS = ("delete", "insert", "duplicate_line", "swap_lines")

Draw = Callable[[st.SearchStrategy], object]
ExtraEdit = Callable[[Draw, str, str, list[str]], str]
"""(draw, action, text, its lines) -> the edited text, for actions beyond LINE_EDITS."""


@st.composite
def mutated(draw: Draw, text: str, insert: st.SearchStrategy[str], *,
            edits: tuple[int, int] = (1, 3), actions: tuple[str, ...] = LINE_EDITS,
            max_delete: int = 40, extra: ExtraEdit | None = None) -> str:
    """`text` with a few random edits (between `edits` of them): a slice of up to
    `max_delete` characters deleted, a draw of `insert` inserted, a line doubled, two
    lines swapped; other `actions` are done by `extra`."""
    for _ in range(draw(st.integers(*edits))):
        action = draw(st.sampled_from(actions))
        lines = text.splitlines(keepends=True)
        if action == "delete" and text:
            start = draw(st.integers(0, len(text) - 1))
            text = text[:start] + text[start + draw(st.integers(1, max_delete)):]
        elif action == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(insert) + text[at:]
        elif action == "duplicate_line" and lines:
            i = draw(st.integers(0, len(lines) - 1))
            text = "".join(lines[:i + 1] + [lines[i]] + lines[i + 1:])
        elif action == "swap_lines" and len(lines) > 1:
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "".join(lines)
        elif extra is not None and action not in LINE_EDITS:
            text = extra(draw, action, text, lines)
    return text

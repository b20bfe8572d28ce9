"""The overview panels' lines as Rich Text (pure: data, width and styles in, lines out).

Each panel is a list of `Row`s: a line of text and the key Enter acts on (an
indicator id, a programme, a project category; None for a line that is only
information). Names are cut by terminal cells so Chinese (two cells a character)
lines up; nothing from the data is read as markup (Text is built, never parsed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from econdash.core.formatting import fmt_number, fmt_pct
from econdash.core.i18n import tr
from econdash.core.model.dataset import Indicator
from econdash.core.model.overview import Attention, HonourRow, ProjectSummary
from econdash.core.safetext import visible
from econdash.tui.cells import fit_cell
from econdash.tui.text import bar

FULL = "█"
AXIS = "│"


@dataclass(frozen=True)
class PanelStyles:
    """The theme's styles the panels are drawn with (plain strings in tests)."""

    up: Style | str = "green"
    down: Style | str = "red"
    bar: Style | str = "blue"
    dim: Style | str = "dim"
    strong: Style | str = "bold"


@dataclass(frozen=True)
class Row:
    """One line of a panel and what Enter on it opens (None: nothing)."""

    text: Text
    key: str | None = None


def fit(text: str, width: int) -> str:
    """`text` (shown as written) padded or cut to exactly `width` cells."""
    return fit_cell(visible(text), width)


def _pct_style(value: float, styles: PanelStyles) -> Style | str:
    return styles.up if value > 0 else styles.down if value < 0 else ""


GrowthItem = tuple[str, str, float]
"""(key, name, growth in %) of one bar."""


def growth_rows(items: Sequence[GrowthItem], lang: str, width: int,
                styles: PanelStyles) -> list[Row]:
    """A diverging bar per item, in the order given: name │ bars │ value. Falls are bars
    in the falling colour left of the shared zero axis, growth bars right of it, one scale."""
    if not items:
        return [Row(Text(tr("ov.growth_none", lang), style=styles.dim))]
    values = [value for _, _, value in items]
    value_width = max(len(fmt_pct(v)) for v in values) + 1
    names = [name for _, name, _ in items]
    name_width = min(max(cell_len(n) for n in names), max(4, int(width * 0.45)))
    room = max(2, width - name_width - value_width - 2)
    low, high = min(min(values), 0.0), max(max(values), 0.0)
    span = (high - low) or 1.0
    left = round(room * -low / span)
    right = room - left
    rows = []
    for (key, name, value) in items:
        line = Text(fit(name, name_width) + " ")
        cells = max(1, round(room * abs(value) / span)) if value else 0
        if value < 0:
            line.append(" " * (left - min(cells, left)))
            line.append(FULL * min(cells, left), style=styles.down)
        else:
            line.append(" " * left)
        line.append(AXIS, style=styles.dim)
        if value > 0:
            line.append(FULL * min(cells, right), style=styles.up)
            line.append(" " * (right - min(cells, right)))
        else:
            line.append(" " * right)
        line.append(fmt_pct(value).rjust(value_width), style=_pct_style(value, styles))
        rows.append(Row(line, key))
    return rows


def growth_panel_rows(rates: Sequence[Indicator], headline: Sequence[GrowthItem], lang: str,
                      width: int, styles: PanelStyles, computed: bool = False) -> list[Row]:
    """The growth category's bars, then the headline figures' growth as bars (each
    group on its own scale, fastest first), under a heading of their own, marked when
    some of them are computed. Without rates of the category, only the headline bars."""
    clusters = [(i.id, i.display_name(lang), float(i.yoy_pct))  # type: ignore[arg-type]
                for i in rates]
    rows = growth_rows(clusters, lang, width, styles) if clusters or not headline else []
    if headline:
        if rows:
            rows.append(Row(Text("")))
        mark = tr("ov.computed_mark", lang) if computed else ""
        rows.append(Row(Text(tr("ov.headline_growth", lang) + mark, style=styles.strong)))
        rows += growth_rows(sorted(headline, key=lambda item: -item[2]), lang, width, styles)
    return rows


def change_text(row: HonourRow, lang: str, styles: PanelStyles) -> Text:
    """'+3' / '-1' / 'new' since the previous period; '' when unknown or unchanged."""
    if row.previous is None or row.count == row.previous:
        return Text("")
    if row.previous == 0:
        return Text(tr("ov.new", lang), style=styles.up)
    change = row.count - row.previous
    return Text(f"{change:+d}", style=styles.up if change > 0 else styles.down)


def honour_rows_text(rows: Sequence[HonourRow], lang: str, width: int,
                     styles: PanelStyles) -> list[Row]:
    """'制造业单项冠军 国家级  认定1 培育1   2 +1': programme, level, statuses, count, change."""
    if not rows:
        return [Row(Text(tr("ov.honours_none", lang), style=styles.dim))]
    changes = [change_text(r, lang, styles) for r in rows]
    change_width = max((cell_len(c.plain) for c in changes), default=0)
    count_width = max(len(str(r.count)) for r in rows)
    tail = count_width + (change_width + 1 if change_width else 0)
    room = max(4, width - tail - 1)
    labels = [row.name(lang) + (f" {row.level}" if row.level else "") for row in rows]
    # Statuses (认定2 培育6) line up in a column after the labels, where there is room.
    label_width = min(max(cell_len(label) for label in labels), int(room * 0.6))
    lines = []
    for row, change, label in zip(rows, changes, labels):
        statuses = " ".join(f"{status}{count}" for status, count in row.statuses if status) \
            if len(row.statuses) > 1 else ""
        if statuses and cell_len(label) <= label_width \
                and label_width + 2 + cell_len(statuses) <= room:
            line = Text(fit(label, label_width) + "  ")
            line.append(fit(statuses, room - label_width - 2), style=styles.dim)
        else:
            line = Text(fit(label, room))
        line.append(" " + str(row.count).rjust(count_width), style=styles.strong)
        if change_width:
            line.append(" ").append_text(change).append(" " * (change_width - cell_len(change.plain)))
        lines.append(Row(line, row.programme))
    return lines


def project_rows(summary: ProjectSummary | None, lang: str, width: int,
                 styles: PanelStyles) -> list[Row]:
    """How many projects, investment done against planned with a completion bar, and
    the count per category."""
    if summary is None:
        return [Row(Text(tr("ov.projects_reading", lang), style=styles.dim))]
    if summary.count == 0:
        return [Row(Text(tr("ov.projects_none", lang), style=styles.dim))]
    unit = f" {summary.unit}" if summary.unit else ""
    rows = [Row(Text(tr("ov.projects_count", lang, count=summary.count), style=styles.strong),
                "")]
    completion = summary.completion
    if completion is not None:
        rows.append(Row(Text(tr("ov.invest", lang, done=fmt_number(summary.completed),
                                planned=fmt_number(summary.planned), unit=unit)), ""))
        line = Text(tr("ov.completion", lang) + " ", style=styles.dim)
        line.append(bar(completion, max(4, min(20, width - 12))), style=styles.bar)
        line.append(f" {completion * 100:.0f}%", style=styles.strong)
        rows.append(Row(line, ""))
    elif summary.planned is not None:
        rows.append(Row(Text(tr("ov.invest_planned", lang, planned=fmt_number(summary.planned),
                                unit=unit)), ""))
    else:
        rows.append(Row(Text(tr("ov.invest_none", lang), style=styles.dim), ""))
    count_width = max(len(str(g.count)) for g in summary.groups) if summary.groups else 1
    for group in summary.groups:
        line = Text(fit(group.category or "-", max(4, width - count_width - 1)) + " ")
        line.append(str(group.count).rjust(count_width), style=styles.strong)
        rows.append(Row(line, group.category))
    return rows


def attention_text(item: Attention, lang: str, width: int, styles: PanelStyles) -> Text:
    """'负增长 生命(医疗)健康产业产值 -13.6%': the kind, the name, the figures compared."""
    label = tr(f"ov.kind.{item.kind}", lang)
    kind_style = styles.bar if item.kind == "problem" else styles.down
    figures = _figures(item, lang)
    line = Text()
    line.append(label + " ", style=kind_style)
    room = max(4, width - cell_len(label) - 1 - (cell_len(figures) + 1 if figures else 0))
    name = item.key + " " + item.name if item.kind == "problem" else item.display_name(lang)
    line.append(fit(name, room))
    if figures:
        line.append(" " + figures, style=styles.strong)
    return line


def _figures(item: Attention, lang: str) -> str:
    """The figures an item compares: '-13.6%', '7.2%←8.1%', '第5←第3', '12←40'."""
    now, before = item.now, item.before
    if now is None:
        return ""
    if item.kind == "rank_drop":
        text = tr("ov.rank_n", lang, rank=int(now))
        return text + ("←" + tr("ov.rank_n", lang, rank=int(before)) if before is not None else "")
    if item.kind in ("negative", "falling"):
        mark = tr("ov.computed_mark", lang) if item.computed else ""
        return fmt_pct(now) + (f"←{fmt_pct(before)}" if before is not None else "") + mark
    return fmt_number(round(now, 2)) + (f"/{fmt_number(round(before, 2))}"
                                        if before is not None else "")


def attention_rows(items: Sequence[Attention], problems: Sequence[Attention] | None,
                   problem_count: int, lang: str, width: int,
                   styles: PanelStyles) -> list[Row]:
    """What needs attention from the figures, then the problems `check` found."""
    rows = [Row(attention_text(item, lang, width, styles), item.key) for item in items]
    if problems is None:
        rows.append(Row(Text(tr("ov.checking", lang), style=styles.dim)))
    else:
        rows += [Row(attention_text(p, lang, width, styles), "!") for p in problems]
        if problem_count > len(problems):
            rows.append(Row(Text(tr("ov.more_problems", lang,
                                    count=problem_count - len(problems)), style=styles.dim), "!"))
    if not rows:
        rows.append(Row(Text(tr("ov.attention_none", lang), style=styles.dim)))
    return rows

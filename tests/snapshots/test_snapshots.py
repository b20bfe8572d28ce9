"""Snapshot tests: what a person sees in each section, at 80x24 and 120x36.

The app is built from the bundled seed dataset (no user folders, no clock,
no settings file). Update the baselines after a deliberate change with
`pytest tests/snapshots --snapshot-update`, then look at the SVGs.
"""

from __future__ import annotations

import pytest

from econdash.core.loaders import load_dataset
from econdash.core.paths import bundled_dataset
from econdash.tui.app import EcondashApp

SIZES = [(80, 24), (120, 36)]
SECTIONS = {
    "overview": [],
    "indicators": ["2"],
    "growth": ["3"],
    "projects": ["4"],
    "enterprises": ["5"],
    "history": ["6"],
    "help": ["question_mark"],
}


def seed_app(lang: str = "zh") -> EcondashApp:
    """The dashboard on the bundled dataset, as tests and screenshots see it."""
    return EcondashApp(dataset=load_dataset(bundled_dataset()), lang=lang)


async def settle(pilot) -> None:
    """Let workers finish and the screen repaint."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("section", list(SECTIONS))
def test_section(snap_compare, section: str, size: tuple[int, int]) -> None:
    assert snap_compare(seed_app(), press=SECTIONS[section], terminal_size=size,
                        run_before=settle)


@pytest.mark.parametrize("section", ["overview", "indicators", "enterprises"])
def test_section_in_english(snap_compare, section: str) -> None:
    assert snap_compare(seed_app("en"), press=SECTIONS[section], terminal_size=(120, 36),
                        run_before=settle)


def test_overview_at_200x50(snap_compare) -> None:
    """The overview dashboard on a big terminal (80x24 and 120x36: test_section)."""
    assert snap_compare(seed_app(), terminal_size=(200, 50), run_before=settle)


def test_three_cities_overview_with_sparklines(snap_compare) -> None:
    from econdash.core.paths import bundled_examples
    app = EcondashApp(dataset=load_dataset(bundled_examples() / "three-cities"))
    assert snap_compare(app, terminal_size=(120, 36), run_before=settle)


def test_problems_screen(snap_compare, tmp_path) -> None:
    good = tmp_path / "2022-H1"
    good.mkdir()
    (good / "report.toml").write_text(
        '[period]\nyear = 2022\nmonths = [1, 6]\n\n[[indicator]]\nid = "a"\nname = "甲"\n'
        'category = "工业"\nvalue = 1\n', encoding="utf-8")
    bad = tmp_path / "2022-FY"
    bad.mkdir()
    (bad / "report.toml").write_text(
        '[period]\nyear = 2022\nmonths = [12, 1]\n', encoding="utf-8")
    app = EcondashApp(dataset=load_dataset(tmp_path))
    assert snap_compare(app, terminal_size=(100, 30), run_before=settle)


def test_enterprises_while_the_rest_of_a_big_roster_loads(snap_compare) -> None:
    """The first rows of the roster (`Dataset.partial`), marked as such, the ladder waiting."""
    app = EcondashApp(dataset=load_dataset(bundled_dataset(), head_bytes=2000))
    assert snap_compare(app, press=["5"], terminal_size=(120, 36), run_before=settle)


def test_column_counts(snap_compare) -> None:
    """`F` on 级别 of the seed roster: 市级 13, 国家级 2, the empty ones, shares and bars."""
    assert snap_compare(seed_app(), press=["5", "right", "right", "F"],
                        terminal_size=(120, 36), run_before=settle)


def test_enterprises_scrolled_to_the_last_column(snap_compare) -> None:
    """The names stay at the left (frozen) while the table shows its last column."""
    assert snap_compare(seed_app(), press=["5", *["right"] * 8], terminal_size=(80, 24),
                        run_before=settle)

"""Snapshots of time on screen: the comparison of two spans (and like for like), and
the growth section on the three-cities years (computed growth and trend lines)."""

from __future__ import annotations

from pathlib import Path

from econdash.core.loaders import load_dataset
from econdash.core.paths import bundled_examples
from econdash.tui.app import EcondashApp

SPANS = ((2022, 9, 120.0, 5.0), (2023, 6, 85.1, 7.2), (2023, 9, 130.3, 6.0))


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def spans_app(tmp_path: Path) -> EcondashApp:
    for year, last, value, growth in SPANS:
        folder = tmp_path / f"{year}-{last}"
        folder.mkdir(parents=True)
        (folder / "report.toml").write_text(
            f'[period]\nyear = {year}\nmonths = [1, {last}]\n\n[[indicator]]\nid = "output"\n'
            f'name = "规上工业总产值"\ncategory = "工业"\nvalue = {value}\nunit = "亿元"\n'
            f'yoy_pct = {growth}\nrank = 3\n', encoding="utf-8")
    return EcondashApp(dataset=load_dataset(tmp_path), lang="zh")


def three_cities_app() -> EcondashApp:
    return EcondashApp(dataset=load_dataset(bundled_examples() / "three-cities"), lang="zh")


def test_compare_of_different_spans(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(spans_app(tmp_path), press=["c"], terminal_size=(120, 36),
                        run_before=settle)


def test_compare_like_for_like(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(spans_app(tmp_path), press=["c", "y"], terminal_size=(120, 36),
                        run_before=settle)


def test_three_cities_growth(snap_compare) -> None:
    assert snap_compare(three_cities_app(), press=["3"], terminal_size=(120, 36),
                        run_before=settle)


def test_three_cities_history(snap_compare) -> None:
    assert snap_compare(three_cities_app(), press=["6"], terminal_size=(120, 36),
                        run_before=settle)

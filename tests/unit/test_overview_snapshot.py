"""The overview snapshot: written after a load, read back only for the same files and code."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from econdash.core.errors import DatasetError
from econdash.core.loaders import load_dataset
from econdash.core.model.overview import OverviewData
from econdash.core.paths import bundled_dataset, bundled_examples
from econdash.core.query.overview import overview_data
from econdash.core.query.quick_overview import quick_overview
from econdash.core.query.series import observations
from econdash.core.startup import Loading, begin, load_snapshot, save_snapshot, snapshot_file
from econdash.core.watch import fingerprint


@pytest.fixture()
def dataset_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(bundled_examples() / "three-cities", target)
    return target


def overview_of(path: Path) -> OverviewData:
    dataset = load_dataset(path)
    data = overview_data(dataset, observations(dataset), len(dataset.periods) - 1)
    assert data is not None
    return data


def test_overview_data_is_the_newest_period_with_series(dataset_copy: Path) -> None:
    data = overview_of(dataset_copy)
    assert (data.position, data.count) == (9, 9)
    assert data.period.id == "2019FY"
    assert data.cards and all(len(card.points) > 1 for card in data.cards)
    assert data.title("en") == "2019 FY"


def test_snapshot_round_trip_for_the_same_files(tmp_path: Path, dataset_copy: Path) -> None:
    data, stamp = overview_of(dataset_copy), fingerprint(dataset_copy)
    path = snapshot_file(tmp_path / "cache", dataset_copy)
    save_snapshot(path, stamp, data)
    assert load_snapshot(path, stamp) == data


def test_snapshot_ignored_once_a_file_changed(tmp_path: Path, dataset_copy: Path) -> None:
    path = snapshot_file(tmp_path / "cache", dataset_copy)
    save_snapshot(path, fingerprint(dataset_copy), overview_of(dataset_copy))
    report = next(dataset_copy.glob("2019*/report.toml"))
    stat = report.stat()
    os.utime(report, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_snapshot(path, fingerprint(dataset_copy)) is None


def rewrite_keeping_size_and_times(path: Path, old: bytes, new: bytes) -> None:
    """A corrected file that keeps its size and time, as `cp -p`, `rsync -t`, unzip or
    `touch -r` leave it."""
    assert len(old) == len(new)
    stat, content = path.stat(), path.read_bytes()
    assert old in content
    time.sleep(0.05)  # (file times come from a clock that ticks every few ms)
    path.write_bytes(content.replace(old, new, 1))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)


def test_snapshot_ignored_after_a_rewrite_keeping_size_and_time(tmp_path: Path,
                                                                dataset_copy: Path) -> None:
    path = snapshot_file(tmp_path / "cache", dataset_copy)
    save_snapshot(path, fingerprint(dataset_copy), overview_of(dataset_copy))
    report = next(dataset_copy.glob("2019*/report.toml"))
    rewrite_keeping_size_and_times(report, b"value = 1400.16", b"value = 9999.99")
    assert load_snapshot(path, fingerprint(dataset_copy)) is None
    startup = begin(dataset_copy, "overview", cache=tmp_path / "cache")
    dataset = startup.loading.result()[1]
    assert dataset.periods[-1].indicator("lishui_output").value == 9999.99


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(("other code", (), None)),
                                     pickle.dumps({"a": 1}), b"{}", b"[]\n{}"])
def test_unreadable_or_foreign_snapshot_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "snap.json"
    path.write_bytes(content)
    assert load_snapshot(path, ()) is None
    assert load_snapshot(tmp_path / "missing.json", ()) is None


def damage_overview(overview: dict, damage: str) -> None:
    card = overview["cards"][0]
    if damage == "wrong type":
        card["indicator"]["value"] = "397.3"
    elif damage == "missing field":
        del card["points"][0]["rank"]
    elif damage == "extra field":
        overview["code"] = "__import__('os').system('echo pwned')"
    elif damage == "not a date":
        overview["published"] = "yesterday"
    elif damage == "impossible period":
        overview["period"]["first_month"] = 13


@pytest.mark.parametrize("damage", ["wrong type", "missing field", "extra field", "not a date",
                                    "impossible period", "truncated"])
def test_a_snapshot_that_does_not_match_its_classes_is_ignored(tmp_path: Path, damage: str,
                                                                dataset_copy: Path) -> None:
    path, stamp = snapshot_file(tmp_path / "cache", dataset_copy), fingerprint(dataset_copy)
    save_snapshot(path, stamp, overview_of(dataset_copy))
    header, body = path.read_bytes().split(b"\n", 1)
    if damage == "truncated":
        body = body[:len(body) // 2]
    else:
        saved = json.loads(body)
        damage_overview(saved["overview"], damage)
        body = json.dumps(saved).encode("ascii")
    path.write_bytes(header + b"\n" + body)
    assert load_snapshot(path, stamp) is None
    assert load_snapshot(tmp_path / "missing.json", stamp) is None


def test_unwritable_cache_is_not_an_error(tmp_path: Path, dataset_copy: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    save_snapshot(snapshot_file(blocker, dataset_copy), fingerprint(dataset_copy),
                  overview_of(dataset_copy))  # no exception
    assert blocker.read_text().startswith("a file")


def test_begin_loads_at_once_without_a_snapshot(tmp_path: Path, dataset_copy: Path) -> None:
    startup = begin(dataset_copy, "overview", cache=tmp_path / "cache")
    assert startup.preview is None and startup.loading is not None
    stamp, dataset = startup.loading.result()
    assert stamp == fingerprint(dataset_copy) and len(dataset.periods) == 9


def test_begin_shows_the_snapshot_first_and_defers_the_load(tmp_path: Path,
                                                            dataset_copy: Path) -> None:
    cache = tmp_path / "cache"
    save_snapshot(snapshot_file(cache, dataset_copy), fingerprint(dataset_copy),
                  overview_of(dataset_copy))
    startup = begin(dataset_copy, "overview", cache=cache)
    assert startup.preview == overview_of(dataset_copy) and startup.loading is None
    assert startup.start_loading() is startup.start_loading()  # started once
    # Another first section does not use the overview's snapshot: it loads at once.
    other = begin(dataset_copy, "enterprises", cache=cache)
    assert other.preview is None and other.loading is not None


def test_loading_reraises_what_loading_raised(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="no such folder"):
        Loading(tmp_path / "missing").result()


def test_the_first_screen_needs_no_polars(tmp_path: Path) -> None:
    """The first frame (the overview from the report of a one-period dataset, or from a
    snapshot) is drawn before polars (0.3 s to import) is imported."""
    code = ("import sys, econdash.cli, econdash.core.startup, econdash.tui.app, "
            "econdash.tui.screens.overview, econdash.tui.widgets.kpi_card\n"
            "from pathlib import Path\nfrom econdash.core.paths import bundled_dataset\n"
            f"startup = econdash.core.startup.begin(bundled_dataset(), 'overview', "
            f"Path({str(tmp_path)!r}))\n"
            "assert startup.preview is not None and startup.loading is None\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'polars'))")
    src = Path(__file__).resolve().parents[2] / "src"
    env = {**os.environ, "PYTHONPATH": str(src)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, check=True)
    assert result.stdout.strip() == "[]"


@pytest.fixture()
def one_period(tmp_path: Path) -> Path:
    target = tmp_path / "one"
    shutil.copytree(bundled_dataset(), target)
    return target


def test_one_period_overview_is_read_from_the_report_as_the_load_shows_it(
        tmp_path: Path, one_period: Path) -> None:
    startup = begin(one_period, "overview", cache=tmp_path / "cache")
    assert startup.loading is None and not startup.from_snapshot  # first start: no snapshot
    # Equal to the load's overview but for what needs the CSV files (projects, problems
    # check finds in them), which the report alone can't give: the cards are kept on load.
    loaded = overview_of(one_period)
    assert startup.preview.projects is None and startup.preview.problems is None
    assert startup.preview == replace(loaded, projects=None, problems=None)
    assert loaded.projects is not None and loaded.projects.count == 13
    single = next(p for p in one_period.iterdir() if p.is_dir())
    assert quick_overview(single) == replace(overview_of(single), projects=None, problems=None)


def test_no_quick_overview_where_the_load_would_differ(tmp_path: Path, one_period: Path,
                                                       dataset_copy: Path) -> None:
    assert quick_overview(dataset_copy) is None  # nine periods: trend lines need the load
    assert quick_overview(tmp_path / "missing") is None
    report = next(one_period.glob("*/report.toml"))
    good = report.read_text(encoding="utf-8")
    (one_period / "series.csv").write_text("indicator,year,first_month,last_month,value\n",
                                          encoding="utf-8")
    assert quick_overview(one_period) is None  # series files add to the trend lines
    (one_period / "series.csv").unlink()
    report.write_text(good.replace("[period]", "[period", 1), encoding="utf-8")
    assert quick_overview(one_period) is None  # an error: the problems screen will say
    report.write_text(good, encoding="utf-8")
    assert quick_overview(one_period) is not None


def test_the_first_screen_never_shows_a_report_linked_from_outside(tmp_path: Path) -> None:
    """The full load refuses such a link (hostile test F6); the quick overview drawn before
    it must not show the outside file's figures meanwhile."""
    from econdash.core.paths import bundled_dataset
    outside = bundled_dataset() / "2022-H1" / "report.toml"
    assert outside.is_file()
    period = tmp_path / "ds" / "p1"
    period.mkdir(parents=True)
    (period / "report.toml").symlink_to(outside)
    assert quick_overview(tmp_path / "ds") is None
    assert quick_overview(period) is None

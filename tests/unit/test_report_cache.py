"""Parsed reports kept between loads: reused only for unchanged files and the same code."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from econdash.core import cache as cachefile
from econdash.core.loaders import load_dataset, report_cache
from econdash.core.paths import bundled_examples


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(bundled_examples() / "three-cities", target)
    return target


@pytest.fixture()
def parses(monkeypatch) -> list[str]:
    """The reports parsed (not taken from the cache), by file name of their folder."""
    parsed: list[str] = []
    real = report_cache.load_report

    def counting(path: Path, shown: str):
        parsed.append(path.parent.name)
        return real(path, shown)

    monkeypatch.setattr(report_cache, "load_report", counting)
    return parsed


def test_a_second_load_parses_no_report_and_gives_the_same_dataset(
        data: Path, tmp_path: Path, parses: list[str]) -> None:
    cache = tmp_path / "cache"
    first = load_dataset(data, report_cache=cache)
    assert len(parses) == len(first.periods) > 1
    parses.clear()
    second = load_dataset(data, report_cache=cache)
    assert parses == []
    assert [p.indicators for p in second.periods] == [p.indicators for p in first.periods]
    assert second.problems == first.problems == load_dataset(data).problems


def test_a_changed_report_is_parsed_again(data: Path, tmp_path: Path,
                                          parses: list[str]) -> None:
    cache = tmp_path / "cache"
    load_dataset(data, report_cache=cache)
    report = sorted(data.glob("*/report.toml"))[-1]
    report.write_text(report.read_text(encoding="utf-8").replace('region = "', 'region = "新'),
                      encoding="utf-8")
    parses.clear()
    dataset = load_dataset(data, report_cache=cache)
    assert parses == [report.parent.name]
    assert dataset.periods[-1].region.startswith("新")


def test_a_report_rewritten_with_its_size_and_time_is_parsed_again(
        data: Path, tmp_path: Path, parses: list[str]) -> None:
    """A corrected report.toml of the same size that keeps its time (cp -p, rsync -t,
    unzip, touch -r, import --replace): the cache goes by its content, not its time."""
    cache = tmp_path / "cache"
    load_dataset(data, report_cache=cache)
    report = data / "2019-FY" / "report.toml"
    stat, content = report.stat(), report.read_bytes()
    report.write_bytes(content.replace(b"value = 1400.16", b"value = 9999.99", 1))
    os.utime(report, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert (report.stat().st_size, report.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    parses.clear()
    dataset = load_dataset(data, report_cache=cache)
    assert parses == ["2019-FY"]
    assert dataset.periods[-1].indicator("lishui_output").value == 9999.99


def test_a_change_to_any_module_of_econdash_means_parsing_again(
        data: Path, tmp_path: Path, parses: list[str], monkeypatch) -> None:
    cache = tmp_path / "cache"
    load_dataset(data, report_cache=cache)
    # As a changed loaders/toml_lines.py (which the old hand-kept list left out) would:
    monkeypatch.setattr(cachefile, "_stamp", cachefile.code_stamp() + "-changed")
    parses.clear()
    load_dataset(data, report_cache=cache)
    assert len(parses) == 9


def test_a_cache_with_wrong_data_is_not_used(data: Path, tmp_path: Path,
                                             parses: list[str]) -> None:
    cache = tmp_path / "cache"
    first = load_dataset(data, report_cache=cache)
    (file,) = cache.iterdir()
    header, body = file.read_bytes().split(b"\n", 1)
    saved = json.loads(body)
    saved["reports"][0]["report"]["indicators"][0]["value"] = {"__reduce__": "os.system"}
    file.write_bytes(header + b"\n" + json.dumps(saved).encode("ascii"))
    parses.clear()
    second = load_dataset(data, report_cache=cache)
    assert len(parses) == 9  # the whole file is not trusted
    assert [p.indicators for p in second.periods] == [p.indicators for p in first.periods]


def test_a_cache_from_other_code_or_damaged_is_not_used(data: Path, tmp_path: Path,
                                                        parses: list[str],
                                                        monkeypatch) -> None:
    cache = tmp_path / "cache"
    load_dataset(data, report_cache=cache)
    monkeypatch.setattr(report_cache, "REPORT_CACHE_FORMAT", 999)  # as new code would
    parses.clear()
    load_dataset(data, report_cache=cache)
    assert parses  # parsed again, and kept under the new stamp
    (file,) = cache.iterdir()
    file.write_bytes(b"\x80\x04not a pickle")
    parses.clear()
    assert load_dataset(data, report_cache=cache).periods
    assert parses


def test_an_unwritable_cache_folder_does_not_stop_a_load(data: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    assert load_dataset(data, report_cache=blocker).periods


def test_without_a_cache_folder_nothing_is_written(data: Path, tmp_path: Path,
                                                   monkeypatch) -> None:
    monkeypatch.setenv("ECONDASH_HOME", str(tmp_path / "home"))
    load_dataset(data)
    assert not (tmp_path / "home").exists()

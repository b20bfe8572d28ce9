"""The preview of a big dataset: its tables' first rows, read before the whole load."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from econdash.core import startup as loading
from econdash.core.loaders import load_dataset
from econdash.core.loaders.csvfile import read_csv_table
from econdash.core.model.schema import ENTERPRISES
from econdash.core.paths import bundled_dataset, bundled_examples
from econdash.core.startup import Loading, begin, biggest_table, read_head
from econdash.core.watch import fingerprint

HEADER = "enterprise,programme,level,status,year\n"


def roster(path: Path, rows: int) -> list[str]:
    """Write a roster of `rows` rows; returns its lines (header first)."""
    lines = [HEADER] + [f"企业{i:05d},专精特新小巨人,国家级,认定,2022\n" for i in range(rows)]
    path.write_text("".join(lines), encoding="utf-8")
    return lines


def test_a_head_reads_only_the_whole_lines_within_its_bytes(tmp_path: Path) -> None:
    lines = roster(tmp_path / "enterprises.csv", 200)
    limit = sum(len(line.encode()) for line in lines[:11]) + 5  # 10 rows and a bit of one
    result = read_csv_table(tmp_path / "enterprises.csv", "enterprises.csv", ENTERPRISES,
                            head_bytes=limit)
    assert result.problems == [] and result.frame is not None
    assert result.frame["enterprise"].to_list() == [f"企业{i:05d}" for i in range(10)]


def test_a_head_bigger_than_the_file_reads_all_of_it(tmp_path: Path) -> None:
    roster(tmp_path / "enterprises.csv", 30)
    result = read_csv_table(tmp_path / "enterprises.csv", "enterprises.csv", ENTERPRISES,
                            head_bytes=1 << 20)
    assert result.frame is not None and result.frame.height == 30


def test_a_head_cut_inside_a_character_never_splits_it(tmp_path: Path) -> None:
    """GB18030 and UTF-8 multi-byte characters never contain a newline byte, so cutting at
    the last newline keeps every character whole (here the limit falls mid-character)."""
    lines = roster(tmp_path / "enterprises.csv", 50)
    limit = sum(len(line.encode()) for line in lines[:4]) + 1  # inside "企" of row 4
    result = read_csv_table(tmp_path / "enterprises.csv", "enterprises.csv", ENTERPRISES,
                            head_bytes=limit)
    assert result.problems == [] and result.frame is not None and result.frame.height == 3


def test_load_dataset_with_head_bytes_is_partial_with_complete_reports(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(bundled_examples() / "three-cities", data)
    newest = max(p for p in data.iterdir() if (p / "report.toml").exists())
    roster(newest / "enterprises.csv", 500)
    whole, head = load_dataset(data), load_dataset(data, head_bytes=2000)
    assert head.partial and not whole.partial
    assert [p.id for p in head.periods] == [p.id for p in whole.periods]
    assert [p.indicators for p in head.periods] == [p.indicators for p in whole.periods]
    assert head.series.equals(whole.series)
    assert 0 < head.periods[-1].enterprises.height < whole.periods[-1].enterprises.height == 500
    assert head.periods[-1].enterprises.equals(
        whole.periods[-1].enterprises.head(head.periods[-1].enterprises.height))


def test_read_head_only_for_a_big_table(tmp_path: Path, monkeypatch) -> None:
    assert read_head(bundled_dataset()) is None  # small tables: the whole load is quick
    monkeypatch.setattr(loading, "BIG_TABLE_BYTES", 1000)
    monkeypatch.setattr(loading, "HEAD_BYTES", 2000)
    head = read_head(bundled_dataset())
    assert head is not None and head.partial
    assert biggest_table(fingerprint(bundled_dataset())) > 1000


def test_read_head_gives_nothing_when_the_first_rows_have_an_error(tmp_path: Path,
                                                                   monkeypatch) -> None:
    """The whole load then says what is wrong; a preview never hides a problem."""
    monkeypatch.setattr(loading, "BIG_TABLE_BYTES", 100)
    data = tmp_path / "2022-H1"
    shutil.copytree(bundled_dataset() / "2022-H1", data)
    lines = roster(data / "enterprises.csv", 100)
    lines[2] = ",专精特新小巨人,国家级,认定,2022\n"  # a required cell left empty
    (data / "enterprises.csv").write_text("".join(lines), encoding="utf-8")
    assert read_head(data) is None


def test_begin_reads_the_head_first_for_a_table_section(monkeypatch) -> None:
    monkeypatch.setattr(loading, "BIG_TABLE_BYTES", 1000)
    monkeypatch.setattr(loading, "HEAD_BYTES", 2000)
    startup = begin(bundled_dataset(), "enterprises")
    assert startup.loading is not None and startup.loading.head is not None
    assert startup.loading.head.partial
    startup.loading.head_shown.set()
    _, dataset = startup.loading.result()
    assert not dataset.partial
    assert dataset.periods[-1].enterprises.height > startup.loading.head.periods[-1].enterprises.height


def test_the_whole_load_waits_until_the_head_is_shown(monkeypatch) -> None:
    monkeypatch.setattr(loading, "HEAD_SHOWN_WAIT", 60.0)
    head = load_dataset(bundled_dataset(), head_bytes=2000)
    started = threading.Event()
    real = loading.fingerprint

    def noted(path):
        started.set()
        return real(path)

    monkeypatch.setattr(loading, "fingerprint", noted)
    load = Loading(bundled_dataset(), head)
    assert not started.wait(0.3)  # held back while the preview is painted
    load.head_shown.set()
    _, dataset = load.result()
    assert started.is_set() and not dataset.partial


def test_a_load_without_a_head_starts_at_once() -> None:
    load = Loading(bundled_dataset())
    assert load.head is None and load.head_shown.is_set()
    assert load.result()[1].periods


@pytest.mark.parametrize("size", [0, 10])
def test_biggest_table_counts_only_csv_files(size: int) -> None:
    stamp = (("/d/report.toml", 1, 10**9), ("/d/a/enterprises.CSV", 1, size))
    assert biggest_table(stamp) == size

"""watch.py: the dataset fingerprint the app polls; loaders/reload.py: merge_reload."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from econdash.core.loaders import load_dataset
from econdash.core.loaders.reload import merge_reload
from econdash.core.paths import bundled_examples
from econdash.core.watch import fingerprint

REPORT_H1 = "[period]\nyear = 2022\nmonths = [1, 6]\n"
REPORT_FY = "[period]\nyear = 2021\nmonths = [1, 12]\n"
REPORT_Q3 = "[period]\nyear = 2022\nmonths = [7, 9]\n"


def ind(id: str, value: float) -> str:
    return f'[[indicator]]\nid = "{id}"\nname = "{id.upper()}"\ncategory = "工业"\nvalue = {value}\n\n'


def dataset(tmp_path: Path, write_period) -> Path:
    root = tmp_path / "data"
    write_period(root / "2021-FY", REPORT_FY + ind("x", 1))
    write_period(root / "2022-H1", REPORT_H1 + ind("x", 2),
                 projects="name,category\n园区,小微企业园\n")
    write_period(root / "2022-Q3", REPORT_Q3 + ind("x", 3))
    return root


def bump(path: Path) -> None:
    """Change a file's mtime without changing its size."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


# ---------------------------------------------------------------- fingerprint

def test_fingerprint_lists_root_and_period_files(tmp_path: Path, write_period) -> None:
    root = dataset(tmp_path, write_period)
    (root / "dataset.toml").write_text('name = "x"\n', encoding="utf-8")
    (root / "series").mkdir()
    (root / "series" / "a.csv").write_text("indicator,year,first_month,last_month\n")
    found = {Path(p).relative_to(root).as_posix(): size for p, _, size, *_ in fingerprint(root)}
    assert found == {
        "dataset.toml": 11,
        "2021-FY/report.toml": (root / "2021-FY" / "report.toml").stat().st_size,
        "2022-H1/report.toml": (root / "2022-H1" / "report.toml").stat().st_size,
        "2022-H1/projects.csv": (root / "2022-H1" / "projects.csv").stat().st_size,
        "2022-Q3/report.toml": (root / "2022-Q3" / "report.toml").stat().st_size,
        "series/a.csv": 38,
    }
    assert list(fingerprint(root)) == sorted(fingerprint(root))


def test_fingerprint_is_stable_without_changes(tmp_path: Path, write_period) -> None:
    root = dataset(tmp_path, write_period)
    assert fingerprint(root) == fingerprint(root)


def test_fingerprint_sees_a_changed_added_or_removed_file(tmp_path: Path, write_period) -> None:
    root = dataset(tmp_path, write_period)
    first = fingerprint(root)
    report = root / "2022-H1" / "report.toml"
    bump(report)  # same size, newer mtime
    second = fingerprint(root)
    assert second != first
    report.write_text(report.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    third = fingerprint(root)
    assert third != second
    write_period(root / "2022-FY", "[period]\nyear = 2022\nmonths = [1, 12]\n")
    fourth = fingerprint(root)
    assert len(fourth) == len(third) + 1
    (root / "2022-H1" / "projects.csv").unlink()
    assert len(fingerprint(root)) == len(fourth) - 1


def test_fingerprint_sees_a_rewrite_that_keeps_size_and_time(tmp_path: Path,
                                                              write_period) -> None:
    """cp -p, rsync -t, unzip and touch -r leave a changed file with its old size and
    time: its change time (in place) or its inode (replaced) differs."""
    root = dataset(tmp_path, write_period)
    report = root / "2022-H1" / "report.toml"
    stat = report.stat()
    first = fingerprint(root)
    time.sleep(0.05)  # (file times come from a clock that ticks every few ms)
    report.write_text(report.read_text(encoding="utf-8").replace("value = 2", "value = 9"),
                      encoding="utf-8")
    os.utime(report, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    second = fingerprint(root)
    assert second != first
    # Replaced by a copy with the same size and times (as unzip or rsync -t leave it).
    copy = root / "2022-H1" / ".report.toml.tmp"
    shutil.copy2(report, copy)
    os.replace(copy, report)
    assert report.stat().st_mtime_ns == stat.st_mtime_ns
    assert fingerprint(root) != second


def test_fingerprint_ignores_hidden_and_underscore_things(tmp_path: Path, write_period) -> None:
    root = dataset(tmp_path, write_period)
    first = fingerprint(root)
    # What an import in progress, a backup, an editor or the OS leaves behind.
    write_period(root / ".incoming-2022FY-0123abcd", REPORT_FY)
    write_period(root / ".backup" / "2022-H1-20220704-120000", REPORT_H1)
    write_period(root / "_drafts", REPORT_FY)
    (root / ".DS_Store").write_bytes(b"\0")
    (root / "2022-H1" / ".report.toml.swp").write_bytes(b"swap")
    assert fingerprint(root) == first


def test_fingerprint_does_not_go_deeper_than_period_folders(tmp_path: Path, write_period) -> None:
    root = dataset(tmp_path, write_period)
    first = fingerprint(root)
    (root / "2022-H1" / "attachments").mkdir()
    (root / "2022-H1" / "attachments" / "scan.pdf").write_bytes(b"%PDF")
    assert fingerprint(root) == first


def test_fingerprint_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert fingerprint(tmp_path / "gone") == ()


def test_fingerprint_of_a_single_period_folder(tmp_path: Path, write_period) -> None:
    folder = write_period(tmp_path / "2022-H1", REPORT_H1)
    assert [Path(p).name for p, *_ in fingerprint(folder)] == ["report.toml"]


# ---------------------------------------------------------------- merge_reload

def test_merge_reload_without_errors_is_the_new_dataset(tmp_path: Path, write_period) -> None:
    root = dataset(tmp_path, write_period)
    old = load_dataset(root)
    write_period(root / "2022-H1", REPORT_H1 + ind("x", 20))
    new = load_dataset(root)
    merged, errors = merge_reload(old, new)
    assert merged is new
    assert errors == []
    assert merged.period("2022M01-M06").indicator("x").value == 20


def test_merge_reload_keeps_a_period_that_now_fails(tmp_path: Path, write_period) -> None:
    root = dataset(tmp_path, write_period)
    old = load_dataset(root)
    (root / "2022-H1" / "report.toml").write_text("[period\nyear = 2022", encoding="utf-8")
    new = load_dataset(root)
    assert [p.id for p in new.periods] == ["2021FY", "2022Q3"]
    merged, errors = merge_reload(old, new)
    # The old 2022H1 is back, in its place between the others, with its old value.
    assert [p.id for p in merged.periods] == ["2021FY", "2022M01-M06", "2022Q3"]
    assert merged.period("2022M01-M06") is old.period("2022M01-M06")
    assert merged.period("2022M01-M06").indicator("x").value == 2
    assert merged.period("2022Q3") is new.period("2022Q3")
    assert errors and errors == list(new.errors)
    assert all(e.file.startswith("2022-H1/") for e in errors)
    # Everything else is the new load.
    assert merged.problems == new.problems and merged.root == new.root


def test_merge_reload_keeps_a_period_whose_csv_now_fails(tmp_path: Path, write_period) -> None:
    root = dataset(tmp_path, write_period)
    old = load_dataset(root)
    (root / "2022-H1" / "projects.csv").write_text("name_en\nx\n", encoding="utf-8")
    merged, errors = merge_reload(old, load_dataset(root))
    assert merged.period("2022M01-M06").projects.height == 1
    assert any(e.file == "2022-H1/projects.csv" for e in errors)


def test_merge_reload_drops_a_deleted_period(tmp_path: Path, write_period) -> None:
    root = dataset(tmp_path, write_period)
    old = load_dataset(root)
    shutil.rmtree(root / "2022-Q3")
    merged, errors = merge_reload(old, load_dataset(root))
    assert [p.id for p in merged.periods] == ["2021FY", "2022M01-M06"]
    assert errors == []


def test_merge_reload_error_elsewhere_does_not_resurrect_a_deleted_period(tmp_path: Path,
                                                                       write_period) -> None:
    root = dataset(tmp_path, write_period)
    old = load_dataset(root)
    shutil.rmtree(root / "2022-Q3")
    (root / "2022-H1" / "report.toml").write_text("broken = [", encoding="utf-8")
    merged, errors = merge_reload(old, load_dataset(root))
    assert [p.id for p in merged.periods] == ["2021FY", "2022M01-M06"]
    assert errors


def test_merge_reload_matches_whole_folder_names(tmp_path: Path, write_period) -> None:
    root = tmp_path / "data"
    write_period(root / "2022", REPORT_FY.replace("2021", "2022"))
    write_period(root / "2022-H1", REPORT_H1)
    old = load_dataset(root)
    (root / "2022-H1" / "report.toml").write_text("broken = [", encoding="utf-8")
    shutil.rmtree(root / "2022")
    merged, _ = merge_reload(old, load_dataset(root))
    # "2022-H1/…" failing must not keep the deleted folder "2022".
    assert [p.id for p in merged.periods] == ["2022M01-M06"]


def test_merge_reload_adds_new_periods(tmp_path: Path, write_period) -> None:
    root = tmp_path / "cities"
    shutil.copytree(bundled_examples() / "three-cities", root)
    shutil.rmtree(root / "2019-FY")
    old = load_dataset(root)
    shutil.copytree(bundled_examples() / "three-cities" / "2019-FY", root / "2019-FY")
    (root / "2011-FY" / "report.toml").write_text("[period]\nyear = 2011\nmonths = [13, 1]\n",
                                                  encoding="utf-8")
    merged, errors = merge_reload(old, load_dataset(root))
    assert [p.id for p in merged.periods] == [f"{y}FY" for y in range(2011, 2020)]
    assert merged.period("2011FY") is old.period("2011FY")
    assert errors and errors[0].file.startswith("2011-FY/")

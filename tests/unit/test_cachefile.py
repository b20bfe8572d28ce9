"""The user-cache files: data that can't run code, valid only for the code that wrote it."""

from __future__ import annotations

import os
import pickle
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from econdash.core import cache
from econdash.core.cache import (
    cache_file,
    code_stamp,
    package_stamp,
    read_cache,
    read_small_file,
    write_cache,
)
from econdash.core.loaders import load_dataset, report_cache
from econdash.core.paths import bundled_examples
from econdash.core.query.overview import overview_data
from econdash.core.query.series import observations
from econdash.core.startup import begin, save_snapshot, snapshot_file
from econdash.core.watch import fingerprint


@dataclass(frozen=True)
class Note:
    text: str
    count: int


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(bundled_examples() / "three-cities", target)
    return target


def fill_caches(data: Path, cache: Path) -> None:
    """What a first run of the dashboard leaves: parsed reports and the overview snapshot."""
    dataset = load_dataset(data, report_cache=cache)
    overview = overview_data(dataset, observations(dataset), len(dataset.periods) - 1)
    assert overview is not None
    save_snapshot(snapshot_file(cache, data), fingerprint(data), overview)


class Payload:
    """A pickle that, when loaded, creates the file `marker` (F12 ran os.system this way)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_a_crafted_pickle_in_the_cache_folder_runs_nothing(tmp_path: Path, data: Path) -> None:
    cache, marker = tmp_path / "cache", tmp_path / "pwned"
    fill_caches(data, cache)
    crafted = pickle.dumps(Payload(marker))
    files = list(cache.iterdir())
    assert files
    for file in files:  # every cache file, as the hostile test replaced them
        file.write_bytes(crafted)
    for kind in ("overview", "reports"):  # and the names older versions read
        cache_file(cache, kind, data).with_suffix(".pickle").write_bytes(crafted)
    startup = begin(data, "overview", cache=cache)
    assert startup.preview is None  # no snapshot: the load starts instead
    assert len(startup.loading.result()[1].periods) == 9
    assert len(load_dataset(data, report_cache=cache).periods) == 9
    assert not marker.exists()


def test_old_pickles_are_removed_by_the_next_save(tmp_path: Path, data: Path) -> None:
    cache = tmp_path / "cache"
    old = [cache_file(cache, kind, data).with_suffix(".pickle") for kind in ("overview", "reports")]
    cache.mkdir()
    for file in old:
        file.write_bytes(pickle.dumps({"a": 1}))
    fill_caches(data, cache)
    assert not any(file.exists() for file in old)
    assert sorted(f.suffix for f in cache.iterdir()) == [".json", ".json"]


def test_a_cache_round_trips_under_the_same_code_and_format(tmp_path: Path) -> None:
    path = tmp_path / "note.json"
    write_cache(path, 1, Note("数据", 3))
    assert read_cache(path, 1, Note) == Note("数据", 3)
    assert read_cache(path, 2, Note) is None  # another format


def test_a_cache_from_other_code_is_not_read(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "note.json"
    write_cache(path, 1, Note("x", 3))
    monkeypatch.setattr(cache, "_stamp", code_stamp() + "-changed")
    assert read_cache(path, 1, Note) is None


@pytest.mark.parametrize("damage", ["truncate", "garbage", "wrong type", "extra", "empty",
                                    "header only", "no header"])
def test_a_damaged_cache_is_not_read(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "note.json"
    write_cache(path, 1, Note("x", 3))
    text = path.read_bytes()
    header, body = text.split(b"\n", 1)
    damaged = {
        "truncate": text[:-3],
        "garbage": header + b"\n\x00\xff garbage",
        "wrong type": header + b'\n{"text":"x","count":"3"}',
        "extra": header + b'\n{"text":"x","count":3,"code":"print(1)"}',
        "empty": b"",
        "header only": header + b"\n",
        "no header": body,
    }[damage]
    path.write_bytes(damaged)
    assert read_cache(path, 1, Note) is None


def test_a_folder_fifo_or_huge_file_is_not_read(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "folder.json").mkdir()
    assert read_cache(tmp_path / "folder.json", 1, Note) is None
    assert read_cache(tmp_path / "missing.json", 1, Note) is None
    write_cache(tmp_path / "big.json", 1, Note("x" * 1000, 3))
    monkeypatch.setattr(cache, "MAX_BYTES", 500)
    assert read_cache(tmp_path / "big.json", 1, Note) is None
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    os.mkfifo(tmp_path / "fifo.json")
    assert read_cache(tmp_path / "fifo.json", 1, Note) is None  # (and does not wait)
    assert read_small_file(tmp_path / "fifo.json", 100) is None


def test_a_cache_another_user_could_have_written_is_not_read(tmp_path: Path) -> None:
    """In a shared cache folder (ECONDASH_HOME on a shared drive), another user's file
    could hold figures the dataset doesn't: only this user's own files are read."""
    path = tmp_path / "note.json"
    write_cache(path, 1, Note("x", 3))
    path.chmod(0o666)
    assert read_cache(path, 1, Note) is None  # anyone could have written it
    path.chmod(0o644)
    assert read_cache(path, 1, Note) == Note("x", 3)
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root")
    os.chown(path, 4242, -1)
    assert read_cache(path, 1, Note) is None


def test_an_unwritable_or_unwritten_cache_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    write_cache(blocker / "note.json", 1, Note("x", 3))
    write_cache(tmp_path / "path.json", 1, Path("/"))  # not cache data: nothing written
    assert not (tmp_path / "path.json").exists()


# ---------------------------------------------------------------- the code stamp (D4)

def make_package(root: Path) -> Path:
    package = root / "pkg"
    for name in ("__init__.py", "cli.py", "loaders/__init__.py", "loaders/toml_lines.py",
                 "model/__init__.py", "model/period.py"):
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(f"# {name}\n", encoding="utf-8")
    (package / "data" / "default").mkdir(parents=True)
    (package / "data" / "default" / "report.toml").write_text("[period]\n", encoding="utf-8")
    # (installed, the bundled datasets are the package econdash.data)
    (package / "data" / "__init__.py").write_text("", encoding="utf-8")
    (package / "__pycache__").mkdir()
    return package


def test_the_code_stamp_changes_with_any_module_of_the_package(tmp_path: Path) -> None:
    package = make_package(tmp_path)
    first = package_stamp(package)
    assert first.startswith("6-")  # six modules, in subpackages too
    module = package / "loaders" / "toml_lines.py"  # the module the hand-kept list missed
    stat = module.stat()
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = package_stamp(package)
    assert second != first
    module.write_text("# toml_lines.py, changed\n", encoding="utf-8")
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    third = package_stamp(package)
    assert third != second  # same time, other size
    (package / "model" / "series.py").write_text("\n", encoding="utf-8")
    assert package_stamp(package).startswith("7-")


def test_the_code_stamp_ignores_data_and_bytecode(tmp_path: Path) -> None:
    package = make_package(tmp_path)
    first = package_stamp(package)
    (package / "data" / "default" / "report.toml").write_text("[period]\nyear = 1\n")
    (package / "data" / "default" / "helper.py").write_text("\n")
    (package / "__pycache__" / "cli.cpython-311.pyc").write_bytes(b"\0")
    assert package_stamp(package) == first
    assert package_stamp(tmp_path / "missing") == "unlisted"


def test_the_code_stamp_covers_the_whole_econdash_package() -> None:
    modules = [p for p in cache.PACKAGE.rglob("*.py")
               if not {"data", "__pycache__"} & set(p.relative_to(cache.PACKAGE).parts)]
    assert code_stamp().split("/")[-1].startswith(f"{len(modules)}-")
    assert not hasattr(report_cache, "REPORT_MODULES")

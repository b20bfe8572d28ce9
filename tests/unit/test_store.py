"""fs.py: atomic file writes, atomic folder copies, backups, stale temporaries.

Failures are simulated by making os.replace / os.rename / the copy function
raise part-way; afterwards the folder must hold exactly what it held before.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from dataset_files import snapshot

from econdash.core import fs
from econdash.core.admin import folders, staging
from econdash.core.admin.folders import (
    backup_folder,
    copy_folder_atomically,
    remove_stale_temporaries,
)
from econdash.core.errors import EcondashError
from econdash.core.fs import BACKUP_DIR, TEMP_PREFIX, atomic_write_bytes, atomic_write_text


def entries(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir())


# ---------------------------------------------------------------- atomic_write_*

def test_atomic_write_bytes_creates_file_and_parents(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "out.bin"
    atomic_write_bytes(target, b"\x00\x01hello")
    assert target.read_bytes() == b"\x00\x01hello"
    assert entries(target.parent) == ["out.bin"]  # no temporary left beside it


def test_atomic_write_bytes_replaces_existing_content(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old content that is longer")
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert entries(tmp_path) == ["out.txt"]


def test_atomic_write_gives_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "a.csv", b"x")
        os.umask(0o077)
        atomic_write_bytes(tmp_path / "b.csv", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "a.csv").stat().st_mode & 0o777 == 0o644  # not mkstemp's private 0600
    assert (tmp_path / "b.csv").stat().st_mode & 0o777 == 0o600


def test_atomic_write_text_is_utf8(tmp_path: Path) -> None:
    target = tmp_path / "设置.toml"
    atomic_write_text(target, 'lang = "zh"  # 中文\n')
    assert target.read_bytes() == 'lang = "zh"  # 中文\n'.encode()


def test_failed_replace_keeps_old_file_and_removes_temporary(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.toml"
    target.write_bytes(b"old")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fs.os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new bytes")
    assert target.read_bytes() == b"old"
    assert entries(tmp_path) == ["report.toml"]


def test_failed_write_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "x.csv"
    target.write_bytes(b"a,b\n1,2\n")

    def boom(fd):
        raise OSError(5, "I/O error")

    monkeypatch.setattr(fs.os, "fsync", boom)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"c,d\n")
    assert target.read_bytes() == b"a,b\n1,2\n"
    assert entries(tmp_path) == ["x.csv"]


def test_keyboard_interrupt_during_write_also_cleans_up(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "x.txt"

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(fs.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_text(target, "x")
    assert entries(tmp_path) == []


# ---------------------------------------------------------------- copy_folder_atomically

def make_source(root: Path, files: int = 6) -> Path:
    root.mkdir(parents=True)
    for i in range(files):
        (root / f"f{i}.csv").write_bytes(f"col\n{i}\n".encode() * 100)
    (root / "sub").mkdir()
    (root / "sub" / "nested.txt").write_text("嵌套", encoding="utf-8")
    (root / ".hidden").write_text("secret")
    (root / "__pycache__").mkdir()
    (root / "__pycache__" / "x.pyc").write_bytes(b"pyc")
    return root


def test_copy_folder_copies_everything_but_hidden_and_pycache(tmp_path: Path) -> None:
    source = make_source(tmp_path / "src")
    target = tmp_path / "data" / "2022FY"
    copy_folder_atomically(source, target)
    expected = {k: v for k, v in snapshot(source).items()
                if not k.startswith((".", "__pycache__"))}
    assert snapshot(target) == expected
    assert "sub/nested.txt" in expected
    assert entries(target.parent) == ["2022FY"]  # no temporary left


def test_copy_folder_refuses_an_existing_target(tmp_path: Path) -> None:
    source = make_source(tmp_path / "src")
    target = tmp_path / "dst"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    with pytest.raises(EcondashError, match="already exists"):
        copy_folder_atomically(source, target)
    assert snapshot(target) == {"keep.txt": b"mine"}
    assert entries(tmp_path) == ["dst", "src"]


def failing_copy(monkeypatch: pytest.MonkeyPatch, after: int, seen: dict) -> None:
    """Copying that copies `after` files, then fails like a full disk."""
    original = shutil.copyfileobj
    copied = 0

    def copyfileobj(reader, writer, *args):
        nonlocal copied
        if copied >= after:
            temp = next(p for p in seen["parent"].iterdir() if p.name.startswith(TEMP_PREFIX))
            seen["temp"] = temp
            seen["partial"] = sorted(p.name for p in temp.rglob("*") if p.is_file()
                                     and p.stat().st_size)
            raise OSError(28, "No space left on device")
        copied += 1
        return original(reader, writer, *args)

    monkeypatch.setattr(staging.shutil, "copyfileobj", copyfileobj)


def test_copy_failing_midway_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = make_source(tmp_path / "src")
    data = tmp_path / "data"
    data.mkdir()
    (data / "existing.txt").write_text("before")
    before = snapshot(data)
    seen: dict = {"parent": data}
    failing_copy(monkeypatch, after=3, seen=seen)
    with pytest.raises(EcondashError, match="the disk is full") as caught:
        copy_folder_atomically(source, data / "2022FY")
    assert TEMP_PREFIX not in caught.value.message  # names the source file, not the temporary
    # The copy really was half done, into a hidden temporary folder ...
    assert len(seen["partial"]) == 3
    assert seen["temp"].name.startswith(TEMP_PREFIX)
    # ... which is gone now, and nothing else changed.
    assert snapshot(data) == before
    assert entries(data) == ["existing.txt"]


def test_copy_failing_at_the_rename_leaves_nothing(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    source = make_source(tmp_path / "src")
    data = tmp_path / "data"
    data.mkdir()
    renamed: list[tuple[Path, Path]] = []

    def boom(src, dst):
        renamed.append((Path(src), Path(dst)))
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fs.os, "rename", boom)
    with pytest.raises(EcondashError, match="Permission denied") as caught:
        copy_folder_atomically(source, data / "2022FY")
    assert TEMP_PREFIX not in caught.value.message and "2022FY" in caught.value.message
    assert renamed and renamed[0][0].name.startswith(TEMP_PREFIX)
    assert renamed[0][1] == data / "2022FY"
    assert entries(data) == []


# ---------------------------------------------------------------- backup_folder

def test_backup_moves_the_folder_under_dot_backup(tmp_path: Path) -> None:
    folder = tmp_path / "2022-H1"
    folder.mkdir()
    (folder / "report.toml").write_bytes(b"[period]\n")
    backup = backup_folder(folder, tmp_path)
    assert not folder.exists()
    assert backup.parent == tmp_path / BACKUP_DIR
    assert backup.name.startswith("2022-H1-")
    assert (backup / "report.toml").read_bytes() == b"[period]\n"


def test_two_backups_in_the_same_second_do_not_collide(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    class Frozen(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(2022, 7, 4, 12, 0, 0)

    monkeypatch.setattr(folders.dt, "datetime", Frozen)
    made = []
    for content in (b"first", b"second", b"third"):
        folder = tmp_path / "2022-H1"
        folder.mkdir()
        (folder / "report.toml").write_bytes(content)
        made.append(backup_folder(folder, tmp_path))
    assert [p.name for p in made] == ["2022-H1-20220704-120000", "2022-H1-20220704-120000-1",
                                      "2022-H1-20220704-120000-2"]
    assert [(p / "report.toml").read_bytes() for p in made] == [b"first", b"second", b"third"]


# ---------------------------------------------------------------- remove_stale_temporaries

def test_remove_stale_temporaries_only_touches_incoming_folders(tmp_path: Path) -> None:
    (tmp_path / f"{TEMP_PREFIX}2022FY-abcd1234").mkdir()
    (tmp_path / f"{TEMP_PREFIX}2022FY-abcd1234" / "report.toml").write_text("half")
    (tmp_path / f"{TEMP_PREFIX}x").mkdir()
    (tmp_path / "2022-H1").mkdir()
    (tmp_path / BACKUP_DIR).mkdir()
    (tmp_path / ".other").mkdir()
    (tmp_path / "incoming-visible").mkdir()
    remove_stale_temporaries(tmp_path)
    assert entries(tmp_path) == [".backup", ".other", "2022-H1", "incoming-visible"]


def test_remove_stale_temporaries_on_a_missing_folder_is_a_no_op(tmp_path: Path) -> None:
    remove_stale_temporaries(tmp_path / "nowhere")
    assert not (tmp_path / "nowhere").exists()

"""fs.atomic_write_bytes never clobbers (F14, D6): only regular files are replaced,
read-only files are refused, an existing file keeps its permissions, a symlink is
written through, new files get 0666 & ~umask without touching the process umask,
and a path under a file says which part is a file.

Exports, settings, caches and imports all write through this one function.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from dataset_files import unix_socket

from econdash.core import fs
from econdash.core.fs import WriteRefused, atomic_write_bytes, atomic_write_text
from econdash.core.settings import Settings, save_settings

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def refused(path: Path, match: str) -> WriteRefused:
    with pytest.raises(WriteRefused, match=match) as caught:
        atomic_write_bytes(path, b"new")
    assert caught.value.filename == str(path)
    return caught.value


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# ---------------------------------------------------------------- permissions

def test_read_only_file_is_refused_and_kept(tmp_path: Path) -> None:
    # Checked by the mode bits, so it holds for root too (root ignores os.access).
    target = tmp_path / "ro.csv"
    target.write_text("do not overwrite")
    target.chmod(0o444)
    refused(target, "is read-only")
    assert target.read_text() == "do not overwrite" and mode(target) == 0o444
    assert leftovers(tmp_path) == []


def test_file_the_user_may_not_write_is_refused(tmp_path: Path) -> None:
    if AS_ROOT:
        pytest.skip("root passes os.access for any file, so this case needs an unprivileged user")
    target = tmp_path / "owner-only.csv"
    target.write_text("keep")
    target.chmod(0o464)  # others may write it, but we own it and the owner may not
    refused(target, "is read-only")
    assert target.read_text() == "keep"


def test_refusal_is_an_oserror_so_settings_and_caches_just_skip(tmp_path: Path) -> None:
    target = tmp_path / "settings.toml"
    target.write_text('lang = "en"\n')
    target.chmod(0o444)
    assert issubclass(WriteRefused, OSError)
    save_settings(target, Settings(lang="zh"))  # no exception: saving is best effort
    assert target.read_text() == 'lang = "en"\n'


@pytest.mark.parametrize("bits", [0o600, 0o640, 0o604, 0o660])
def test_existing_file_keeps_its_permission_bits(tmp_path: Path, bits: int) -> None:
    target = tmp_path / "priv.csv"
    target.write_text("secret")
    target.chmod(bits)
    old = os.umask(0o022)
    try:
        atomic_write_bytes(target, b"export")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"export"
    assert mode(target) == bits


def test_existing_file_keeps_its_owner_when_root_writes_it(tmp_path: Path) -> None:
    if not AS_ROOT:
        pytest.skip("only root can give a file to another user to test this")
    target = tmp_path / "theirs.csv"
    target.write_text("old")
    os.chown(target, 65534, 65534)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert (target.stat().st_uid, target.stat().st_gid) == (65534, 65534)


@pytest.mark.parametrize("umask, expected", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_file_gets_0666_minus_umask_without_calling_umask(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask: int, expected: int) -> None:
    # D6: os.umask is process-wide; a thread reading it by setting it would give
    # other threads' new files and folders the wrong mode meanwhile.
    old = os.umask(umask)
    try:
        def forbidden(mask: int) -> int:
            raise AssertionError("atomic_write_bytes must not change the process umask")

        monkeypatch.setattr(fs.os, "umask", forbidden)
        atomic_write_bytes(tmp_path / "new.csv", b"x")
        atomic_write_text(tmp_path / "sub" / "new.toml", "x")
    finally:
        monkeypatch.undo()
        os.umask(old)
    assert mode(tmp_path / "new.csv") == expected
    assert mode(tmp_path / "sub" / "new.toml") == expected
    assert leftovers(tmp_path) == []


# ---------------------------------------------------------------- not a regular file

def test_folder_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.mkdir()
    (target / "inside").write_text("kept")
    refused(target, "is a folder")
    assert (target / "inside").read_text() == "kept"
    assert leftovers(tmp_path) == []


def test_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("this platform has no named pipes")
    target = tmp_path / "pipe.csv"
    os.mkfifo(target)
    refused(target, "is a named pipe")  # opening it would hang: it is never opened
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert leftovers(tmp_path) == []


def test_socket_is_refused(tmp_path: Path) -> None:
    with unix_socket(tmp_path / "s.csv") as target:
        refused(target, "is a socket")
    assert stat.S_ISSOCK(os.lstat(target).st_mode)


def test_device_node_is_refused(tmp_path: Path) -> None:
    if not AS_ROOT:
        pytest.skip("making a device node needs root")
    target = tmp_path / "full"
    try:
        os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"this container may not make device nodes: {exc}")
    refused(target, "is a character device")
    assert stat.S_ISCHR(os.lstat(target).st_mode)


def test_symlink_to_a_device_is_refused_and_the_link_kept(tmp_path: Path) -> None:
    # Like `-o /dev/stdout` run as root: the link must not be replaced by a file.
    if not os.path.exists(os.devnull) or not stat.S_ISCHR(os.stat(os.devnull).st_mode):
        pytest.skip(f"{os.devnull} is not a character device here")
    link = tmp_path / "out.csv"
    link.symlink_to(os.devnull)
    refused(link, "is a character device")
    assert link.is_symlink() and os.readlink(link) == os.devnull


# ---------------------------------------------------------------- symlinks: written through

def test_symlink_to_a_file_is_written_through_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "data" / "report.csv"
    real.parent.mkdir()
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "out.csv"
    link.symlink_to(Path("data") / "report.csv")  # relative, as `ln -s` makes them
    atomic_write_bytes(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(Path("data") / "report.csv")
    assert real.read_bytes() == b"new" and mode(real) == 0o640
    assert leftovers(tmp_path) == [] and leftovers(real.parent) == []


def test_chain_of_symlinks_is_followed_to_the_file(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old")
    (tmp_path / "one").symlink_to(real)
    (tmp_path / "two").symlink_to(tmp_path / "one")
    atomic_write_bytes(tmp_path / "two", b"new")
    assert real.read_bytes() == b"new"
    assert (tmp_path / "one").is_symlink() and (tmp_path / "two").is_symlink()


def test_read_only_file_behind_a_symlink_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("keep")
    real.chmod(0o444)
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    refused(link, "is read-only")
    assert real.read_text() == "keep" and link.is_symlink()


def test_dangling_symlink_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "out.csv"
    link.symlink_to(tmp_path / "elsewhere" / "missing.csv")
    refused(link, "symbolic link to .*missing.csv, which does not exist")
    assert link.is_symlink() and not (tmp_path / "elsewhere").exists()


def test_symlink_loop_is_refused(tmp_path: Path) -> None:
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    refused(loop, "symbolic link that loops")
    assert loop.is_symlink()


# ---------------------------------------------------------------- the folder

def test_a_parent_that_is_a_file_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "exp" / "ro.csv"
    blocker.parent.mkdir()
    blocker.write_text("x")
    error = refused(blocker / "x.csv", "is a file, not a folder")
    assert error.strerror == f"{blocker} is a file, not a folder"
    error = refused(blocker / "deeper" / "x.csv", "is a file, not a folder")
    assert error.strerror == f"{blocker} is a file, not a folder"
    assert blocker.read_text() == "x"


def test_long_file_name_still_fits_with_the_temporary_suffix(tmp_path: Path) -> None:
    name = "长" * 80 + ".csv"  # 244 bytes: with a temporary suffix it would pass NAME_MAX
    atomic_write_bytes(tmp_path / name, b"x")
    assert (tmp_path / name).read_bytes() == b"x"
    assert leftovers(tmp_path) == []

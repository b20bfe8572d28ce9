"""Helpers for tests that write datasets and check what is on disk afterwards."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from econdash.core.admin.dataset_lock import LOCK_FILE
from econdash.core.paths import bundled_dataset


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root`, hidden ones included, with its bytes (but the lock file,
    which any command that writes creates and leaves, holding its pid)."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != LOCK_FILE}


def visible(root: Path) -> dict[str, bytes]:
    """The files load_dataset can see (nothing under a hidden folder)."""
    return {k: v for k, v in snapshot(root).items()
            if not any(part.startswith(".") for part in k.split("/"))}


def dataset_copy(tmp_path: Path, name: str = "data", source: Path | None = None) -> Path:
    """A user dataset: a copy of `source` (the bundled seed dataset: period 2022H1,
    output 397.3)."""
    target = tmp_path / name
    shutil.copytree(source or bundled_dataset(), target)
    return target


@contextmanager
def unix_socket(path: Path) -> Iterator[Path]:
    """A Unix socket bound at `path` while the block runs (skips where there is none)."""
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("this platform has no Unix sockets")
    with socket.socket(socket.AF_UNIX) as server:
        try:
            server.bind(str(path))
        except OSError as exc:  # e.g. a path too long for sun_path
            pytest.skip(f"cannot make a Unix socket here: {exc}")
        yield path

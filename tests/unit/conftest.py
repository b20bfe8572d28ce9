"""Shared fixtures for the unit tests: an isolated environment and file writers.

Every test runs with ECONDASH_HOME pointing into its own tmp_path, so nothing
ever reads or writes a person's real data or config folders.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

import econdash

# A minimal report that loads cleanly; tests append [[indicator]] / [[tier]] text.
MINIMAL_REPORT = """\
[period]
year = 2022
months = [1, 6]
"""


def report_text(body: str = "", year: int = 2022, months: tuple[int, int] = (1, 6)) -> str:
    """A report.toml text for `year` and `months`, followed by `body`."""
    return f"[period]\nyear = {year}\nmonths = [{months[0]}, {months[1]}]\n\n{body}"


def indicator(id: str, **keys: object) -> str:
    """One [[indicator]] table; name and category default to something valid."""
    keys = {"name": id.upper(), "category": "工业", **keys}
    lines = [f'id = "{id}"'] + [f"{k} = {_toml(v)}" for k, v in keys.items()]
    return "[[indicator]]\n" + "\n".join(lines) + "\n\n"


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return repr(value)


def write_period(folder: Path, report: str | bytes | None = MINIMAL_REPORT, **csvs: str | bytes) -> Path:
    """Write a period folder: report.toml and any `projects=`, `enterprises=`, `series=` CSVs.

    Text is written as UTF-8; pass bytes to control the encoding exactly.
    """
    folder.mkdir(parents=True, exist_ok=True)
    files = {"report.toml": report} | {f"{name}.csv": data for name, data in csvs.items()}
    for name, data in files.items():
        if data is None:
            continue
        (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return folder


@functools.cache
def _needs_pythonpath() -> bool:
    """Whether a fresh interpreter outside the repo fails to import econdash on its own."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    probe = subprocess.run([sys.executable, "-c", "import econdash"], env=env,
                           cwd=Path(econdash.__file__).anchor, capture_output=True)
    return probe.returncode != 0


def subprocess_env() -> dict[str, str]:
    """The current environment, made so that `python -m econdash` imports this econdash.

    PYTHONPATH is set only when econdash is not importable without it (e.g. not
    installed into the venv), and then as an absolute path so any cwd works.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if _needs_pythonpath():
        env["PYTHONPATH"] = str(Path(econdash.__file__).resolve().parents[1])
    return env




# The helpers as fixtures (session-scoped, so hypothesis tests may use them too).
@pytest.fixture(scope="session", name="write_period")
def write_period_fixture():
    return write_period


@pytest.fixture(scope="session", name="report_text")
def report_text_fixture():
    return report_text


@pytest.fixture(scope="session", name="indicator")
def indicator_fixture():
    return indicator


@pytest.fixture(name="subprocess_env")
def subprocess_env_fixture(isolated_home: Path) -> dict[str, str]:
    """Environment for a subprocess, after isolated_home has set ECONDASH_HOME."""
    return subprocess_env()


@pytest.fixture
def read(tmp_path: Path):
    """read(text_or_bytes, spec=PROJECTS, name="projects.csv") -> CsvResult: the file
    written as given (text as UTF-8), then read and checked."""
    from econdash.core.loaders.csvfile import read_csv_table
    from econdash.core.model.schema import PROJECTS

    def _read(data: str | bytes, spec=PROJECTS, name: str = "projects.csv"):
        path = tmp_path / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return read_csv_table(path, name, spec)
    return _read


@pytest.fixture(scope="session")
def bundled() -> Path:
    """The bundled seed dataset folder."""
    from econdash.core.paths import bundled_dataset
    return bundled_dataset()

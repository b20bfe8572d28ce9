"""Every place econdash reads or writes on disk is decided here.

Tests patch `user_data_root` / `user_config_root` / `user_cache_root` (or set
ECONDASH_HOME) so they never touch a person's real folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "econdash"
ENV_DATA = "ECONDASH_DATA"
ENV_HOME = "ECONDASH_HOME"  # one folder for data and config, for tests and portable use


def bundled_data() -> Path:
    """The bundled datasets: the repository's top-level data/ folder, installed as the
    package `econdash.data` (pyproject.toml maps one to the other). Code run straight
    from a checkout's src/ (tests, the benchmark) finds the checkout's data/."""
    from importlib.util import find_spec
    spec = find_spec("econdash.data")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    checkout = Path(__file__).resolve().parents[3] / "data"  # src/econdash/core/paths.py
    if (checkout / "__init__.py").is_file():
        return checkout
    raise RuntimeError("econdash's bundled data is not installed (econdash.data)")


def bundled_dataset() -> Path:
    """The seed report dataset shipped with econdash."""
    return bundled_data() / "default"


def bundled_examples() -> Path:
    """Example datasets shipped with econdash."""
    return bundled_data() / "examples"


def user_data_root() -> Path:
    """The per-user data folder (platformdirs), or $ECONDASH_HOME/data."""
    home = os.environ.get(ENV_HOME)
    if home:
        return Path(home) / "data"
    from platformdirs import user_data_path
    return user_data_path(APP_NAME, appauthor=False)


def user_config_root() -> Path:
    """The per-user config folder (platformdirs), or $ECONDASH_HOME/config."""
    home = os.environ.get(ENV_HOME)
    if home:
        return Path(home) / "config"
    from platformdirs import user_config_path
    return user_config_path(APP_NAME, appauthor=False)


def user_cache_root() -> Path:
    """The per-user cache folder (platformdirs), or $ECONDASH_HOME/cache."""
    home = os.environ.get(ENV_HOME)
    if home:
        return Path(home) / "cache"
    from platformdirs import user_cache_path
    return user_cache_path(APP_NAME, appauthor=False)


def user_dataset() -> Path:
    """Where `econdash init` and `econdash import` keep the user's own dataset."""
    return user_data_root() / "dataset"


@dataclass(frozen=True)
class DatasetChoice:
    """Which dataset to open and why (shown to the user)."""

    path: Path
    origin: str  # "--data", "ECONDASH_DATA", "user", "bundled", "example"


def resolve_dataset(cli_path: str | os.PathLike | None = None) -> DatasetChoice:
    """--data PATH, then $ECONDASH_DATA, then the user's dataset, then the bundled one."""
    if cli_path:
        return DatasetChoice(Path(cli_path).expanduser(), "--data")
    env = os.environ.get(ENV_DATA)
    if env:
        return DatasetChoice(Path(env).expanduser(), ENV_DATA)
    mine = user_dataset()
    if mine.is_dir():
        return DatasetChoice(mine, "user")
    return DatasetChoice(bundled_dataset(), "bundled")

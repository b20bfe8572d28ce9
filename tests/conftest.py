"""Fixtures for every test: each runs with its own ECONDASH_HOME.

So settings, the overview snapshots, the user dataset and anything else the app
reads or writes live in a temporary folder, never in a person's real folders.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """ECONDASH_HOME in a temporary folder; ECONDASH_DATA and ECONDASH_DEBUG unset;
    ECONDASH_LANG=en."""
    home = tmp_path_factory.mktemp("econdash-home")
    monkeypatch.setenv("ECONDASH_HOME", str(home))
    monkeypatch.delenv("ECONDASH_DATA", raising=False)
    monkeypatch.delenv("ECONDASH_DEBUG", raising=False)
    # The command line's messages in English (they default to the saved language, Chinese):
    # the tests of what it says are written in English; tests of Chinese output set "zh".
    monkeypatch.setenv("ECONDASH_LANG", "en")
    return home

"""Where the read-only material of `../shared/` is, wherever this clone lies.

The project's rules keep real reports and statistics exports out of the
repository: they sit in a `shared/` folder next to the clone (CI lays it there),
or wherever $ECONDASH_SHARED says. Tests that need them skip with a reason that
says where they looked, so a skip is never silent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ENV = "ECONDASH_SHARED"


def _find() -> tuple[Path | None, list[Path]]:
    """The shared folder (holding dataset-format.md), and every place looked in."""
    given = os.environ.get(ENV)
    places = [Path(given)] if given else [parent / "shared" for parent in REPO.parents]
    found = next((p for p in places if (p / "dataset-format.md").is_file()), None)
    return found, places


SHARED, _LOOKED = _find()
REALDATA = SHARED / "realdata" if SHARED else Path("/nonexistent/shared/realdata")
REPORTS = SHARED / "reports" if SHARED else Path("/nonexistent/shared/reports")


def missing_reason(what: str) -> str:
    """Why a test needing `what` (a path inside shared/) is skipped."""
    looked = ", ".join(str(p) for p in _LOOKED[:3])
    return (f"shared/{what} not found (looked in {looked}; set ${ENV} to the shared "
            "folder); it is read-only material kept out of the repository")


def needs(what: str) -> pytest.MarkDecorator:
    """Skip unless shared/`what` exists."""
    present = SHARED is not None and (SHARED / what).exists()
    return pytest.mark.skipif(not present, reason=missing_reason(what))


def shared_file(what: str) -> Path:
    """shared/`what`, or skip the running test saying why."""
    if SHARED is None or not (SHARED / what).exists():
        pytest.skip(missing_reason(what))
    return SHARED / what

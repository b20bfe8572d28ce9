"""What `pip install .` ships: every package of the tree, the bundled data, the styles."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_every_package_of_the_tree_is_listed_in_pyproject() -> None:
    """pyproject.toml lists the packages (to map econdash.data to data/): a new package
    missing from the list would be left out of an installed econdash."""
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
                 ["tool"]["setuptools"]["packages"])
    src = REPO / "src"
    found = {".".join(init.parent.relative_to(src).parts)
             for init in src.rglob("__init__.py") if "__pycache__" not in init.parts}
    assert listed == found | {"econdash.data"}


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def test_the_bundled_data_is_the_top_level_data_folder() -> None:
    """Installed (CI) or editable (a developer), econdash finds the data/ of the repo."""
    from econdash.core.paths import bundled_dataset, bundled_examples
    assert files(bundled_dataset()) == files(REPO / "data" / "default")
    assert files(bundled_examples()) == files(REPO / "data" / "examples")
    assert "2022-H1/report.toml" in files(bundled_dataset())

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


def test_the_bundled_data_is_at_the_top_and_found_by_the_package() -> None:
    from econdash.core.paths import bundled_dataset, bundled_examples
    assert bundled_dataset() == REPO / "data" / "default"
    assert (bundled_dataset() / "2022-H1" / "report.toml").is_file()
    assert (bundled_examples() / "three-cities").is_dir()

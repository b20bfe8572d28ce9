"""dataset.toml: the dataset's own name, region and source (all optional).

Apart from `loaders.dataset` (which needs polars for the CSV files) so the
first screen can name the dataset before polars is imported.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from econdash.errors import FileProblem, Problem
from econdash.loaders.report import toml_syntax_problem
from econdash.loaders.text import decode, read_bytes
from econdash.loaders.toml_lines import TomlLines
from econdash.loaders.toml_table import TableReader

DATASET_KEYS = ("name", "name_en", "region", "region_en", "source", "note")


def load_meta(root: Path, problems: list[Problem]) -> dict:
    """The Dataset fields dataset.toml sets ({} without one); problems are recorded."""
    path = root / "dataset.toml"
    if not path.exists():
        return {}
    shown = "dataset.toml"
    try:
        text = decode(read_bytes(path, shown), shown).text
        data = tomllib.loads(text)
    except FileProblem as exc:
        problems.append(exc.problem)
        return {}
    except tomllib.TOMLDecodeError as exc:
        problems.append(toml_syntax_problem(exc, shown, text))
        return {}
    table = TableReader(data, "dataset", 0, TomlLines(text), shown, problems)
    table.label = "dataset"
    table.check_keys(DATASET_KEYS)
    return {key: table.text(key) for key in DATASET_KEYS if key != "note"}

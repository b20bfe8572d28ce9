"""Any input whatsoever: load_dataset returns a Dataset or raises DatasetError, nothing else.

That is what lets `econdash check` promise "never a Python traceback".
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import mutated

from econdash.core.errors import DatasetError
from econdash.core.loaders import load_dataset
from econdash.core.model.dataset import Dataset

FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

VALID_REPORT = """\
[period]
year = 2022
months = [1, 6]
label = "2022年上半年"
published = 2022-07-04

[[indicator]]
id = "platform_projects"
name = "平台项目"
category = "项目"
value = 30
unit = "个"

[[indicator]]
id = "platform_new"
name = "新开工"
category = "项目"
value = "18"
yoy_pct = "下降7.44%"
months = [1, 5]
rank = 3
parent = "platform_projects"
headline = true

[[tier]]
programme = "专精特新"
level = "省级"
count = 12
"""

VALID_PROJECTS = """\
name,category,town,planned_invest,completed_invest,rating,start_year,负责人
溪口智创园,小微企业园,溪口镇,"1,234.5",１２.５,二星级,2021,张三
"园区B，二期",工业,,—,-,,2022,
"""

# Characters that matter to TOML and CSV, plus full-width and non-ASCII ones.
SPICY = st.sampled_from(list('[]"\'=,#\n\r\t .-+%0123456789eE{}\\') + ["，", "＂", "－", "１", "—", "下降",
                                                                        "\x00", "\ufeff", "\u3000", "年"])
INSERT = st.lists(st.one_of(SPICY, st.characters()), min_size=1, max_size=8).map("".join)


ROOT_FILES = ("series.csv", "dataset.toml")


def load_or_dataset_error(root: Path) -> None:
    try:
        dataset = load_dataset(root)
    except DatasetError as exc:
        assert exc.message
        return
    assert isinstance(dataset, Dataset)
    for problem in dataset.problems:
        assert problem.file and problem.message and str(problem)


def check_period(**files: bytes) -> None:
    """Write the files into dataset/period/ (series.csv, dataset.toml one level up); load both levels."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "dataset"
        folder = root / "period"
        folder.mkdir(parents=True)
        for name, data in files.items():
            (root if name in ROOT_FILES else folder).joinpath(name).write_bytes(data)
        load_or_dataset_error(root)
        load_or_dataset_error(folder)


def mutated_text(text: str) -> st.SearchStrategy[str]:
    """`text` with one to three random edits (see tests/mutations.py)."""
    return mutated(text, INSERT)


ENCODE = st.sampled_from(["utf-8", "utf-8-sig", "gb18030"])


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def test_valid_inputs_load_cleanly() -> None:
    """The seeds the mutations start from are themselves valid."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "report.toml").write_text(VALID_REPORT, encoding="utf-8")
        (folder / "projects.csv").write_text(VALID_PROJECTS, encoding="utf-8")
        dataset = load_dataset(folder)
        assert dataset.errors == () and len(dataset.periods) == 1
        assert dataset.periods[0].projects.height == 2


@pytest.mark.parametrize("name", ["report.toml", "projects.csv", "enterprises.csv", "series.csv",
                                  "dataset.toml"])
@FUZZ
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes(name: str, data: bytes) -> None:
    files = {"report.toml": VALID_REPORT.encode("utf-8"), name: data}
    check_period(**files)


@FUZZ
@given(text=mutated_text(VALID_REPORT), encoding=ENCODE)
def test_mutated_report(text: str, encoding: str) -> None:
    check_period(**{"report.toml": encoded(text, encoding)})


@FUZZ
@given(text=mutated_text(VALID_PROJECTS), encoding=ENCODE)
def test_mutated_projects(text: str, encoding: str) -> None:
    check_period(**{"report.toml": VALID_REPORT.encode("utf-8"),
                    "projects.csv": encoded(text, encoding)})


# ---------------------------------------------------------------- crashes found by fuzzing

def test_huge_integer_in_report() -> None:
    text = VALID_REPORT.replace("value = 30", "value = " + "9" * 400)
    check_period(**{"report.toml": text.encode("utf-8")})


@pytest.mark.parametrize("header", [", name,", ",\u3000name,"])
def test_header_duplicate_after_trimming(header: str) -> None:
    text = VALID_PROJECTS.replace(",town,", header)
    check_period(**{"report.toml": VALID_REPORT.encode("utf-8"), "projects.csv": text.encode("utf-8")})


def test_column_named_row_index() -> None:
    text = VALID_PROJECTS.replace(",town,", ",__row,")
    check_period(**{"report.toml": VALID_REPORT.encode("utf-8"), "projects.csv": text.encode("utf-8")})

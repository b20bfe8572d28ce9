"""TOML that tomllib cannot take (nesting too deep, integers too long) is a located problem
of its own file; the dataset's other periods load; settings fall back to defaults (F11)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from econdash.cli import main
from econdash.core.loaders import load_dataset
from econdash.core.loaders.report import MAX_NESTING, load_report
from econdash.core.settings import Settings, load_settings

HEADER = '[period]\nyear = 2023\nmonths = [1, 6]\nregion = "XX区"\n\n'
INDICATOR = ('[[indicator]]\nid = "output"\nname = "规上工业总产值"\ncategory = "工业"\n'
             'value = 397.3\nunit = "亿元"\nyoy_pct = 8.6\n')


def nested_array(depth: int) -> str:
    return "x = " + "[" * depth + "]" * depth + "\n"


def nested_tables(depth: int) -> str:
    return "x = " + "{a = " * depth + "1" + " }" * depth + "\n"


def write_report(folder: Path, extra: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "report.toml"
    path.write_text(HEADER + INDICATOR + extra, encoding="utf-8")
    return path


@pytest.mark.parametrize("deep", [nested_array(2000), nested_tables(2000)],
                         ids=["arrays", "inline tables"])
def test_deep_nesting_is_a_located_error(tmp_path: Path, deep: str) -> None:
    report = load_report(write_report(tmp_path, "\n# deep:\n" + deep), "2023/report.toml")
    [problem] = report.problems
    assert problem.file == "2023/report.toml" and problem.line == 15
    assert f"nested more than {MAX_NESTING} levels deep" in problem.message
    assert report.period is None


def test_deep_nesting_is_found_past_brackets_in_strings(tmp_path: Path) -> None:
    text = 'note = "[[[[ {{{{"\nother = """\n[[[[\n"""\n# [[[[[[\n' + nested_array(3000)
    report = load_report(write_report(tmp_path, text), "report.toml")
    assert [p.line for p in report.problems] == [18]


def test_a_huge_integer_is_a_located_error(tmp_path: Path) -> None:
    path = write_report(tmp_path, '\n[[indicator]]\nid = "big"\nname = "n"\ncategory = "c"\n'
                                  'note = "' + "9" * 6000 + '"\nvalue = 1_' + "1" * 5000 + "\n")
    [problem] = load_report(path, "report.toml").problems
    assert problem.line == 19
    assert problem.message.startswith("a number of 5,001 digits is too long")


def test_the_hostile_reproduction_keeps_the_good_period(tmp_path: Path, bundled: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """deep3 from hostile-testing F11: the bundled 2022-H1 plus a 2023 with 2000 brackets."""
    root = tmp_path / "deep3"
    shutil.copytree(bundled, root)
    write_report(root / "2023", nested_array(2000))
    assert main(["check", str(root)]) == 1
    out, err = capsys.readouterr()
    assert "internal error" not in out + err
    assert "loaded 2022M01-M06" in out
    assert "2023/report.toml:13: error: values are nested more than 100 levels deep" in out


@pytest.mark.parametrize("extra", [nested_array(2000), "x = " + "7" * 5000 + "\n"],
                         ids=["nested", "long integer"])
def test_a_bad_dataset_toml_does_not_lose_the_periods(tmp_path: Path, extra: str) -> None:
    write_report(tmp_path / "2023", "")
    (tmp_path / "dataset.toml").write_text('name = "测试"\n' + extra, encoding="utf-8")
    dataset = load_dataset(tmp_path)
    assert [p.period.year for p in dataset.periods] == [2023]
    [error] = dataset.errors
    assert (error.file, error.line) == ("dataset.toml", 2)


@pytest.mark.parametrize("content", [nested_array(2000), nested_tables(2000),
                                     'lang = "en"\nx = ' + "1" * 5000 + "\n"],
                         ids=["arrays", "inline tables", "long integer"])
def test_settings_that_cannot_be_read_mean_defaults(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(content, encoding="utf-8")
    assert load_settings(path) == Settings()


def test_settings_under_an_unreadable_folder_mean_defaults(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """is_file() raises (rather than saying False) for EACCES, say; simulated since root
    reads every folder."""
    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(Path, "stat", denied)
    assert load_settings(tmp_path / "locked" / "settings.toml") == Settings()


# ---------------------------------------------------------------- properties

@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(depth=st.integers(min_value=1, max_value=4000), tables=st.booleans(),
       digits=st.integers(min_value=1, max_value=9000))
def test_no_depth_or_digit_count_raises(tmp_path_factory, depth: int, tables: bool,
                                         digits: int) -> None:
    root = tmp_path_factory.mktemp("limits")
    write_report(root / "2022", "").write_text(HEADER.replace("2023", "2022") + INDICATOR,
                                               encoding="utf-8")
    nested = (nested_tables if tables else nested_array)(depth)
    write_report(root / "2023", nested + "y = " + "4" * digits + "\n")
    (root / "dataset.toml").write_text(nested, encoding="utf-8")
    load_report(root / "2023" / "report.toml", "2023/report.toml")  # never raises
    dataset = load_dataset(root)
    assert 2022 in [p.period.year for p in dataset.periods]
    for error in dataset.errors:
        assert error.file in ("dataset.toml", "2023/report.toml") and error.line is not None

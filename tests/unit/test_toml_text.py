"""Text read from TOML (labels, names, units, notes, dataset.toml) has its terminal
control characters escaped at load, with a warning at the key (F7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from econdash.cli import main
from econdash.core.loaders import load_dataset
from econdash.core.loaders.report import load_report
from econdash.core.safetext import clean, has_dangerous

# The label from hostile-testing F7, as its python snippet writes it into report.toml.
F7_LABEL = r"2022H1\u001b]0;PWNED-TITLE\u0007\u001b[2J\u001b[31mFAKE: 0 errors\u001b[0m"
F7_LOADED = "2022H1\x1b]0;PWNED-TITLE\x07\x1b[2J\x1b[31mFAKE: 0 errors\x1b[0m"


def mkp(folder: Path) -> Path:
    """hostile-testing's `mkp` with the F7 label added after the region."""
    folder.mkdir(parents=True)
    text = ('[period]\nyear = 2022\nmonths = [1, 6]\nregion = "XX区"\n\n[[indicator]]\n'
            'id = "output"\nname = "规上工业总产值"\ncategory = "工业"\nvalue = 397.3\n'
            'unit = "亿元"\nyoy_pct = 8.6\n')
    text = text.replace('region = "XX区"', f'region = "XX区"\nlabel = "{F7_LABEL}"')
    (folder / "report.toml").write_text(text, encoding="utf-8")
    return folder / "report.toml"


def test_the_f7_label_is_escaped_with_a_located_warning(tmp_path: Path) -> None:
    report = load_report(mkp(tmp_path / "p1"), "p1/report.toml")
    assert report.label == clean(F7_LOADED)
    assert not has_dangerous(report.label)
    assert "\\x1b]0;PWNED-TITLE\\x07" in report.label
    [warning] = report.problems
    assert (warning.severity, warning.line) == ("warning", 5)
    assert warning.message == ("period, key 'label': contains control characters "
                               "(shown as \\x1b, \\x07)")
    assert report.period is not None  # a warning: the period still loads


def test_check_prints_no_control_characters(tmp_path: Path, capsys) -> None:
    mkp(tmp_path / "esc" / "p1")
    assert main(["check", str(tmp_path / "esc")]) == 0
    out, err = capsys.readouterr()
    assert not has_dangerous(out + err)
    assert "contains control characters" in out


@pytest.mark.parametrize(("key", "written"), [
    ("name", r"产值\u009b31m"), ("unit", r"亿元\u202e"), ("note", r"a\u0000b"),
    ("name_en", r"x\u0008y"), ("category", r"工\r业")])
def test_every_indicator_text_is_cleaned(tmp_path: Path, key: str, written: str) -> None:
    keys = {"id": "output", "name": "n", "category": "c", key: written}
    body = "".join(f'{k} = "{v}"\n' for k, v in keys.items())
    (tmp_path / "report.toml").write_text(
        "[period]\nyear = 2022\nmonths = [1, 6]\n\n[[indicator]]\n" + body, encoding="utf-8")
    report = load_report(tmp_path / "report.toml", "report.toml")
    [indicator] = report.indicators
    assert not has_dangerous(getattr(indicator, key))
    [warning] = report.problems
    assert warning.severity == "warning" and f"key {key!r}: contains control" in warning.message
    assert warning.line == 6 + list(keys).index(key)


def test_tabs_and_newlines_are_kept_without_a_warning(tmp_path: Path) -> None:
    (tmp_path / "report.toml").write_text(
        '[period]\nyear = 2022\nmonths = [1, 6]\n\n[[indicator]]\nid = "x"\nname = "n"\n'
        'category = "c"\nnote = """first\n\tsecond"""\n', encoding="utf-8")
    report = load_report(tmp_path / "report.toml", "report.toml")
    assert report.indicators[0].note == "first\n\tsecond"
    assert report.problems == []


def test_dataset_toml_text_is_cleaned(tmp_path: Path, write_period) -> None:
    write_period(tmp_path / "2022-H1")
    (tmp_path / "dataset.toml").write_text('name = "测试\\u001b[2J"\nregion = "XX区"\n',
                                           encoding="utf-8")
    dataset = load_dataset(tmp_path)
    assert dataset.name == "测试\\x1b[2J"
    [warning] = dataset.warnings
    assert (warning.file, warning.line) == ("dataset.toml", 1)
    assert "(shown as \\x1b)" in warning.message


def test_long_values_in_messages_are_shortened(tmp_path: Path) -> None:
    (tmp_path / "report.toml").write_text(
        "[period]\nyear = 2022\nmonths = [1, " + "9" * 4000 + "]\n", encoding="utf-8")
    [error] = load_report(tmp_path / "report.toml", "report.toml").problems
    assert error.line == 3 and len(error.message) < 200

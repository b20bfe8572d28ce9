"""The interface text: both languages for every string, feature modules merged once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from econdash.core import i18n, strings


def test_every_string_has_both_languages() -> None:
    missing = [k for k, (zh, en) in i18n.STRINGS.items() if not zh.strip() or not en.strip()]
    assert missing == []


def test_feature_modules_are_merged_and_a_key_defined_twice_is_refused(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "zz_probe.py").write_text(
        'STRINGS = {"probe.only_here": ("探针", "Probe")}\n', encoding="utf-8")
    monkeypatch.setattr(strings, "__path__", [*strings.__path__, str(tmp_path)])
    merged = i18n._feature_strings()
    assert merged["probe.only_here"] == ("探针", "Probe")
    (tmp_path / "zz_probe.py").write_text(
        'STRINGS = {"overview": ("总览", "Overview")}\n', encoding="utf-8")
    monkeypatch.delitem(sys.modules, "econdash.core.strings.zz_probe")  # import it anew
    with pytest.raises(RuntimeError, match="'overview' is defined twice"):
        i18n._feature_strings()

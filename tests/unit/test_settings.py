"""settings.py: load/save round trip; anything missing or broken means defaults."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from econdash.core import fs
from econdash.core.settings import SECTIONS, Settings, load_settings, save_settings, settings_path

DEFAULT = Settings()


def test_defaults() -> None:
    assert DEFAULT == Settings(lang="zh", theme="textual-dark", section="overview")


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.toml"
    wanted = Settings(lang="en", theme="nord", section="history")
    save_settings(path, wanted)
    assert path.is_file()
    assert load_settings(path) == wanted


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_round_trips(tmp_path: Path, section: str) -> None:
    path = tmp_path / "s.toml"
    save_settings(path, Settings(section=section))
    assert load_settings(path).section == section


def test_save_overwrites_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    save_settings(path, Settings(lang="en"))
    save_settings(path, Settings(lang="zh", section="projects"))
    assert load_settings(path) == Settings(lang="zh", section="projects")
    assert os.listdir(tmp_path) == ["s.toml"]


def test_missing_file_and_none_mean_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "nope.toml") == DEFAULT
    assert load_settings(None) == DEFAULT
    save_settings(None, Settings(lang="en"))  # no path: nothing written, no error
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("content", [
    b"lang = \"en\"\ntheme = [",                # broken TOML
    b"\xff\xfe\x00garbage\x80",                  # not UTF-8
    b"",                                         # empty
    b"lang = 'en'\nlang = 'zh'\n",               # duplicate key: invalid TOML
])
def test_broken_file_means_defaults(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(content)
    assert load_settings(path) == DEFAULT


def test_a_folder_where_the_file_should_be_means_defaults(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").mkdir()
    assert load_settings(tmp_path / "settings.toml") == DEFAULT


def test_invalid_values_fall_back_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('lang = "fr"\ntheme = "nord"\nsection = "secret"\nextra = 1\n', encoding="utf-8")
    assert load_settings(path) == Settings(lang="zh", theme="nord", section="overview")
    path.write_text('lang = "en"\ntheme = 42\nsection = "growth"\n', encoding="utf-8")
    assert load_settings(path) == Settings(lang="en", theme="textual-dark", section="growth")


def test_wrong_types_fall_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('lang = ["en"]\nsection = 3\n[theme]\nname = "x"\n', encoding="utf-8")
    assert load_settings(path) == DEFAULT


def test_failing_to_save_is_silent_and_keeps_the_old_file(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.toml"
    save_settings(path, Settings(lang="en"))

    def boom(src, dst):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(fs.os, "replace", boom)
    save_settings(path, Settings(lang="zh", section="growth"))  # must not raise
    assert load_settings(path) == Settings(lang="en")
    assert os.listdir(tmp_path) == ["settings.toml"]


def test_save_into_an_unwritable_place_is_silent(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    save_settings(blocker / "settings.toml", Settings(lang="en"))  # parent is a file
    assert blocker.read_text() == "not a folder"


def test_settings_path_is_under_econdash_home(isolated_home: Path) -> None:
    assert settings_path() == isolated_home / "config" / "settings.toml"

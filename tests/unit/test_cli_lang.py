"""The command line in the user's language (econdash/cli_lang.py)."""

from __future__ import annotations

import re

import pytest

from econdash.cli import build_parser, main
from econdash.cli_lang import cli_lang, parser_texts
from econdash.core.paths import bundled_dataset
from econdash.core.settings import Settings, save_settings, settings_path
from econdash.core.strings.cli import ARGPARSE_ZH, HELP_ZH

LATIN_WORDS = re.compile(r"\b[a-z]{4,}\b")  # an English word (option names are --x or UPPER)


def test_every_help_text_of_every_subcommand_has_chinese():
    missing = [text for _, _, text in parser_texts(build_parser()) if text not in HELP_ZH and text not in ARGPARSE_ZH]
    assert not missing, f"add these to core/strings/cli.py HELP_ZH: {missing}"


def test_chinese_help_has_no_english_words(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "zh", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：econdash")
    assert "选项" in out and "显示此帮助信息并退出" in out
    prose = re.sub(r"--?[\w-]+|econdash|[A-Z_]{2,}|\{[^}]*\}|\S+\.(toml|md|csv)\b|[\w./-]*/[\w./-]*",
                   "", out)
    commands = {part for name in build_parser()._subparsers._group_actions[0].choices
                for part in name.split("-")}  # command names, not prose
    words = [w for w in LATIN_WORDS.findall(prose) if w not in commands | {"three", "cities"}]
    assert not words, prose


def test_subcommand_help_and_argparse_errors_in_chinese(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "zh", "export", "--help"])
    assert "只保留包含此文字的行" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--lang", "zh", "export"])
    assert "缺少以下参数" in capsys.readouterr().err


def test_the_saved_language_is_followed_and_lang_wins(monkeypatch, capsys):
    monkeypatch.delenv("ECONDASH_LANG")
    assert cli_lang([]) == "zh"
    save_settings(settings_path(), Settings(lang="en"))
    assert cli_lang([]) == "en"
    assert cli_lang(["check", "--lang", "zh"]) == "zh"
    assert main(["check", str(bundled_dataset())]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("OK: 0 error(s)")
    assert main(["--lang", "zh", "check", str(bundled_dataset())]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("通过：0 个错误")


def test_check_messages_in_chinese(tmp_path, capsys):
    period = tmp_path / "ds" / "2022H1"
    period.mkdir(parents=True)
    (period / "report.toml").write_text('[period]\nyear = 2022\nmonths = [1, 6]\nlabell = "x"\n',
                                        encoding="utf-8")
    assert main(["--lang", "zh", "check", str(tmp_path / "ds")]) == 1
    out = capsys.readouterr().out
    assert "2022H1/report.toml:4：错误：时期，键 'labell'：未知的键（是否应为 'label'？）" in out
    assert out.splitlines()[-1] == "未通过：1 个错误，0 条提示"
    assert "error" not in out

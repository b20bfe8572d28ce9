"""The command line: check and dump, exit codes, dataset resolution, never a traceback."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from econdash import __version__
from econdash.cli import build_parser, main


@pytest.fixture
def good(tmp_path, write_period, report_text, indicator) -> Path:
    return write_period(tmp_path / "good" / "2022-H1", report_text(indicator("x", value=1))).parent


@pytest.fixture
def warned(tmp_path, write_period, report_text, indicator) -> Path:
    return write_period(tmp_path / "warned" / "2022-H1", report_text(indicator("x", rank=0))).parent


@pytest.fixture
def broken(tmp_path, write_period, report_text, indicator) -> Path:
    return write_period(tmp_path / "broken" / "2022-H1", report_text(indicator("x", value="abc"))).parent


# ---------------------------------------------------------------- check

def test_check_ok(good: Path, capsys) -> None:
    assert main(["check", str(good)]) == 0
    out = capsys.readouterr().out
    assert "loaded 2022M01-M06" in out
    assert "OK: 0 error(s), 0 warning(s)" in out


def test_check_with_an_error_exits_1_naming_file_and_line(broken: Path, capsys) -> None:
    assert main(["check", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "2022-H1/report.toml:" in out and "'abc' is not a number" in out
    assert "FAILED: 1 error(s)" in out


def test_check_warnings_pass(warned: Path, capsys) -> None:
    assert main(["check", str(warned)]) == 0
    assert "rank 0 is below 1" in capsys.readouterr().out


def test_check_strict_turns_warnings_into_failure(warned: Path, capsys) -> None:
    assert main(["check", "--strict", str(warned)]) == 1
    assert "--strict" in capsys.readouterr().out


def test_check_strict_without_warnings_passes(good: Path) -> None:
    assert main(["check", str(good), "--strict"]) == 0


def test_check_nonexistent_path(tmp_path, capsys) -> None:
    assert main(["check", str(tmp_path / "nope")]) == 1
    err = capsys.readouterr().err
    assert "no such folder" in err and "Traceback" not in err


def test_check_empty_folder(tmp_path, capsys) -> None:
    assert main(["check", str(tmp_path)]) == 1
    assert "report.toml" in capsys.readouterr().err


def test_check_bundled(bundled: Path, capsys) -> None:
    assert main(["check", str(bundled)]) == 0
    assert "2022M01-M06" in capsys.readouterr().out


def test_check_without_path_uses_econdash_data(good: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("ECONDASH_DATA", str(good))
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert str(good) in out and "$ECONDASH_DATA" in out


def test_check_without_path_or_env_uses_the_bundled_dataset(bundled: Path, capsys) -> None:
    assert main(["check"]) == 0  # isolated_home: no ECONDASH_DATA, an empty ECONDASH_HOME
    out = capsys.readouterr().out
    assert "bundled" in out and str(bundled) in out


def test_check_without_path_prefers_the_users_dataset(isolated_home, write_period, capsys) -> None:
    write_period(isolated_home / "data" / "dataset" / "2021-FY",
                 "[period]\nyear = 2021\nmonths = [1, 12]\n")
    assert main(["check"]) == 0
    assert "loaded 2021FY" in capsys.readouterr().out


def test_broken_econdash_data_fails_cleanly(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("ECONDASH_DATA", str(tmp_path / "missing"))
    assert main(["check"]) == 1
    assert "Traceback" not in capsys.readouterr().err


# ---------------------------------------------------------------- dump

def test_dump_prints_json(good: Path, capsys) -> None:
    assert main(["dump", str(good)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["id"] for p in data["periods"]] == ["2022M01-M06"]
    assert data["periods"][0]["indicators"][0]["value"] == 1


def test_dump_bundled_has_the_seed_figure(capsys) -> None:
    assert main(["dump"]) == 0
    out = capsys.readouterr().out
    assert "397.3" in out
    data = json.loads(out)
    output = next(i for p in data["periods"] for i in p["indicators"] if i["id"] == "above_scale_output")
    assert output["value"] == 397.3


def test_dump_nonexistent_path(tmp_path, capsys) -> None:
    assert main(["dump", str(tmp_path / "nope")]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err


# ---------------------------------------------------------------- arguments

def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"econdash {__version__}"


def _subcommands() -> list[str]:
    parser = build_parser()
    [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(action.choices)


def test_check_and_dump_are_commands() -> None:
    assert {"check", "dump"} <= set(_subcommands())


@pytest.mark.parametrize("argv", [["--help"], ["-h"]] + [[c, "--help"] for c in _subcommands()])
def test_help_everywhere(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    assert "usage: econdash" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["check", "--bogus"], ["nosuchcommand"], ["check", "a", "b"]])
def test_bad_usage_exits_2(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_huge_integer_is_a_plain_error(tmp_path, write_period, report_text, indicator, capsys) -> None:
    folder = write_period(tmp_path / "p", report_text(indicator("x") + "value = " + "9" * 400 + "\n"))
    assert main(["check", str(folder)]) == 1
    assert "internal error" not in capsys.readouterr().err


# ---------------------------------------------------------------- a real process

def test_python_m_econdash_from_another_cwd(tmp_path, bundled: Path, subprocess_env) -> None:
    result = subprocess.run([sys.executable, "-m", "econdash", "check", str(bundled)],
                            cwd=tmp_path, env=subprocess_env, capture_output=True, timeout=120)
    stdout = result.stdout.decode("utf-8")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert "OK:" in stdout and "2022M01-M06" in stdout


def test_python_m_econdash_bad_path_no_traceback(tmp_path, subprocess_env) -> None:
    result = subprocess.run([sys.executable, "-m", "econdash", "check", "nope"],
                            cwd=tmp_path, env=subprocess_env | {"PYTHONIOENCODING": "ascii"},
                            capture_output=True, timeout=120)
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1
    assert "no such folder" in stderr and "Traceback" not in stderr


def test_the_dashboard_starts_with_the_collector_off(monkeypatch) -> None:
    """Its passes during the imports of polars and Textual cost a tenth of a second; the
    app turns it back on after its first frame (tests/ui/test_startup.py)."""
    import gc

    import econdash.cli
    import econdash.tui.app
    seen: list[bool] = []
    monkeypatch.setattr(econdash.cli, "_on_a_terminal", lambda: True)
    monkeypatch.setattr(econdash.tui.app, "run_app",
                        lambda choice, lang=None, startup=None: seen.append(gc.isenabled()) or 0)
    try:
        assert main(["--data", str(Path(__file__).parent)]) == 0
    finally:
        gc.enable()
    assert seen == [False]


def test_the_dashboard_without_a_terminal_says_so_and_exits(tmp_path: Path,
                                                             subprocess_env) -> None:
    """From cron, nohup or a pipe it used to spin at 100% CPU for ever (F10)."""
    with subprocess.Popen([sys.executable, "-m", "econdash"], cwd=tmp_path, env=subprocess_env,
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, start_new_session=True) as process:
        try:
            out, err = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
    assert process.returncode == 1
    stderr = err.decode("utf-8")
    assert "needs a terminal" in stderr and "econdash check" in stderr
    assert "Traceback" not in stderr and out == b""


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_the_dashboard_ends_when_its_terminal_hangs_up(tmp_path: Path, subprocess_env) -> None:
    """With SIGHUP ignored (nohup, a killed tmux server), Textual's input loop spun at
    full CPU for ever once the terminal had gone (F10)."""
    import os
    import signal
    import time

    from econdash.tui.textual_fixes import terminal_lost

    master, slave = os.openpty()
    assert not terminal_lost(slave)

    def ignore_hangup() -> None:
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        os.setsid()

    env = subprocess_env | {"TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    process = subprocess.Popen([sys.executable, "-m", "econdash"], cwd=tmp_path, env=env,
                               stdin=slave, stdout=slave, stderr=slave,  # Textual draws on stderr
                               preexec_fn=ignore_hangup)
    os.close(slave)
    try:
        screen = b""
        deadline = time.monotonic() + 60
        while "总览".encode() not in screen and time.monotonic() < deadline:
            try:
                screen += os.read(master, 65536)
            except OSError:
                break
        assert "总览".encode() in screen, "the dashboard did not start"
        os.close(master)  # the terminal goes away
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode is not None


ESCAPES = 'label = "2022H1\\u001b]0;PWNED\\u0007\\u001b[2J\\u001b[31mFAKE: 0 errors\\u001b[0m\\u202e"\n'


def test_check_and_import_never_print_control_characters(tmp_path: Path, report_text,
                                                         write_period, capsys) -> None:
    """F7: a label with escape sequences retitled the terminal, cleared it and printed a
    fake verdict; names of folders are printed too."""
    period = write_period(tmp_path / "esc" / "p\x1b[1m1", report_text().replace(
        "[period]\n", "[period]\n" + ESCAPES))
    assert main(["check", str(period.parent)]) == 0
    assert main(["import", str(period), "--to", str(tmp_path / "ds")]) == 0
    assert main(["check", str(tmp_path / "nowhere\x1b[2J")]) == 1
    printed = capsys.readouterr()
    for text in (printed.out, printed.err):
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "\\x1b]0;PWNED\\x07" in printed.out and "\\x1b[2J" in printed.err


def test_dump_escapes_what_json_leaves_raw(tmp_path: Path, report_text, write_period,
                                           capsys) -> None:
    period = write_period(tmp_path / "p\u202e\x851", report_text().replace(
        "[period]\n", '[period]\nlabel = "a\\u0085b\\u202ec\\u007f"\n'))
    assert main(["dump", str(period)]) == 0
    out = capsys.readouterr().out
    assert not any(c in out for c in "\x85\u202e\x7f")
    assert json.loads(out)["periods"][0]["label"] is not None


def test_a_closed_pipe_is_not_an_error(tmp_path: Path, subprocess_env) -> None:
    """`econdash dump | head` (D1: BrokenPipeError was caught as an OSError first)."""
    assert main(["demo-data", str(tmp_path / "big"), "--enterprises", "5000", "--periods",
                 "1"]) == 0  # more JSON than a pipe holds
    dump = subprocess.Popen([sys.executable, "-m", "econdash", "dump", str(tmp_path / "big")],
                            cwd=tmp_path, env=subprocess_env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert dump.stdout is not None
    dump.stdout.close()  # as `| true` or `| head` does before the dump is written
    _, err = dump.communicate(timeout=120)
    assert dump.returncode == 0 and err == b""


def test_a_newline_in_a_folder_name_stays_on_its_line(tmp_path: Path, write_period,
                                                       capsys) -> None:
    """F19: `check` printed `loaded … from new` and `line/: …` as two lines."""
    write_period(tmp_path / "nl" / "new\nline")
    assert main(["check", str(tmp_path / "nl")]) == 0
    out = capsys.readouterr().out
    loaded = [line for line in out.splitlines() if "loaded" in line]
    assert len(loaded) == 1 and "new\\nline/" in loaded[0]

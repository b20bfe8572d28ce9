"""Imports that cannot lose data: the dataset lock, one-step replaces, all-or-nothing
multi-period imports finished after a kill, links and special files, free space,
what an import brings and says (hostile-testing findings F5, F6, F16, F19).

The renames of an import all go through `econdash.core.admin.renames` (exchange, move), so the
tests fail or kill the import at any step by wrapping those two functions.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from dataset_files import dataset_copy, snapshot, visible

import econdash
from econdash.cli import main
from econdash.core.admin import dataset_lock, renames, staging
from econdash.core.admin.dataset_lock import LOCK_FILE, DatasetBusy
from econdash.core.admin.importing import import_source, init_dataset, new_period
from econdash.core.admin.placing import JOURNAL
from econdash.core.errors import EcondashError
from econdash.core.fs import BACKUP_DIR, TEMP_PREFIX
from econdash.core.loaders import load_dataset
from econdash.core.paths import bundled_dataset

H1 = "2022M01-M06"
OLD_OUTPUT, NEW_OUTPUT = 397.3, 400.0


def period(folder: Path, year: int = 2022, months: tuple[int, int] = (1, 12),
           output: float = 812.5) -> Path:
    """The bundled period copied to `folder`, with its year, span and one value changed."""
    shutil.copytree(bundled_dataset() / "2022-H1", folder)
    report = folder / "report.toml"
    text = report.read_text(encoding="utf-8")
    text = (text.replace("year = 2022", f"year = {year}")
            .replace("months = [1, 6]", f"months = [{months[0]}, {months[1]}]")
            .replace('label = "2022年上半年"', "")
            .replace("value = 397.3", f"value = {output}"))
    report.write_text(text, encoding="utf-8")
    return folder


def output_of(root: Path, period_id: str) -> float | None:
    found = load_dataset(root).period(period_id)
    return None if found is None else found.indicator("above_scale_output").value


def incoming_dataset(tmp_path: Path) -> Path:
    """A dataset that replaces 2022H1 (output 400) and adds 2022FY."""
    source = tmp_path / "incoming"
    period(source / "2022-H1-fixed", months=(1, 6), output=NEW_OUTPUT)
    period(source / "2022-FY")
    return source


def staged_or_journal(root: Path) -> list[str]:
    return sorted(n for n in os.listdir(root) if n.startswith(TEMP_PREFIX) or n == JOURNAL)


class Steps:
    """Counts the renames of an import and fails (or kills) the chosen ones."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, fail_at: int | None = None,
                 fail_from: int | None = None, swap: bool = True) -> None:
        self.count = 0
        self.fail_at, self.fail_from = fail_at, fail_from
        move, exchange = renames.move, renames.exchange

        def counted_move(a, b):
            self.step()
            return move(a, b)

        def counted_exchange(a, b):
            if not swap:
                return False  # as where renameat2 is missing: nothing done, not a step
            self.step()
            return exchange(a, b)

        monkeypatch.setattr(renames, "move", counted_move)
        monkeypatch.setattr(renames, "exchange", counted_exchange)

    def step(self) -> None:
        self.count += 1
        if self.count == self.fail_at or (self.fail_from and self.count >= self.fail_from):
            raise OSError(5, "Input/output error")


def steps_of_import(source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                    swap: bool) -> int:
    """How many renames importing `source` with --replace into the seed dataset takes."""
    with monkeypatch.context() as patch:
        steps = Steps(patch, swap=swap)
        import_source(source, dataset_copy(tmp_path, f"count-{swap}"), replace=True)
    return steps.count


# ---------------------------------------------------------------- F5a: one writer at a time

def test_a_writer_refuses_while_another_holds_the_dataset(tmp_path: Path) -> None:
    target = dataset_copy(tmp_path)
    before = snapshot(target)
    empty = tmp_path / "empty"
    for folder, attempt in ((target, lambda: import_source(period(tmp_path / "p" / "2022-FY"),
                                                           target)),
                            (target, lambda: new_period("2023Q1", target)),
                            (empty, lambda: init_dataset(empty))):
        with dataset_lock.dataset_lock(folder, "import"):
            with pytest.raises(DatasetBusy) as caught:
                attempt()
        assert str(folder) in caught.value.message
        assert f"another econdash import (process {os.getpid()})" in caught.value.message
    assert snapshot(target) == before
    assert os.listdir(empty) == [LOCK_FILE]
    import_source(tmp_path / "p" / "2022-FY", target)  # released: works now
    assert [p.id for p in load_dataset(target).periods] == [H1, "2022FY"]


BLOCKED_IMPORT = """
import sys
from econdash.core.admin import renames
from econdash.cli import main
move = renames.move
def blocked(a, b):
    print("placing", flush=True)
    sys.stdin.readline()
    return move(a, b)
renames.move = blocked
sys.exit(main(sys.argv[1:]))
"""


def child_env(env: dict[str, str]) -> dict[str, str]:
    """The environment for a child python that imports the econdash under test."""
    return {**env, "PYTHONPATH": str(Path(econdash.__file__).resolve().parents[1])}


def test_two_imports_at_once_lose_nothing(tmp_path: Path, subprocess_env, capsys) -> None:
    target = dataset_copy(tmp_path)
    first = period(tmp_path / "a" / "2023-FY", year=2023)
    second = period(tmp_path / "b" / "2024-FY", year=2024)
    child = subprocess.Popen([sys.executable, "-c", BLOCKED_IMPORT, "import", str(first),
                              "--to", str(target)], env=child_env(subprocess_env),
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline() == "placing\n"  # staged, holding the lock, about to move
        staged = [n for n in os.listdir(target) if n.startswith(TEMP_PREFIX)]
        assert staged
        assert main(["import", str(second), "--to", str(target)]) == 1
        err = capsys.readouterr().err
        assert f"{target} is being changed by another econdash import (process {child.pid})" in err
        assert all((target / name).exists() for name in staged)  # its staging is left alone
    finally:
        child.stdin.write("\n")
        child.stdin.close()
        child.wait(timeout=60)
    assert child.returncode == 0
    assert main(["import", str(second), "--to", str(target)]) == 0
    dataset = load_dataset(target)
    assert [p.id for p in dataset.periods] == [H1, "2023FY", "2024FY"]
    assert snapshot(target / "2023FY") == snapshot(first)
    assert staged_or_journal(target) == []


def test_leftovers_of_a_dead_import_are_removed_under_the_lock(tmp_path: Path) -> None:
    target = dataset_copy(tmp_path)
    leftover = target / f"{TEMP_PREFIX}2022FY-deadbeef"
    shutil.copytree(bundled_dataset() / "2022-H1", leftover)
    new_period("2023Q1", target)
    assert not leftover.exists()


def test_without_fcntl_writes_still_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dataset_lock, "fcntl", None)
    target = dataset_copy(tmp_path)
    import_source(period(tmp_path / "p" / "2022-FY"), target)
    assert [p.id for p in load_dataset(target).periods] == [H1, "2022FY"]
    assert not (target / LOCK_FILE).exists()


# ---------------------------------------------------------------- F5b: replace is one step

def test_replace_swaps_old_and_new_in_one_step(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    target = dataset_copy(tmp_path)
    old = snapshot(target / "2022-H1")
    swaps: list[tuple[Path, Path]] = []
    exchange = renames.exchange

    def recorded(a, b):
        swaps.append((Path(a), Path(b)))
        return exchange(a, b)

    monkeypatch.setattr(renames, "exchange", recorded)
    source = period(tmp_path / "fixed", months=(1, 6), output=NEW_OUTPUT)
    lines = import_source(source, target, replace=True)
    assert len(swaps) == 1
    assert swaps[0][0].name.startswith(TEMP_PREFIX) and swaps[0][1] == target / "2022-H1"
    assert output_of(target, H1) == NEW_OUTPUT
    backups = list((target / BACKUP_DIR).iterdir())
    assert len(backups) == 1 and snapshot(backups[0]) == old
    assert f"Replaced {H1}: the old folder is kept at {backups[0]}" in lines
    assert staged_or_journal(target) == []


def test_replace_without_renameat2_falls_back_to_two_renames(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = dataset_copy(tmp_path)
    old = snapshot(target / "2022-H1")
    monkeypatch.setattr(renames, "_RENAMEAT2", None)  # as on a system without it
    assert renames.exchange(target / "2022-H1", target / "dataset.toml") is False
    import_source(period(tmp_path / "fixed", months=(1, 6), output=NEW_OUTPUT), target,
                  replace=True)
    assert output_of(target, H1) == NEW_OUTPUT
    backups = list((target / BACKUP_DIR).iterdir())
    assert len(backups) == 1 and snapshot(backups[0]) == old
    assert staged_or_journal(target) == []


def test_replaces_say_how_much_backup_keeps(tmp_path: Path) -> None:
    target = dataset_copy(tmp_path)
    source = period(tmp_path / "fixed", months=(1, 6), output=NEW_OUTPUT)
    import_source(source, target, replace=True)
    lines = import_source(source, target, replace=True)
    assert lines[-1].startswith(f"{target / BACKUP_DIR} now holds 2 old copies (")
    assert lines[-1].endswith(f"or all of them with: rm -r {target / BACKUP_DIR}")


KILLING_IMPORT = """
import os, signal, sys
kill_at, steps = int(sys.argv[1]), 0
def killing(function):
    def step(*args, **kwargs):
        global steps
        steps += 1
        if steps == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return function(*args, **kwargs)
    return step
try:
    from econdash.core.admin import renames
    renames.move, renames.exchange = killing(renames.move), killing(renames.exchange)
except ImportError:  # an econdash that renames with os.rename
    os.rename = killing(os.rename)
from econdash.cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_a_kill_at_any_step_is_finished_by_the_next_write(tmp_path: Path, subprocess_env,
                                                          monkeypatch, capsys) -> None:
    source = incoming_dataset(tmp_path)
    old_report = (bundled_dataset() / "2022-H1" / "report.toml").read_bytes()
    for kill_at in (1, 2, 3):  # swap, old to .backup, the new period (checked below)
        target = dataset_copy(tmp_path, f"data{kill_at}")
        killed = subprocess.run([sys.executable, "-c", KILLING_IMPORT, str(kill_at), "import",
                                 str(source), "--to", str(target), "--replace"],
                                env=child_env(subprocess_env), capture_output=True)
        assert killed.returncode == -signal.SIGKILL, killed.stderr
        # Killed midway: the dataset still loads, with the old or the new 2022H1 ...
        dataset = load_dataset(target)
        assert dataset.errors == ()
        assert output_of(target, H1) in (OLD_OUTPUT, NEW_OUTPUT), f"kill at step {kill_at}"
        # ... and the old 2022H1 is somewhere in it, placed, staged or in .backup.
        assert any(p.read_bytes() == old_report for p in target.rglob("report.toml"))
        # The next command that writes finishes the import and says so.
        capsys.readouterr()
        assert main(["new-period", "2023Q1", "--to", str(target)]) == 0
        out = capsys.readouterr().out
        assert out.startswith(f"Finished an import into {target} that had been interrupted:")
        assert output_of(target, H1) == NEW_OUTPUT
        assert [p.id for p in load_dataset(target).periods] == [H1, "2022FY", "2023Q1"]
        backups = list((target / BACKUP_DIR).iterdir())
        assert len(backups) == 1 and (backups[0] / "report.toml").read_bytes() == old_report
        assert staged_or_journal(target) == []
    assert steps_of_import(source, tmp_path, monkeypatch, swap=True) == 3


# ---------------------------------------------------------------- F5c: all or nothing

@pytest.mark.parametrize("swap", [True, False], ids=["renameat2", "two-renames"])
def test_a_failure_at_any_step_leaves_all_old_periods(tmp_path: Path, swap: bool,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    source = incoming_dataset(tmp_path)
    (source / "series.csv").write_text("indicator,year,first_month,last_month,value\n"
                                       "gdp,2019,1,12,100\n", encoding="utf-8")
    total = steps_of_import(source, tmp_path, monkeypatch, swap)
    assert total == 4  # the replaced period takes two renames either way
    for fail_at in range(1, total + 1):
        target = dataset_copy(tmp_path, f"data-{fail_at}")
        before = visible(target)
        with monkeypatch.context() as patch:
            steps = Steps(patch, fail_at=fail_at, swap=swap)
            with pytest.raises(EcondashError, match="nothing was imported: the dataset is as it"):
                import_source(source, target, replace=True)
        assert steps.count > fail_at or fail_at == 1  # what was done was undone
        assert visible(target) == before, f"failure at step {fail_at}"
        assert output_of(target, H1) == OLD_OUTPUT
        assert staged_or_journal(target) == []


def test_a_failure_the_undo_cannot_mend_is_finished_by_the_next_write(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = incoming_dataset(tmp_path)
    target = dataset_copy(tmp_path)
    old = snapshot(target / "2022-H1")
    with monkeypatch.context() as patch:
        Steps(patch, fail_from=3)  # the swap and the backup are done, then nothing works
        with pytest.raises(EcondashError, match="the next econdash import, init or new-period"):
            import_source(source, target, replace=True)
    assert (target / JOURNAL).exists()
    assert output_of(target, H1) == NEW_OUTPUT  # half done, nothing lost ...
    lines = import_source(period(tmp_path / "more" / "2023-FY", year=2023), target)
    assert lines[0] == f"Finished an import into {target} that had been interrupted:"
    assert [p.id for p in load_dataset(target).periods] == [H1, "2022FY", "2023FY"]
    backups = list((target / BACKUP_DIR).iterdir())
    assert len(backups) == 1 and snapshot(backups[0]) == old
    assert staged_or_journal(target) == []


def test_an_unreadable_journal_stops_writes_with_a_clear_message(tmp_path: Path) -> None:
    target = dataset_copy(tmp_path)
    (target / JOURNAL).write_text('{"moves": [{"staged": "../../etc"}]}', encoding="utf-8")
    with pytest.raises(EcondashError, match="journal of an import that was interrupted"):
        new_period("2023Q1", target)
    assert not (target / "2023Q1").exists()


# ---------------------------------------------------------------- F6: links and special files

def test_links_leading_out_of_the_folder_refuse_the_whole_import(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    source = period(tmp_path / "in" / "2022-FY")
    (source / "notes.txt").symlink_to(secret)
    (source / "etcdir").symlink_to(tmp_path / "elsewhere")
    (source / "gone.txt").symlink_to(source / "missing.txt")
    (source / "loop").symlink_to(".")
    target = tmp_path / "new-dataset"
    with pytest.raises(EcondashError, match="4 entries cannot be imported; nothing was") as caught:
        import_source(source, target)
    messages = [str(p) for p in caught.value.problems]
    assert messages == [
        f"{source}/etcdir: error: is a link to {tmp_path / 'elsewhere'}, outside the folder; "
        "copy the folder itself in or remove the link",
        f"{source}/gone.txt: error: is a link to {source / 'missing.txt'}, which does not "
        "exist; copy the file itself in or remove the link",
        f"{source}/loop: error: is a link to ., a folder that holds the link itself (a loop); "
        "remove the link",
        f"{source}/notes.txt: error: is a link to {secret}, outside the folder; copy the file "
        "itself in or remove the link",
    ]
    assert not target.exists()  # nothing at all was written


def test_a_link_inside_the_folder_is_copied_as_the_file(tmp_path: Path) -> None:
    source = period(tmp_path / "in" / "2022-FY")
    (source / "docs").mkdir()
    (source / "docs" / "memo.txt").write_text("备忘", encoding="utf-8")
    (source / "memo.txt").symlink_to("docs/memo.txt")
    (source / "docs-again").symlink_to("docs")
    target = dataset_copy(tmp_path)
    import_source(source, target)
    placed = target / "2022FY"
    assert not (placed / "memo.txt").is_symlink() and not (placed / "docs-again").is_symlink()
    assert (placed / "memo.txt").read_text(encoding="utf-8") == "备忘"
    assert (placed / "docs-again" / "memo.txt").read_text(encoding="utf-8") == "备忘"


def test_special_files_refuse_the_import(tmp_path: Path) -> None:
    source = period(tmp_path / "in" / "2022-FY")
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(source / "pipe")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(source / "sock"))
        target = dataset_copy(tmp_path)
        before = snapshot(target)
        with pytest.raises(EcondashError) as caught:
            import_source(source, target)
    finally:
        server.close()
    assert [str(p) for p in caught.value.problems] == [
        f"{source}/pipe: error: is a named pipe (FIFO), not a file; only files and folders "
        "are imported: remove it from the folder",
        f"{source}/sock: error: is a socket, not a file; only files and folders are imported: "
        "remove it from the folder"]
    assert snapshot(target) == before


def test_a_period_folder_linked_from_outside_a_dataset_is_refused(tmp_path: Path) -> None:
    outside = period(tmp_path / "elsewhere" / "2022-FY")
    source = tmp_path / "ds"
    source.mkdir()
    (source / "2022-FY").symlink_to(outside)
    with pytest.raises(EcondashError) as caught:
        import_source(source, tmp_path / "target")
    assert "outside the folder" in str(caught.value.problems[0])
    assert not (tmp_path / "target").exists()


def test_not_enough_free_space_refuses_before_copying(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = dataset_copy(tmp_path)
    before = snapshot(target)
    usage = shutil.disk_usage(target)
    monkeypatch.setattr(staging.shutil, "disk_usage",
                        lambda path: usage._replace(free=20_000))
    with pytest.raises(EcondashError, match=r"not enough free space for this import in .*: it "
                       r"needs about .* KB and 19.5 KB are free; free some space"):
        import_source(period(tmp_path / "in" / "2022-FY"), target)
    assert snapshot(target) == before
    assert staged_or_journal(target) == []


# ---------------------------------------------------------------- F16: what an import brings

SERIES = "indicator,year,first_month,last_month,value,unit,yoy_pct\n"


def dataset_with_series(tmp_path: Path, name: str = "srcds") -> Path:
    source = tmp_path / name
    period(source / "2023-H1", year=2023, months=(1, 6))
    (source / "series.csv").write_text(SERIES + "gdp,2019,1,12,100,亿元,5\n"
                                       "gdp,2020,1,12,110,亿元,10\n", encoding="utf-8")
    (source / "series").mkdir()
    (source / "series" / "exp.csv").write_text(SERIES + "gva,2020,1,12,50,亿元,\n",
                                               encoding="utf-8")
    return source


def test_a_dataset_import_brings_its_series_and_says_so(tmp_path: Path) -> None:
    source = dataset_with_series(tmp_path)
    target = dataset_copy(tmp_path)
    lines = import_source(source, target)
    assert f"Added the series in {source / 'series.csv'} as {target / 'series' / 'srcds.csv'}" \
        in lines
    assert f"Added the series in {source / 'series' / 'exp.csv'} as " \
        f"{target / 'series' / 'exp.csv'}" in lines
    series = load_dataset(target).series
    assert sorted(series["indicator"].to_list()) == ["gdp", "gdp", "gva"]
    # Again: refused without --replace, the old files kept in .backup/ with it.
    with pytest.raises(EcondashError, match="already has period"):
        import_source(source, target)
    lines = import_source(source, target, replace=True)
    assert any(line.startswith(f"Replaced {target / 'series' / 'srcds.csv'}: the old file is "
                               f"kept at {target / BACKUP_DIR}/series-srcds-") for line in lines)
    assert load_dataset(target).series.height == 3


def test_a_series_file_that_exists_needs_replace(tmp_path: Path) -> None:
    source = dataset_with_series(tmp_path)
    (source / "2023-H1").rename(tmp_path / "aside")  # only the series this time
    target = dataset_copy(tmp_path)
    (target / "series").mkdir()
    (target / "series" / "exp.csv").write_text(SERIES + "mine,2020,1,12,1,,\n", encoding="utf-8")
    before = snapshot(target)
    with pytest.raises(EcondashError, match="already has series/exp.csv; use --replace"):
        import_source(source, target)
    assert snapshot(target) == before


def test_dataset_toml_is_copied_when_missing_and_kept_when_different(tmp_path: Path) -> None:
    source = dataset_with_series(tmp_path)
    (source / "dataset.toml").write_text('name = "来源"\n', encoding="utf-8")
    empty = tmp_path / "empty"
    lines = import_source(source, empty)
    assert (empty / "dataset.toml").read_text(encoding="utf-8") == 'name = "来源"\n'
    assert f"Copied {source / 'dataset.toml'} to {empty / 'dataset.toml'} ({empty} had none)" \
        in lines
    target = dataset_copy(tmp_path)
    mine = (target / "dataset.toml").read_bytes()
    lines = import_source(source, target)
    assert (target / "dataset.toml").read_bytes() == mine
    assert f"Kept {target / 'dataset.toml'}; {source / 'dataset.toml'} differs and was not " \
        "copied (copy what you need from it by hand)" in lines


def test_an_export_named_with_a_dot_is_imported_under_a_name_that_loads(tmp_path: Path) -> None:
    export = tmp_path / ".hidden.csv"
    export.write_text("指标,2019年3月,2019年2月\n规模以上工业增加值累计值(亿元),100.5,60.25\n",
                      encoding="utf-8")
    target = dataset_copy(tmp_path)
    lines = import_source(export, target)
    assert (target / "series" / "hidden.csv").is_file()
    assert lines[0].endswith(f"into {target / 'series' / 'hidden.csv'}")
    assert load_dataset(target).series.height == 2


def test_an_export_with_unreadable_period_headers_says_so(tmp_path: Path, capsys) -> None:
    export = tmp_path / "bad.csv"
    export.write_text("指标,2019年12月,2020年13月,99999年2月\n"
                      "规模以上工业增加值累计值(亿元),,100.5,60.25\n", encoding="utf-8")
    target = dataset_copy(tmp_path)
    assert main(["import", str(export), "--to", str(target)]) == 1
    err = capsys.readouterr().err
    assert "the period headers (2020年13月, 99999年2月) were not understood" in err
    assert not (target / "series").exists()


# ---------------------------------------------------------------- F19: clear failures

def test_an_unusable_backup_folder_is_named(tmp_path: Path) -> None:
    target = dataset_copy(tmp_path)
    (target / BACKUP_DIR).write_text("not a folder", encoding="utf-8")
    before = snapshot(target)
    with pytest.raises(EcondashError, match=rf"cannot write to {target / BACKUP_DIR}, where "
                       "--replace keeps the old copies"):
        import_source(period(tmp_path / "fixed", months=(1, 6), output=NEW_OUTPUT), target,
                      replace=True)
    assert snapshot(target) == before


def test_a_read_only_backup_folder_is_named(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    target = dataset_copy(tmp_path)
    (target / BACKUP_DIR).mkdir()
    (target / BACKUP_DIR).chmod(0o555)
    try:
        with pytest.raises(EcondashError, match=rf"cannot write to {target / BACKUP_DIR}"):
            import_source(period(tmp_path / "fixed", months=(1, 6)), target, replace=True)
    finally:
        (target / BACKUP_DIR).chmod(0o755)
    assert output_of(target, H1) == OLD_OUTPUT


def test_init_into_an_impossible_place_names_only_that_place(capsys) -> None:
    if not Path("/proc/self").exists():
        pytest.skip("no /proc on this system")
    assert main(["init", "--to", "/proc/xx"]) == 1
    err = capsys.readouterr().err
    assert "/proc/xx" in err and TEMP_PREFIX not in err


def test_a_failed_init_leaves_no_folder_behind(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(staging.shutil, "copyfileobj", full)
    with pytest.raises(EcondashError, match="the disk is full"):
        init_dataset(tmp_path / "mine")
    assert not (tmp_path / "mine").exists()

"""importing.py and its CLI commands: init, import (period, dataset, NBS export), new-period.

An import validates first and writes atomically: a source with errors copies
nothing, a clash needs --replace (the old folder goes to .backup/), and an
import that fails or is killed midway leaves the dataset exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import polars as pl
import pytest
from dataset_files import dataset_copy, snapshot, visible
from shared_material import REALDATA, needs

from econdash.cli import main
from econdash.core.admin import renames, staging
from econdash.core.admin.importing import import_source, init_dataset, new_period
from econdash.core.errors import EcondashError
from econdash.core.fs import BACKUP_DIR, TEMP_PREFIX
from econdash.core.loaders import load_dataset
from econdash.core.paths import bundled_dataset, bundled_examples, user_dataset

NBS_MONTHLY = REALDATA / "nbs_fsyd_realestate_浙江.csv"
H1 = "2022M01-M06"


def edited_period(tmp_path: Path, folder: str = "2022-FY", months: tuple[int, int] = (1, 12),
                  label: str = "2022年全年", output: float = 812.5) -> Path:
    """The bundled period copied to `folder` with its span, label and one value changed."""
    period = tmp_path / "incoming" / folder
    shutil.copytree(bundled_dataset() / "2022-H1", period)
    report = period / "report.toml"
    text = report.read_text(encoding="utf-8")
    assert text.count("months = [1, 6]") == 1 and text.count("value = 397.3") == 1
    text = (text.replace("months = [1, 6]", f"months = [{months[0]}, {months[1]}]")
            .replace('label = "2022年上半年"', f'label = "{label}"')
            .replace("value = 397.3", f"value = {output}"))
    report.write_text(text, encoding="utf-8")
    return period


def output_value(root: Path, period_id: str) -> float | None:
    period = load_dataset(root).period(period_id)
    assert period is not None, f"{period_id} not loaded from {root}"
    return period.indicator("above_scale_output").value


# ---------------------------------------------------------------- init

def test_init_copies_the_bundled_dataset(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    lines = init_dataset(target)
    assert "Created your dataset" in lines[0]
    assert visible(target) == snapshot(bundled_dataset())
    assert [p.id for p in load_dataset(target).periods] == [H1]


def test_init_into_an_existing_empty_folder(tmp_path: Path) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    init_dataset(target)
    assert [p.id for p in load_dataset(target).periods] == [H1]


def test_init_refuses_a_non_empty_folder_and_leaves_it_alone(tmp_path: Path) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    with pytest.raises(EcondashError, match="never overwrites"):
        init_dataset(target)
    assert snapshot(target) == {"notes.txt": b"mine"}


def test_cli_init_without_to_uses_the_user_dataset(isolated_home: Path, capsys) -> None:
    assert main(["init"]) == 0
    assert user_dataset().is_relative_to(isolated_home)
    assert [p.id for p in load_dataset(user_dataset()).periods] == [H1]
    assert main(["init"]) == 1
    assert "never overwrites" in capsys.readouterr().err


def test_cli_init_to(tmp_path: Path, capsys) -> None:
    assert main(["init", "--to", str(tmp_path / "d")]) == 0
    assert "Created your dataset" in capsys.readouterr().out
    assert (tmp_path / "d" / "2022-H1" / "report.toml").is_file()


# ---------------------------------------------------------------- import a period folder

def test_import_a_new_period(tmp_path: Path) -> None:
    target = dataset_copy(tmp_path)
    before = snapshot(target)
    lines = import_source(edited_period(tmp_path), target)
    dataset = load_dataset(target)
    assert [p.id for p in dataset.periods] == [H1, "2022FY"]
    assert dataset.errors == ()
    assert output_value(target, "2022FY") == 812.5
    assert output_value(target, H1) == 397.3
    assert any(line.startswith("Added 2022FY") for line in lines)
    # The old period is untouched; the new one is a byte copy of the source.
    after = snapshot(target)
    assert {k: v for k, v in after.items() if k in before} == before
    assert {k.split("/", 1)[1]: v for k, v in after.items() if k.startswith("2022FY/")} == \
        snapshot(tmp_path / "incoming" / "2022-FY")
    assert not any(name.startswith(TEMP_PREFIX) for name in os.listdir(target))


def test_import_via_report_toml_path(tmp_path: Path) -> None:
    target = dataset_copy(tmp_path)
    import_source(edited_period(tmp_path) / "report.toml", target)
    assert [p.id for p in load_dataset(target).periods] == [H1, "2022FY"]


def test_import_into_a_folder_that_does_not_exist_yet(tmp_path: Path) -> None:
    target = tmp_path / "new" / "dataset"
    import_source(edited_period(tmp_path), target)
    assert [p.id for p in load_dataset(target).periods] == ["2022FY"]


def test_import_an_existing_period_without_replace_is_refused(tmp_path: Path) -> None:
    target = dataset_copy(tmp_path)
    before = snapshot(target)
    source = edited_period(tmp_path, folder="2022-H1-new", months=(1, 6), label="2022年上半年")
    with pytest.raises(EcondashError, match="--replace") as caught:
        import_source(source, target)
    assert "2022-H1/" in caught.value.message  # names the folder that holds it
    assert snapshot(target) == before


def test_import_replace_keeps_the_old_folder_in_backup(tmp_path: Path) -> None:
    target = dataset_copy(tmp_path)
    old = snapshot(target / "2022-H1")
    source = edited_period(tmp_path, folder="fixed", months=(1, 6), label="2022年上半年",
                           output=400.0)
    lines = import_source(source, target, replace=True)
    assert output_value(target, H1) == 400.0
    assert [p.id for p in load_dataset(target).periods] == [H1]
    backups = list((target / BACKUP_DIR).iterdir())
    assert len(backups) == 1 and backups[0].name.startswith("2022-H1-")
    assert snapshot(backups[0]) == old
    assert any(str(backups[0]) in line for line in lines)
    # The replacement keeps the old folder's name.
    assert snapshot(target / "2022-H1") == snapshot(source)


def test_import_validates_first_and_copies_nothing_on_error(tmp_path: Path) -> None:
    target = dataset_copy(tmp_path)
    before = snapshot(target)
    source = edited_period(tmp_path)
    report = source / "report.toml"
    report.write_text(report.read_text(encoding="utf-8").replace("value = 812.5", "value = \"many\""),
                      encoding="utf-8")
    with pytest.raises(EcondashError, match="nothing was imported") as caught:
        import_source(source, target)
    assert caught.value.problems and all(p.severity == "error" for p in caught.value.problems)
    assert any("report.toml" in p.file for p in caught.value.problems)
    assert snapshot(target) == before


def test_import_a_broken_csv_copies_nothing(tmp_path: Path) -> None:
    target = dataset_copy(tmp_path)
    before = snapshot(target)
    source = edited_period(tmp_path)
    (source / "projects.csv").write_text("name_en,town\nx,y\n", encoding="utf-8")  # no name/category
    with pytest.raises(EcondashError, match="nothing was imported"):
        import_source(source, target)
    assert snapshot(target) == before


def test_import_missing_source(tmp_path: Path) -> None:
    with pytest.raises(EcondashError, match="no such file or folder"):
        import_source(tmp_path / "nope", tmp_path / "data")


def test_import_an_empty_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(EcondashError, match="no period folders"):
        import_source(tmp_path / "empty", dataset_copy(tmp_path))


def test_import_a_csv_that_is_no_statistics_export(tmp_path: Path) -> None:
    target = dataset_copy(tmp_path)
    before = snapshot(target)
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(EcondashError, match="not a period folder, a dataset folder or a statistics"):
        import_source(other, target)
    assert snapshot(target) == before


# ---------------------------------------------------------------- import a dataset folder

def test_import_a_whole_dataset(tmp_path: Path) -> None:
    target = dataset_copy(tmp_path)
    lines = import_source(bundled_examples() / "three-cities", target)
    ids = [p.id for p in load_dataset(target).periods]
    assert ids == [f"{y}FY" for y in range(2011, 2020)] + [H1]
    assert sum(line.startswith("Added") for line in lines) == 9
    assert load_dataset(target).errors == ()


def test_import_a_dataset_with_one_clash_copies_nothing(tmp_path: Path) -> None:
    target = tmp_path / "data"
    import_source(bundled_examples() / "three-cities" / "2015-FY", target)
    before = snapshot(target)
    with pytest.raises(EcondashError, match="2015FY"):
        import_source(bundled_examples() / "three-cities", target)
    assert snapshot(target) == before


# ---------------------------------------------------------------- failing midway

def copy_failing_after(monkeypatch: pytest.MonkeyPatch, files: int, calls: list) -> None:
    """Copying that copies `files` files and then fails like a full disk."""
    original = shutil.copyfileobj
    copied = 0

    def copyfileobj(reader, writer, *args):
        nonlocal copied
        if copied >= files:
            calls.append(Path(writer.name if isinstance(writer.name, str) else "?"))
            raise OSError(28, "No space left on device")
        copied += 1
        return original(reader, writer, *args)

    monkeypatch.setattr(staging.shutil, "copyfileobj", copyfileobj)


def assert_unchanged(target: Path, before: dict[str, bytes], periods: list[str]) -> None:
    assert snapshot(target) == before
    assert not any(n.startswith(TEMP_PREFIX) for n in os.listdir(target))
    assert [p.id for p in load_dataset(target).periods] == periods


def test_copy_failing_midway_leaves_the_dataset_as_it_was(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    target = dataset_copy(tmp_path)
    source = edited_period(tmp_path)
    before = snapshot(target)
    calls: list[Path] = []
    copy_failing_after(monkeypatch, 2, calls)
    with pytest.raises(EcondashError, match="the disk is full; nothing was imported"):
        import_source(source, target)
    assert calls  # it did fail halfway
    assert_unchanged(target, before, [H1])


def test_rename_failing_leaves_the_dataset_as_it_was(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    target = dataset_copy(tmp_path)
    source = edited_period(tmp_path)
    before = snapshot(target)

    def boom(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(renames, "move", boom)
    with pytest.raises(EcondashError, match="Input/output error; nothing was imported") as caught:
        import_source(source, target)
    assert TEMP_PREFIX not in caught.value.message  # the user's paths, never a staging name
    assert_unchanged(target, before, [H1])


def test_cli_reports_a_failed_copy_without_traceback(tmp_path: Path, monkeypatch, capsys) -> None:
    target = dataset_copy(tmp_path)
    source = edited_period(tmp_path)
    before = snapshot(target)
    copy_failing_after(monkeypatch, 1, [])
    code = main(["import", str(source), "--to", str(target)])
    assert code != 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and TEMP_PREFIX not in err
    assert err.startswith("econdash: cannot copy ") and "the disk is full" in err
    assert_unchanged(target, before, [H1])


def test_replace_failing_midway_keeps_the_old_period(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    target = dataset_copy(tmp_path)
    before = visible(target)
    source = edited_period(tmp_path, folder="fixed", months=(1, 6), label="2022年上半年",
                           output=400.0)
    copy_failing_after(monkeypatch, 2, [])
    with pytest.raises(EcondashError):
        import_source(source, target, replace=True)
    assert visible(target) == before
    assert output_value(target, H1) == 397.3


def test_dataset_import_failing_midway_adds_nothing(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = dataset_copy(tmp_path)
    before = snapshot(target)
    original = renames.move
    moves = 0

    def move(src, dst):
        nonlocal moves
        moves += 1
        if moves == 4:
            raise OSError(28, "No space left on device")
        return original(src, dst)

    monkeypatch.setattr(renames, "move", move)
    with pytest.raises(EcondashError, match="nothing was imported"):
        import_source(bundled_examples() / "three-cities", target)
    assert moves > 4  # three moves made, the fourth failed, the three undone
    assert_unchanged(target, before, [H1])


def test_a_later_import_removes_leftover_temporaries(tmp_path: Path) -> None:
    target = dataset_copy(tmp_path)
    leftover = target / f"{TEMP_PREFIX}2022FY-deadbeef"
    shutil.copytree(bundled_dataset() / "2022-H1", leftover)
    assert [p.id for p in load_dataset(target).periods] == [H1]  # hidden: never loaded
    import_source(edited_period(tmp_path), target)
    assert not leftover.exists()
    assert [p.id for p in load_dataset(target).periods] == [H1, "2022FY"]


def big_period(root: Path, megabytes: int = 50) -> Path:
    """A valid period whose enterprises.csv is about `megabytes` MB (long notes, few rows,
    so that validating it in the subprocess stays quick)."""
    folder = root / "2022-FY"
    folder.mkdir(parents=True)
    (folder / "report.toml").write_text("[period]\nyear = 2022\nmonths = [1, 12]\n"
                                        '[[indicator]]\nid = "x"\nname = "X"\ncategory = "工业"\n'
                                        "value = 1.5\n", encoding="utf-8")
    note = "企业备注" * 165  # about 2 kB of UTF-8
    rows = megabytes * 1024 * 1024 // (len(note.encode()) + 60)
    frame = pl.select(
        enterprise=pl.format("浙江某某制造有限公司{}", pl.int_range(rows)),
        programme=pl.lit("专精特新中小企业"),
        level=pl.lit("省级"),
        year=pl.lit(2022),
        note=pl.lit(note),
    )
    frame.write_csv(folder / "enterprises.csv")
    return folder


def test_sigkill_during_a_large_copy_leaves_the_dataset_as_it_was(tmp_path: Path,
                                                                  subprocess_env) -> None:
    source = big_period(tmp_path / "src")
    size = (source / "enterprises.csv").stat().st_size
    assert size > 40 * 1024 * 1024
    for attempt in range(3):
        target = dataset_copy(tmp_path, f"data{attempt}")
        before = snapshot(target)
        process = subprocess.Popen([sys.executable, "-m", "econdash", "import", str(source),
                                    "--to", str(target)], env=subprocess_env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        killed_during_copy = False
        deadline = time.monotonic() + 60
        try:
            while process.poll() is None and time.monotonic() < deadline:
                temps = [n for n in os.listdir(target) if n.startswith(TEMP_PREFIX)]
                if temps:
                    process.send_signal(signal.SIGKILL)
                    process.wait()
                    # Killed before the rename: the temporary is still there.
                    killed_during_copy = (target / temps[0]).exists()
                    break
                time.sleep(0.0005)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        if killed_during_copy:
            print(f"killed during the copy on attempt {attempt + 1}")
            break
    else:
        pytest.fail("never caught the import during its copy to kill it")
    assert process.returncode == -signal.SIGKILL
    # The half copy is there, hidden; the dataset loads exactly as before.
    assert visible(target) == before
    assert [n for n in os.listdir(target) if n.startswith(TEMP_PREFIX)]
    dataset = load_dataset(target)
    assert [p.id for p in dataset.periods] == [H1]
    assert dataset.errors == ()
    # Importing again cleans the leftover up and adds the period.
    assert main(["import", str(source), "--to", str(target)]) == 0
    assert not [n for n in os.listdir(target) if n.startswith(TEMP_PREFIX)]
    dataset = load_dataset(target)
    assert [p.id for p in dataset.periods] == [H1, "2022FY"]
    assert (target / "2022FY" / "enterprises.csv").stat().st_size == size


# ---------------------------------------------------------------- import an NBS export

needs_realdata = needs("realdata/nbs_fsyd_realestate_浙江.csv")


@needs_realdata
def test_import_a_statistics_export(tmp_path: Path) -> None:
    target = dataset_copy(tmp_path)
    lines = import_source(NBS_MONTHLY, target)
    written = target / "series" / "nbs_fsyd_realestate_浙江.csv"
    assert written.is_file()
    assert lines[0].startswith("Imported 66 observations of 2 indicators")
    dataset = load_dataset(target)
    assert dataset.errors == ()
    assert [p.id for p in dataset.periods] == [H1]
    series = dataset.series
    assert series.height == 66
    dec_2019 = series.filter((pl.col("year") == 2019) & (pl.col("first_month") == 1)
                             & (pl.col("last_month") == 12) & (pl.col("name") == "房地产投资"))
    assert dec_2019.select("value", "yoy_pct", "unit").row(0) == (10682.97, 7.4, "亿元")
    # January is never published on its own: no (1, 1) observation, never 0.
    assert series.filter(pl.col("last_month") == 1).height == 0


@needs_realdata
def test_import_a_statistics_export_twice_needs_replace(tmp_path: Path, capsys) -> None:
    target = dataset_copy(tmp_path)
    assert main(["import", str(NBS_MONTHLY), "--to", str(target)]) == 0
    written = target / "series" / NBS_MONTHLY.name
    before = snapshot(target)
    assert main(["import", str(NBS_MONTHLY), "--to", str(target)]) == 1
    assert "--replace" in capsys.readouterr().err
    assert snapshot(target) == before
    written.write_text("indicator,year,first_month,last_month\n", encoding="utf-8")
    assert main(["import", str(NBS_MONTHLY), "--to", str(target), "--replace"]) == 0
    assert load_dataset(target).series.height == 66


def test_import_a_small_statistics_export(tmp_path: Path) -> None:
    export = tmp_path / "月度数据.csv"
    export.write_text(
        "数据库：分省月度数据\n地区：浙江省\n时间：最近3个月\n"
        "指标,2019年3月,2019年2月,2019年1月\n"
        "规模以上工业增加值累计值(亿元),100.5,60.25,\n"
        "规模以上工业增加值累计增长(%),8.1,7.9,\n"
        "数据来源：国家统计局\n", encoding="utf-8-sig")
    target = tmp_path / "data"
    import_source(export, target)
    series = load_dataset(target).series.sort("last_month")
    assert series.select("year", "first_month", "last_month", "value", "yoy_pct").rows() == [
        (2019, 1, 2, 60.25, 7.9), (2019, 1, 3, 100.5, 8.1)]
    assert series["unit"].to_list() == ["亿元", "亿元"]


# ---------------------------------------------------------------- new-period

def test_new_period_writes_a_template_from_the_latest_period(tmp_path: Path) -> None:
    target = dataset_copy(tmp_path)
    import_source(edited_period(tmp_path), target)
    latest = load_dataset(target).period("2022FY")
    lines = new_period("2023Q1", target)
    report = target / "2023Q1" / "report.toml"
    assert str(report) in lines[0]
    data = tomllib.loads(report.read_text(encoding="utf-8"))
    assert data["period"]["year"] == 2023 and data["period"]["months"] == [1, 3]
    assert data["period"]["region"] == "XX区"
    assert [i["id"] for i in data["indicator"]] == [i.id for i in latest.indicators]
    assert all(i["value"] == "" and i["yoy_pct"] == "" for i in data["indicator"])
    first = data["indicator"][0]
    assert (first["name"], first["unit"], first["name_en"]) == (
        "规上工业总产值", "亿元", "Gross output of above-scale industry")
    # The template loads: a new period with every indicator and no values.
    dataset = load_dataset(target)
    assert dataset.errors == ()
    period = dataset.period("2023Q1")
    assert period is not None and len(period.indicators) == len(latest.indicators)
    assert all(i.value is None and i.yoy_pct is None for i in period.indicators)


def test_new_period_uses_the_latest_of_many(tmp_path: Path) -> None:
    target = tmp_path / "cities"
    shutil.copytree(bundled_examples() / "three-cities", target)
    new_period("2020FY", target)
    data = tomllib.loads((target / "2020FY" / "report.toml").read_text(encoding="utf-8"))
    latest = load_dataset(bundled_examples() / "three-cities").periods[-1]
    assert latest.id == "2019FY"
    assert [i["id"] for i in data["indicator"]] == [i.id for i in latest.indicators]


def test_new_period_never_overwrites(tmp_path: Path, write_period, report_text,
                                    indicator) -> None:
    target = tmp_path / "data"
    write_period(target / "2022-H1", report_text(indicator("a", value=1.0) + indicator("b")))
    new_period("2022Q3", target)
    report = target / "2022Q3" / "report.toml"
    report.write_text(report.read_text(encoding="utf-8").replace('value = ""', "value = 1", 1),
                      encoding="utf-8")
    before = snapshot(target)
    with pytest.raises(EcondashError, match="never overwrites"):
        new_period("2022Q3", target)
    # The same period under another folder name or id alias is refused too.
    with pytest.raises(EcondashError, match="2022M01-M06 already exists"):
        new_period("2022H1", target)
    with pytest.raises(EcondashError, match="already exists"):
        new_period("2022M01-M06", target)
    assert snapshot(target) == before


def test_new_period_refuses_an_existing_broken_folder(tmp_path: Path) -> None:
    target = dataset_copy(tmp_path)
    (target / "2022FY").mkdir()
    (target / "2022FY" / "report.toml").write_text("not toml [", encoding="utf-8")
    with pytest.raises(EcondashError, match="never overwrites"):
        new_period("2022FY", target)
    assert (target / "2022FY" / "report.toml").read_text(encoding="utf-8") == "not toml ["


def test_new_period_bad_id(tmp_path: Path, capsys) -> None:
    target = dataset_copy(tmp_path)
    before = snapshot(target)
    assert main(["new-period", "2022X", "--to", str(target)]) == 1
    assert "not a period id" in capsys.readouterr().err
    assert snapshot(target) == before


def test_new_period_in_an_empty_dataset_has_no_indicators(tmp_path: Path) -> None:
    new_period("2022FY", tmp_path / "fresh")
    data = tomllib.loads((tmp_path / "fresh" / "2022FY" / "report.toml").read_text(encoding="utf-8"))
    assert data == {"period": {"year": 2022, "months": [1, 12], "label": "2022年全年",
                               "status": "draft"}}
    assert [p.id for p in load_dataset(tmp_path / "fresh").periods] == ["2022FY"]


def test_cli_new_period_and_import_without_to_use_the_user_dataset(tmp_path: Path, write_period,
                                                                   report_text, indicator,
                                                                   capsys) -> None:
    write_period(user_dataset() / "2022-H1", report_text(indicator("a", value=1.0)))
    assert main(["new-period", "2022Q3"]) == 0
    assert (user_dataset() / "2022Q3" / "report.toml").is_file()
    source = write_period(tmp_path / "src" / "2022-FY",
                          report_text(indicator("a", value=2.0), months=(1, 12)))
    assert main(["import", str(source)]) == 0
    out = capsys.readouterr().out
    assert "Added 2022FY" in out
    assert [p.id for p in load_dataset(user_dataset()).periods] == [H1, "2022Q3", "2022FY"]

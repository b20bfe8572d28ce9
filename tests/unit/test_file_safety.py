"""Only ordinary files are read, never more than a size limit, and links only within the
dataset: FIFOs, devices, /dev/zero, dangling and looping links, links that leave the
dataset (findings F6, F8, F17)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from dataset_files import unix_socket

from econdash.core.errors import DatasetError, FileProblem
from econdash.core.loaders import load_dataset
from econdash.core.loaders import text as text_module
from econdash.core.loaders.csvfile import read_csv_table
from econdash.core.loaders.meta import holds_report, series_files
from econdash.core.loaders.text import read_bytes
from econdash.core.model.schema import PROJECTS

PROJECTS_CSV = "name,category\n园区A,工业\n"
SERIES_CSV = "indicator,year,first_month,last_month,value,unit,yoy_pct\nx,2021,1,6,1.5,亿元,2\n"
HANG_SECONDS = 20  # far beyond any load here; only a blocked open or read gets near it


def mkfifo(path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("this system has no named pipes (os.mkfifo)")
    os.mkfifo(path)
    return path


def symlink(link: Path, target: str | Path) -> Path:
    try:
        os.symlink(target, link)
    except (OSError, NotImplementedError) as exc:
        pytest.skip(f"cannot make symbolic links here: {exc}")
    return link


def finishes(work, *fifos: Path):
    """Run `work()` in a thread; fail (instead of hanging the suite) if it blocks.

    A reader blocked on opening a FIFO is released by opening the FIFO for writing.
    """
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(HANG_SECONDS)
    if thread.is_alive():
        for fifo in fifos:
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass
        thread.join(5)
        pytest.fail(f"blocked for {HANG_SECONDS} s reading a named pipe")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def messages(dataset) -> list[str]:
    return [str(p) for p in dataset.problems]


# ---------------------------------------------------------------- read_bytes itself

def test_read_bytes_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    fifo = mkfifo(tmp_path / "projects.csv")
    with pytest.raises(FileProblem) as info:
        finishes(lambda: read_bytes(fifo, "projects.csv"), fifo)
    assert info.value.problem.file == "projects.csv"
    assert "is not an ordinary file (a named pipe)" in info.value.problem.message
    assert "econdash reads only ordinary files" in info.value.problem.message


def test_read_bytes_refuses_a_character_device() -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null on this system")
    with pytest.raises(FileProblem, match=r"is not an ordinary file \(a character device\)"):
        read_bytes(Path("/dev/null"), "report.toml")


def test_read_bytes_refuses_a_socket(tmp_path: Path) -> None:
    with unix_socket(tmp_path / "s.csv") as path:
        with pytest.raises(FileProblem, match=r"is not an ordinary file \(a socket\)"):
            read_bytes(path, "s.csv")


def test_the_size_limits() -> None:
    assert text_module.TOML_SIZE_LIMIT == 64 * 1024 * 1024
    assert text_module.CSV_SIZE_LIMIT == 1024 * 1024 * 1024


def test_a_file_over_the_limit_is_refused_saying_size_and_limit(tmp_path: Path,
                                                                monkeypatch) -> None:
    monkeypatch.setattr(text_module, "TOML_SIZE_LIMIT", 3 * 1024 * 1024)
    path = tmp_path / "report.toml"
    path.write_bytes(b"#" * (4 * 1024 * 1024 + 512 * 1024))
    with pytest.raises(FileProblem) as info:
        read_bytes(path, "p1/report.toml")
    message = info.value.problem.message
    assert "4.5 MiB" in message and "3 MiB" in message
    assert "TOML" in message


def test_a_csv_file_has_its_own_limit(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(text_module, "CSV_SIZE_LIMIT", 1024)
    path = tmp_path / "projects.csv"
    path.write_text(PROJECTS_CSV + "园区B,工业\n" * 100, encoding="utf-8")
    result = read_csv_table(path, "projects.csv", PROJECTS)
    assert result.frame is None
    assert len(result.problems) == 1
    assert "1 KiB" in result.problems[0].message and "CSV" in result.problems[0].message
    (tmp_path / "report.toml").write_bytes(b"#" * 2048)  # a TOML file keeps its own limit
    assert len(read_bytes(tmp_path / "report.toml", "report.toml")) == 2048


def test_a_preview_reads_only_its_head(tmp_path: Path) -> None:
    path = tmp_path / "projects.csv"
    path.write_bytes(b"x" * 10_000)
    assert read_bytes(path, "projects.csv", 100) == b"x" * 100


def test_read_bytes_names_a_dangling_link(tmp_path: Path) -> None:
    link = symlink(tmp_path / "projects.csv", "gone.csv")
    with pytest.raises(FileProblem, match="is a link to gone.csv, which does not exist"):
        read_bytes(link, "projects.csv")


def test_read_bytes_names_a_looping_link(tmp_path: Path) -> None:
    link = symlink(tmp_path / "report.toml", "report.toml")
    with pytest.raises(FileProblem, match="is a link that loops"):
        read_bytes(link, "report.toml")


# ---------------------------------------------------------------- special files in a dataset

@pytest.mark.parametrize("name", ["projects.csv", "enterprises.csv", "report.toml"])
def test_check_does_not_hang_on_a_fifo_in_a_period(tmp_path: Path, write_period,
                                                   name: str) -> None:
    folder = write_period(tmp_path / "ds" / "p1", projects=PROJECTS_CSV)
    (folder / name).unlink(missing_ok=True)
    fifo = mkfifo(folder / name)
    dataset = finishes(lambda: load_dataset(tmp_path / "ds"), fifo)
    assert f"p1/{name}: error: is not an ordinary file (a named pipe); econdash reads only " \
        "ordinary files" in messages(dataset)
    assert dataset.periods == ()


def test_a_fifo_dataset_toml_is_reported(tmp_path: Path, write_period) -> None:
    write_period(tmp_path / "ds" / "p1")
    fifo = mkfifo(tmp_path / "ds" / "dataset.toml")
    dataset = finishes(lambda: load_dataset(tmp_path / "ds"), fifo)
    assert any(m.startswith("dataset.toml: error: is not an ordinary file (a named pipe)")
               for m in messages(dataset))
    assert len(dataset.periods) == 1


@pytest.mark.parametrize("name", ["series.csv", "series/x.csv"])
def test_a_fifo_series_file_is_reported(tmp_path: Path, write_period, name: str) -> None:
    write_period(tmp_path / "ds" / "p1")
    (tmp_path / "ds" / "series").mkdir()
    fifo = mkfifo(tmp_path / "ds" / name)
    dataset = finishes(lambda: load_dataset(tmp_path / "ds"), fifo)
    assert any(m.startswith(f"{name}: error: is not an ordinary file (a named pipe)")
               for m in messages(dataset))


def test_series_files_lists_entries_that_are_not_ordinary_files(tmp_path: Path) -> None:
    mkfifo(tmp_path / "series.csv")
    assert series_files(tmp_path) == [tmp_path / "series.csv"]


def test_a_folder_whose_report_is_a_fifo_is_a_period_folder(tmp_path: Path) -> None:
    mkfifo(tmp_path / "report.toml")
    problems: list = []
    assert holds_report(tmp_path, problems) and problems == []


def test_projects_csv_linked_to_a_device_is_refused(tmp_path: Path, write_period) -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null on this system")
    folder = write_period(tmp_path / "p1")
    symlink(folder / "projects.csv", "/dev/null")
    dataset = finishes(lambda: load_dataset(folder))
    assert any(m.startswith("p1/projects.csv: error: is a link to a file outside the dataset")
               for m in messages(dataset))
    assert dataset.periods == ()


# ---------------------------------------------------------------- links

def test_a_dangling_projects_link_is_an_error_not_zero_projects(tmp_path: Path,
                                                                write_period) -> None:
    folder = write_period(tmp_path / "ds" / "p1")
    symlink(folder / "projects.csv", "old-projects.csv")
    dataset = load_dataset(tmp_path / "ds")
    assert ("p1/projects.csv: error: is a link to old-projects.csv, which does not exist"
            in messages(dataset))
    assert dataset.periods == ()


def test_a_self_looping_projects_link_is_an_error(tmp_path: Path, write_period) -> None:
    folder = write_period(tmp_path / "ds" / "p1")
    symlink(folder / "projects.csv", "projects.csv")
    assert "p1/projects.csv: error: is a link that loops" in messages(load_dataset(tmp_path / "ds"))


def test_a_self_looping_report_is_named(tmp_path: Path, write_period) -> None:
    folder = write_period(tmp_path / "ds" / "p1", report=None)
    symlink(folder / "report.toml", "report.toml")
    dataset = load_dataset(tmp_path / "ds")
    assert "p1/report.toml: error: is a link that loops" in messages(dataset)


def test_a_single_period_whose_report_loops_is_named(tmp_path: Path, write_period) -> None:
    folder = write_period(tmp_path / "p1", report=None)
    symlink(folder / "report.toml", "report.toml")
    assert "p1/report.toml: error: is a link that loops" in messages(load_dataset(folder))


def test_a_link_to_a_file_outside_the_dataset_is_refused(tmp_path: Path, write_period) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("name,category\n机密,工业\n", encoding="utf-8")
    folder = write_period(tmp_path / "ds" / "p1")
    symlink(folder / "projects.csv", secret)
    dataset = load_dataset(tmp_path / "ds")
    found = [m for m in messages(dataset) if m.startswith("p1/projects.csv: error:")]
    assert found and "is a link to a file outside the dataset" in found[0]
    assert "copy the file in instead" in found[0]
    assert dataset.periods == ()


@pytest.mark.parametrize("name", ["report.toml", "enterprises.csv"])
def test_other_period_files_linked_outside_are_refused(tmp_path: Path, write_period,
                                                       name: str) -> None:
    elsewhere = write_period(tmp_path / "elsewhere", enterprises="enterprise,programme\n")
    folder = write_period(tmp_path / "ds" / "p1")
    (folder / name).unlink(missing_ok=True)
    symlink(folder / name, elsewhere / name)
    dataset = load_dataset(tmp_path / "ds")
    assert any(m.startswith(f"p1/{name}: error: is a link to a file outside the dataset")
               for m in messages(dataset))
    assert dataset.periods == ()


def test_a_series_file_linked_outside_is_refused(tmp_path: Path, write_period) -> None:
    outside = tmp_path / "history.csv"
    outside.write_text(SERIES_CSV, encoding="utf-8")
    write_period(tmp_path / "ds" / "p1")
    symlink(tmp_path / "ds" / "series.csv", outside)
    dataset = load_dataset(tmp_path / "ds")
    assert any(m.startswith("series.csv: error: is a link to a file outside the dataset")
               for m in messages(dataset))
    assert dataset.series.height == 0


def test_a_dataset_toml_linked_outside_is_refused(tmp_path: Path, write_period) -> None:
    outside = tmp_path / "other.toml"
    outside.write_text('name = "别人的"\n', encoding="utf-8")
    write_period(tmp_path / "ds" / "p1")
    symlink(tmp_path / "ds" / "dataset.toml", outside)
    dataset = load_dataset(tmp_path / "ds")
    assert any(m.startswith("dataset.toml: error: is a link to a file outside the dataset")
               for m in messages(dataset))
    assert dataset.name is None


def test_a_dangling_dataset_toml_is_reported(tmp_path: Path, write_period) -> None:
    write_period(tmp_path / "ds" / "p1")
    symlink(tmp_path / "ds" / "dataset.toml", "gone.toml")
    assert ("dataset.toml: error: is a link to gone.toml, which does not exist"
            in messages(load_dataset(tmp_path / "ds")))


def test_links_that_stay_inside_the_dataset_are_followed(tmp_path: Path, write_period) -> None:
    shared = tmp_path / "ds" / "_shared"
    shared.mkdir(parents=True)
    (shared / "projects.csv").write_text(PROJECTS_CSV, encoding="utf-8")
    folder = write_period(tmp_path / "ds" / "p1")
    symlink(folder / "projects.csv", "../_shared/projects.csv")
    dataset = load_dataset(tmp_path / "ds")
    assert dataset.problems == ()
    assert dataset.periods[0].projects.height == 1


def test_a_dataset_opened_through_a_link_works(tmp_path: Path, write_period) -> None:
    folder = write_period(tmp_path / "real" / "p1", projects=PROJECTS_CSV)
    symlink(folder / "enterprises.csv", "projects.csv")  # inside: followed
    (folder / "enterprises.csv").unlink()
    link = symlink(tmp_path / "via-link", tmp_path / "real")
    dataset = load_dataset(link)
    assert dataset.problems == ()
    assert dataset.periods[0].projects.height == 1
    assert load_dataset(link / "p1").problems == ()


def test_a_period_folder_linked_outside_is_refused(tmp_path: Path, write_period) -> None:
    outside = write_period(tmp_path / "elsewhere" / "2021-H1",
                           "[period]\nyear = 2021\nmonths = [1, 6]\n")
    write_period(tmp_path / "ds" / "2022-H1")
    symlink(tmp_path / "ds" / "2021-H1", outside)
    dataset = load_dataset(tmp_path / "ds")
    assert any(m.startswith("2021-H1/: error: is a link to a folder outside the dataset")
               and "copy the folder in instead" in m for m in messages(dataset))
    assert [p.id for p in dataset.periods] == ["2022M01-M06"]


def test_a_period_folder_linked_inside_is_followed(tmp_path: Path, write_period) -> None:
    write_period(tmp_path / "ds" / "_store" / "2022-H1")
    symlink(tmp_path / "ds" / "2022-H1", "_store/2022-H1")
    dataset = load_dataset(tmp_path / "ds")
    assert dataset.problems == ()
    assert [p.id for p in dataset.periods] == ["2022M01-M06"]


def test_a_dangling_period_link_is_reported(tmp_path: Path, write_period) -> None:
    write_period(tmp_path / "ds" / "2022-H1")
    symlink(tmp_path / "ds" / "2021-H1", "../gone/2021-H1")
    dataset = load_dataset(tmp_path / "ds")
    assert any(m.startswith("2021-H1: warning: is a link to ../gone/2021-H1, which does "
                            "not exist") for m in messages(dataset))
    assert len(dataset.periods) == 1


def test_a_looping_entry_is_reported(tmp_path: Path, write_period) -> None:
    write_period(tmp_path / "ds" / "2022-H1")
    symlink(tmp_path / "ds" / "2021-H1", "2021-H1")
    dataset = load_dataset(tmp_path / "ds")
    assert any(m.startswith("2021-H1: warning: is a link that loops") for m in messages(dataset))


def test_only_a_dangling_report_still_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "ds" / "p1"
    folder.mkdir(parents=True)
    symlink(folder / "report.toml", "../report-2022.toml")
    try:
        dataset = load_dataset(tmp_path / "ds")
    except DatasetError as exc:  # before: "no period folders found", no file named
        pytest.fail(str(exc))
    assert ("p1/report.toml: error: is a link to ../report-2022.toml, which does not exist"
            in messages(dataset))

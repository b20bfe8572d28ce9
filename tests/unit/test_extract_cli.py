"""`econdash extract` on the command line: -o writes a draft period folder, --into adds
it to a dataset through the locked import (ids continue), nothing is overwritten, and
bad files exit 1 with a message, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from econdash.cli import main
from econdash.core.admin.importing import init_dataset

REPORT = ("某区经信局2023年上半年工作总结\n"
          "2023年1-5月，全区规上工业企业实现工业总产值218.6亿元，同比增长6.4%；"
          "实现规模以上工业增加值52.3亿元、同比增长5.1%，列全市第四位、全省第20位。\n"
          "目前，全区新增省级专精特新中小企业7家，总数达到45家。\n")


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "总结.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_output_folder_is_a_draft_with_quotes_and_loads(report, tmp_path, capsys) -> None:
    out = tmp_path / "2023-H1"
    assert main(["extract", str(report), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "period 2023年上半年" in said and "draft" in said
    document = tomllib.loads((out / "report.toml").read_text(encoding="utf-8"))
    assert document["period"]["status"] == "draft"
    assert document["period"]["source_file"] == "总结.txt"
    value_added = next(i for i in document["indicator"] if i["value"] == 52.3)
    assert value_added["quote"].startswith("2023年1-5月") and value_added["quote_line"] == 2
    assert value_added["months"] == [1, 5] and value_added["rank"] == 4
    assert value_added["ranks"] == [{"rank": 20, "scope": "全省", "of": "value"}]
    assert all("quote" in t and "quote_line" in t for t in document["tier"])
    assert {t["kind"] for t in document["tier"]} == {"new", "total"}
    assert main(["check", str(out)]) == 0


def test_dump_shows_every_proposal_with_its_sentence(report, tmp_path, capsys) -> None:
    out = tmp_path / "p"
    main(["extract", str(report), "-o", str(out)])
    capsys.readouterr()
    assert main(["dump", str(out)]) == 0
    period = json.loads(capsys.readouterr().out)["periods"][0]
    value_added = next(i for i in period["indicators"] if i["value"] == 52.3)
    assert value_added["quote_line"] == 2 and "52.3亿元" in value_added["quote"]
    assert [r["rank"] for r in value_added["ranks"]] == [4, 20]
    assert {t["kind"] for t in period["tiers"]} == {"new", "total"}


def test_never_overwrites_an_output_folder(report, tmp_path, capsys) -> None:
    out = tmp_path / "taken"
    out.mkdir()
    (out / "mine.txt").write_text("keep", encoding="utf-8")
    assert main(["extract", str(report), "-o", str(out)]) == 1
    assert "never overwrites" in capsys.readouterr().err
    assert (out / "mine.txt").read_text(encoding="utf-8") == "keep"
    assert not (out / "report.toml").exists()


def test_into_adds_a_draft_period_whose_ids_continue_the_series(report, tmp_path, capsys) -> None:
    dataset = tmp_path / "ds"
    init_dataset(dataset)  # the bundled 2022 H1 seed dataset
    assert main(["extract", str(report), "--into", str(dataset)]) == 0
    added = dataset / "2023M01-M06" / "report.toml"
    document = tomllib.loads(added.read_text(encoding="utf-8"))
    ids = {i["name"]: i["id"] for i in document["indicator"]}
    assert ids["规模以上工业增加值"] == "above_scale_value_added"  # = 规上工业增加值 in 2022
    assert ids["规上工业总产值"] == "above_scale_output"
    capsys.readouterr()
    assert main(["extract", str(report), "--into", str(dataset)]) == 1
    assert "never replaces" in capsys.readouterr().err


def test_period_option_and_no_output_prints_the_toml(tmp_path, capsys) -> None:
    path = tmp_path / "r.txt"
    path.write_text("1-3月，全县工业用电量2.6亿千瓦时，同比增长8%。\n", encoding="utf-8")
    assert main(["extract", str(path), "--period", "2021Q1"]) == 0
    captured = capsys.readouterr()
    document = tomllib.loads(captured.out)
    assert document["period"]["year"] == 2021 and document["indicator"][0]["yoy_pct"] == 8
    assert main(["extract", str(path)]) == 0
    assert "does not say its year" in capsys.readouterr().err
    assert main(["extract", str(path), "--period", "2021Q9"]) == 1


@pytest.mark.parametrize("name, data, words", [
    ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "另存为"),
    ("a.txt", b"", "empty"),
    ("a.docx", b"PK\x03\x04junk", "damaged")])
def test_bad_files_exit_1_with_a_message_and_no_traceback(tmp_path, subprocess_env, name, data,
                                                          words) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = subprocess.run([sys.executable, "-m", "econdash", "extract", str(path), "-o",
                             str(tmp_path / "out")], capture_output=True, text=True,
                            env=subprocess_env)
    assert result.returncode == 1
    assert words in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()

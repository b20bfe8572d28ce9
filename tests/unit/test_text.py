"""Reading a user's file as text: encodings, binary files, NFKC that keeps CSV cells whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from econdash.core.errors import FileProblem
from econdash.core.loaders.csvfile import read_csv_table
from econdash.core.loaders.text import UTF8_BOM, decode, nfkc, read_bytes
from econdash.core.model.schema import CsvSpec

CHINESE = "名称,类别\n项目A,工业\n规上工业总产值,397.3亿元\n"


def test_plain_utf8() -> None:
    decoded = decode(CHINESE.encode("utf-8"), "f.csv")
    assert decoded.encoding == "utf-8"
    assert decoded.text == CHINESE


def test_ascii_is_utf8() -> None:
    assert decode(b"name,category\n", "f.csv").encoding == "utf-8"


def test_utf8_with_bom_drops_the_bom() -> None:
    decoded = decode(UTF8_BOM + CHINESE.encode("utf-8"), "f.csv")
    assert decoded.encoding == "utf-8-sig"
    assert decoded.text == CHINESE
    assert not decoded.text.startswith("\ufeff")


def test_gb18030() -> None:
    decoded = decode(CHINESE.encode("gb18030"), "f.csv")
    assert decoded.encoding == "gb18030"
    assert decoded.text == CHINESE


def test_empty_bytes_are_utf8_text() -> None:
    assert decode(b"", "f.csv").text == ""


@pytest.mark.parametrize(("data", "line"), [
    (b"\x00abc", 1),
    (b"name,category\nA,B\x00\n", 2),
    (b"a\nb\nc\n\x00", 4),
    (b"PK\x03\x04\x14\x00\x06\x00", 1),  # the start of an .xlsx (zip) file
])
def test_nul_bytes_mean_binary(data: bytes, line: int) -> None:
    with pytest.raises(FileProblem) as info:
        decode(data, "projects.csv")
    problem = info.value.problem
    assert problem.file == "projects.csv"
    assert problem.line == line
    assert "NUL" in problem.message and "binary" in problem.message
    assert problem.severity == "error"


@pytest.mark.parametrize(("data", "line"), [
    (b"\x80abc", 1),
    (b"ok\nok\n\xff\xfe", 3),
    (UTF8_BOM + b"a\n\xff", 2),  # a BOM promises UTF-8; bad bytes after it are an error
])
def test_bytes_that_are_neither_utf8_nor_gb18030(data: bytes, line: int) -> None:
    with pytest.raises(FileProblem) as info:
        decode(data, "report.toml")
    problem = info.value.problem
    assert problem.line == line
    assert "neither UTF-8 nor GB18030" in problem.message
    assert "report.toml" in str(info.value)


def test_read_bytes_of_a_folder(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="is a folder"):
        read_bytes(tmp_path, "projects.csv")


def test_read_bytes_of_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="cannot be read"):
        read_bytes(tmp_path / "nope.csv", "nope.csv")


def test_nfkc_turns_full_width_into_ascii() -> None:
    assert nfkc("－１２.５％") == "-12.5%"
    assert nfkc("plain ascii") == "plain ascii"


def test_full_width_comma_stays_inside_its_cell(tmp_path: Path) -> None:
    path = tmp_path / "projects.csv"
    path.write_text("name,category\n项目A，一期,工业\n", encoding="utf-8")
    result = read_csv_table(path, "projects.csv", CsvSpec(required=("name", "category")))
    assert result.problems == []
    assert result.frame is not None
    assert result.frame.rows() == [("项目A,一期", "工业")]


def test_full_width_quote_stays_inside_its_cell(tmp_path: Path) -> None:
    path = tmp_path / "projects.csv"
    path.write_text("name,category\n＂智造＂园,工业\n", encoding="utf-8")
    result = read_csv_table(path, "projects.csv", CsvSpec(required=("name", "category")))
    assert result.problems == []
    assert result.frame is not None and result.frame.rows() == [('"智造"园', "工业")]

"""The text of `econdash check`: series files named as they are (F19)."""

from __future__ import annotations

from pathlib import Path

from econdash.cli import main

SERIES_HEADER = "indicator,year,first_month,last_month,value,unit,yoy_pct\n"


def write_series(path: Path, *rows: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SERIES_HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")


def test_a_dataset_whose_only_series_file_is_in_series_folder(tmp_path: Path, capsys) -> None:
    write_series(tmp_path / "ds" / "series" / "m.csv", "output,2021,1,6,1.5,亿元,2",
                 "output,2022,1,6,1.7,亿元,3")
    assert main(["check", str(tmp_path / "ds")]) == 0
    out = capsys.readouterr().out
    assert "  series/m.csv: 2 observations of 1 indicators" in out
    assert "series.csv" not in out


def test_every_series_file_is_named(tmp_path: Path, capsys) -> None:
    write_series(tmp_path / "ds" / "series.csv", "output,2021,1,6,1.5,亿元,2")
    write_series(tmp_path / "ds" / "series" / "nbs.csv", "gdp,2021,1,12,99,亿元,5")
    main(["check", str(tmp_path / "ds")])
    assert ("  series.csv, series/nbs.csv: 2 observations of 2 indicators"
            in capsys.readouterr().out)


def test_a_series_file_that_failed_is_not_named_as_loaded(tmp_path: Path, capsys) -> None:
    write_series(tmp_path / "ds" / "series.csv", "output,2021,1,6,1.5,亿元,2")
    (tmp_path / "ds" / "series").mkdir()
    (tmp_path / "ds" / "series" / "bad.csv").write_text("nothing useful\n1\n", encoding="utf-8")
    main(["check", str(tmp_path / "ds")])
    out = capsys.readouterr().out
    assert "  series.csv: 1 observations of 1 indicators" in out
    assert "series/bad.csv row 1: error: required column" in out


def test_many_series_files_are_counted(tmp_path: Path, capsys) -> None:
    for year in range(2010, 2020):
        write_series(tmp_path / "ds" / "series" / f"y{year}.csv", f"output,{year},1,6,1.5,亿元,2")
    main(["check", str(tmp_path / "ds")])
    assert ("  series/y2010.csv, series/y2011.csv, series/y2012.csv and 7 more files: "
            "10 observations of 1 indicators" in capsys.readouterr().out)

"""econdash import FILE.xlsx|.xls|.csv --period ID (issue 15): workbooks made the way
Excel and WPS save them, every bad case, and the end-to-end import into 2022FY."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from econdash.cli import main
from econdash.core.admin.table_headers import map_header, norm
from econdash.core.loaders import load_dataset


def _roster(path: Path) -> Path:
    """A roster as Excel saves it: merged title row, merged 级别 cells, dates, a formula
    with its cached value, 繁体 and full-width headers."""
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("名单")
    date = wb.add_format({"num_format": 'yyyy"年"m"月"d"日"'})
    ws.merge_range("A1:F1", "2022年企业荣誉名单")
    ws.write_row(1, 0, ["序号", "企業名稱", "荣誉名称", "级别", "所属镇（街道）", "认定日期"])
    rows = [("甲公司", "专精特新", "溪口镇"), ("乙公司", "专精特新", "锦屏街道"),
            ("丙公司", "隐形冠军", "溪口镇")]
    for i, (name, honour, town) in enumerate(rows):
        ws.write_number(2 + i, 0, i + 1)
        ws.write_row(2 + i, 1, [name, honour])
        ws.write(2 + i, 4, town)
        ws.write_datetime(2 + i, 5, dt.datetime(2022, 5, 1 + i), date)
    ws.merge_range("D3:D4", "省级")
    ws.write(4, 3, "市级")
    ws.write_formula(5, 0, "=A5+1", None, 4)
    ws.write_row(5, 1, ["丁公司", "绿色工厂", "国家级", "岳林街道"])
    ws.write_datetime(5, 5, dt.datetime(2022, 7, 1), date)
    wb.close()
    return path


def _figures(path: Path) -> Path:
    """An indicator table with a two-row merged header (2022年1-12月 over 累计 | 同比增长(%))."""
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("主要指标")
    ws.merge_range("A1:E1", "2022年1-12月主要经济指标")
    ws.merge_range("A2:A3", "指标名称")
    ws.merge_range("B2:B3", "单位")
    ws.merge_range("C2:D2", "2022年1-12月")
    ws.write_row(2, 2, ["累计", "同比增长(%)"])
    ws.merge_range("E2:E3", "备注")
    data = [("规模以上工业总产值", "亿元", 812.5, 8.1), ("规模以上工业增加值", "亿元", 190.2, 6.5),
            ("数字经济核心产业增加值", "亿元", 12.3, -2.0)]
    for i, row in enumerate(data):
        ws.write_row(3 + i, 0, row)
    wb.close()
    return path


@pytest.fixture()
def dataset(tmp_path: Path) -> Path:
    target = tmp_path / "ds"
    assert main(["init", "--to", str(target)]) == 0
    return target


def _import(*args: str) -> int:
    return main(["import", *args])


def test_roster_and_figures_into_a_new_2022fy_period(dataset: Path, tmp_path: Path,
                                                     capsys) -> None:
    assert _import(str(_roster(tmp_path / "r.xlsx")), "--period", "2022FY",
                   "--to", str(dataset)) == 0
    out = capsys.readouterr().out
    assert "企業名稱 → enterprise" in out and "认定日期 → kept as an extra column" in out
    assert _import(str(_figures(tmp_path / "f.xlsx")), "--period", "2022FY",
                   "--to", str(dataset)) == 0
    loaded = load_dataset(dataset)
    assert not loaded.errors
    fy = next(p for p in loaded.periods if p.id == "2022FY")
    roster = fy.enterprises
    assert roster["enterprise"].to_list() == ["甲公司", "乙公司", "丙公司", "丁公司"]
    assert roster["level"].to_list() == ["省级", "省级", "市级", "国家级"]  # merged D3:D4
    assert roster["town"].to_list()[1] == "锦屏街道"
    assert roster["认定日期"].to_list()[0] == "2022-05-01"  # a date, not a serial number
    assert roster["序号"].to_list()[-1] == "4"  # the formula's cached value
    figures = {i.id: i for i in fy.indicators}
    assert figures["above_scale_output"].value == 812.5  # 规模以上 matched 规上: series go on
    assert figures["above_scale_output"].yoy_pct == 8.1
    assert figures["above_scale_value_added"].unit == "亿元"
    new = next(i for i in fy.indicators if i.name == "数字经济核心产业增加值")
    assert new.id.startswith("xl_") and new.yoy_pct == -2.0


def test_existing_table_is_replaced_only_with_replace(dataset: Path, tmp_path: Path,
                                                      capsys) -> None:
    roster = _roster(tmp_path / "r.xlsx")
    assert _import(str(roster), "--period", "2022H1", "--to", str(dataset)) == 1
    assert "already has enterprises.csv" in capsys.readouterr().err
    assert _import(str(roster), "--period", "2022H1", "--to", str(dataset), "--replace") == 0
    h1 = load_dataset(dataset).periods[0]
    assert h1.enterprises.height == 4 and len(h1.indicators) == 94  # figures kept
    assert any((dataset / ".backup").iterdir())


def test_gb18030_csv_with_title_row(dataset: Path, tmp_path: Path) -> None:
    text = ("2022年项目清单,,,\n项目名称,项目类型,计划投资,所属镇(街道)\n"
            "智能园,小微企业园,1.5,溪口镇\n气动园,小微企业园,\"1,234.5\",\n")
    path = tmp_path / "projects.csv"
    path.write_bytes(text.encode("gb18030"))
    assert _import(str(path), "--period", "2022FY", "--to", str(dataset)) == 0
    fy = next(p for p in load_dataset(dataset).periods if p.id == "2022FY")
    assert fy.projects["name"].to_list() == ["智能园", "气动园"]
    assert fy.projects["planned_invest"].to_list() == [1.5, 1234.5]


def test_openpyxl_workbook_with_several_sheets_and_sheet_option(dataset: Path,
                                                                tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "说明"
    notes["A1"] = "本表由WPS导出"
    sheet = wb.create_sheet("荣誉")
    sheet.append(["单位名称", "称号", "乡镇", "认定年份"])
    sheet.append(["甲公司", "专精特新", "溪口镇", 2022])
    path = tmp_path / "wps.xlsx"
    wb.save(path)
    assert _import(str(path), "--period", "2022FY", "--to", str(dataset),
                   "--sheet", "荣誉") == 0
    fy = next(p for p in load_dataset(dataset).periods if p.id == "2022FY")
    assert fy.enterprises["year"].to_list() == [2022]


def _bad(dataset: Path, path: Path, capsys, *words: str) -> None:
    before = sorted(p.name for p in dataset.iterdir())
    assert _import(str(path), "--period", "2022FY", "--to", str(dataset)) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "nothing was imported" in err
    for word in words:
        assert word in err, err
    assert sorted(p.name for p in dataset.iterdir()) == before


def test_password_protected_workbook(dataset, tmp_path, capsys) -> None:
    path = tmp_path / "locked.xlsx"
    # What Excel writes for a workbook with a password: an OLE container holding the
    # EncryptionInfo and EncryptedPackage streams (names in UTF-16 in its directory).
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
                     + "EncryptionInfo".encode("utf-16-le") + b"\0" * 100
                     + "EncryptedPackage".encode("utf-16-le") + b"\0" * 1000)
    _bad(dataset, path, capsys, "locked.xlsx", "password-protected")


def test_corrupt_empty_renamed_and_wps(dataset, tmp_path, capsys) -> None:
    good = _roster(tmp_path / "good.xlsx").read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(good[: len(good) // 2])
    _bad(dataset, tmp_path / "cut.xlsx", capsys, "cut.xlsx", "cannot be read as a workbook")
    (tmp_path / "empty.xlsx").write_bytes(b"")
    _bad(dataset, tmp_path / "empty.xlsx", capsys, "empty")
    (tmp_path / "text.xlsx").write_text("企业名称,荣誉名称\n", encoding="utf-8")
    _bad(dataset, tmp_path / "text.xlsx", capsys, "not an .xlsx workbook")
    (tmp_path / "book.et").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    _bad(dataset, tmp_path / "book.et", capsys, "WPS spreadsheet", "另存为")
    (tmp_path / "doc.wps").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    _bad(dataset, tmp_path / "doc.wps", capsys, "WPS text document")


def test_workbook_with_no_cells_and_sheet_without_header(dataset, tmp_path, capsys) -> None:
    wb = openpyxl.Workbook()
    wb.save(tmp_path / "blank.xlsx")
    _bad(dataset, tmp_path / "blank.xlsx", capsys, "no cells")
    wb = openpyxl.Workbook()
    wb.active.title = "数据"
    wb.active.append(["甲公司", "专精特新"])
    wb.active.append(["乙公司", "隐形冠军"])
    wb.save(tmp_path / "noheader.xlsx")
    _bad(dataset, tmp_path / "noheader.xlsx", capsys, "sheet '数据' row 1", "no header row")


def test_duplicate_columns_named_with_sheet_row_column(dataset, tmp_path, capsys) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "名单"
    wb.active.append(["企业名称", "荣誉名称", "备注", "备注"])
    wb.active.append(["甲公司", "专精特新", "a", "b"])
    wb.save(tmp_path / "dup.xlsx")
    _bad(dataset, tmp_path / "dup.xlsx", capsys, "sheet '名单' row 1, column 'D'",
         "both named '备注'")
    wb = openpyxl.Workbook()
    wb.active.append(["企业名称", "单位名称", "荣誉名称"])
    wb.active.append(["甲", "乙", "丙"])
    wb.save(tmp_path / "same.xlsx")
    _bad(dataset, tmp_path / "same.xlsx", capsys, "column 'B'", "both mean 'enterprise'")


def test_bad_number_is_named_where_it_was_typed(dataset, tmp_path, capsys) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "指标"
    wb.active.append(["2022年主要指标"])
    wb.active.append(["指标名称", "单位", "1-12月", "同比增长(%)"])
    wb.active.append(["规上工业总产值", "亿元", "约800", 8.1])
    wb.save(tmp_path / "bad.xlsx")
    _bad(dataset, tmp_path / "bad.xlsx", capsys, "sheet '指标' row 3, column 'C'", "约800")


def test_two_row_header_from_a_csv_excel_saved() -> None:
    import polars as pl

    from econdash.core.admin.table_parse import parse_sheet
    from econdash.core.admin.table_read import Sheet
    rows = [["指标名称", "单位", "2022年1-6月", None], [None, None, "本期", "同比增长(%)"],
            ["规上工业总产值", "亿元", "397.3", "8.6"]]
    frame = pl.DataFrame({f"c{i}": [r[i] for r in rows] for i in range(4)})
    table = parse_sheet(Sheet("s", frame), "t.csv")
    assert table.kind == "indicators"
    assert [m.header for m in table.mapping][2:] == ["2022年1-6月 本期", "2022年1-6月 同比增长(%)"]
    assert table.mapping[2].span == (1, 6)


def test_synonyms_and_normalisation() -> None:
    assert norm("規模以上工業增加值") == norm("规上工业增加值")
    assert map_header("所属镇（街道）").column == "town"
    assert map_header("乡镇").column == "town"
    assert map_header("认定年份").column == "year"
    assert map_header("1-12月").span == (1, 12)
    assert not map_header("2022年1-12月主要经济指标").known


def test_merge_ranges_read_from_the_xlsx_xml(tmp_path) -> None:
    from econdash.core.admin.table_merges import sheet_merges
    path = _roster(tmp_path / "r.xlsx")
    merges, row, col = sheet_merges(path, ["名单"])["名单"]
    assert (row, col) == (0, 0) and len(merges) == 2
    with zipfile.ZipFile(path) as archive:
        assert b"mergeCell" in archive.read("xl/worksheets/sheet1.xml")

"""Pilot tests of the export dialog (key e): a path prefilled in the current
folder; Enter writes exactly the rows the table shows; errors keep it open."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static
from ui_support import Scenario, notices_of, plain, run_scenario

from econdash.core.output.table_export import header as export_header
from econdash.tui.app import EcondashApp
from econdash.tui.screens.export_dialog import ExportScreen
from econdash.tui.screens.indicators import IndicatorsScreen
from econdash.tui.screens.projects import ProjectsScreen
from econdash.tui.widgets.frame_table import FrameTable

BOM = b"\xef\xbb\xbf"

@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(scenario: Scenario, lang: str = "zh") -> None:
    run_scenario(scenario, size=(140, 40), lang=lang)


async def open_dialog(app: EcondashApp, pilot: Pilot) -> tuple[ExportScreen, Input]:
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, ExportScreen)
    field = app.screen.query_one("#export-path", Input)
    return app.screen, field


async def submit(pilot: Pilot, field: Input, path: Path | str | None = None) -> None:
    if path is not None:
        field.value = str(path)
    await pilot.press("enter")
    await pilot.pause()


def messages(app: EcondashApp) -> list[tuple[str, str]]:
    return notices_of(app)


def test_projects_filtered_sorted_to_csv_and_xlsx_and_bad_paths(tmp_path: Path) -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, ProjectsScreen)
        section = app.screen
        await pilot.press("slash", *"园区", "enter")
        await pilot.pause()
        table = section.query_one(FrameTable)
        shown = table.view_frame
        assert 0 < table.row_count == shown.height < table.total_count

        # Enter on the prefilled path writes a CSV of exactly the rows shown.
        dialog, field = await open_dialog(app, pilot)
        default = tmp_path / "econdash-projects-2022M01-M06.csv"
        assert field.value == str(default) and field.has_focus
        title = plain(dialog.query_one(".dialog-title", Static).content)
        assert f"（{shown.height} 行）" in title
        await submit(pilot, field)
        assert app.screen is section  # the dialog closed
        assert default.read_bytes().startswith(BOM)
        back = pl.read_csv(default)
        assert back["名称"].to_list() == shown["name"].to_list()  # headers in the interface language
        assert back.columns == [export_header(c, "zh") for c in shown.columns if not c.startswith("__")]
        assert messages(app) == [(f"已导出 {shown.height} 行到 {default}", "information")]

        # Sorted rows go out in the order shown; the file name picks XLSX.
        table.sort_by("name", descending=True)
        await pilot.pause()
        order = table.view_frame["name"].to_list()
        assert order == sorted(order, reverse=True) and order != shown["name"].to_list()
        _, field = await open_dialog(app, pilot)
        await submit(pilot, field, tmp_path / "projects.xlsx")
        sheet = openpyxl.load_workbook(tmp_path / "projects.xlsx").active
        header = [c.value for c in sheet[1]]
        names = [row[header.index("名称")] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert names == order
        assert sheet.title.startswith("2022年上半年 项目")

        # A path that cannot be written, or an unknown format: say so, stay open.
        (tmp_path / "afile").write_text("x")
        dialog, field = await open_dialog(app, pilot)
        await submit(pilot, field, tmp_path / "afile" / "out.csv")
        assert app.screen is dialog
        message, severity = messages(app)[-1]
        assert severity == "error" and message.startswith("导出失败：")
        await submit(pilot, field, tmp_path / "out.json")
        assert app.screen is dialog
        assert "未知的导出格式" in messages(app)[-1][0]
        # Esc closes without writing anything.
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is section
        assert sorted(os.listdir(tmp_path)) == ["afile", default.name, "projects.xlsx"]

    run(scenario)


def test_markdown_from_indicators_has_the_brief_and_english_messages(tmp_path: Path) -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, IndicatorsScreen)
        await pilot.press("slash", *"投资", "enter")
        await pilot.pause()
        table = app.screen.query_one(FrameTable)
        shown = table.view_frame
        _, field = await open_dialog(app, pilot)
        assert field.value == str(tmp_path / "econdash-indicators-2022M01-M06.csv")
        await submit(pilot, field, tmp_path / "brief.md")
        text = (tmp_path / "brief.md").read_text(encoding="utf-8")
        assert text.startswith("# 2022年上半年 指标\n\n**2022年上半年** · XX区\n")
        assert "增长最快：" in text
        header, separator, *rows = [l for l in text.splitlines() if l.startswith("|")]
        assert separator.startswith("|---|")
        assert len(rows) == shown.height
        column = header.strip("| ").split(" | ").index("编号")
        assert [r.strip("| ").split(" | ")[column] for r in rows] == shown["id"].to_list()

        # In English: the English title, brief and message.
        await pilot.press("l")
        await pilot.pause()
        _, field = await open_dialog(app, pilot)
        await submit(pilot, field, tmp_path / "brief-en.md")
        text = (tmp_path / "brief-en.md").read_text(encoding="utf-8")
        assert text.startswith("# 2022 H1 Indicators\n\n**2022 H1** · XX区\n")
        assert "Fastest growth: " in text
        assert messages(app)[-1][0] == (f"Exported {shown.height} rows to "
                                        f"{tmp_path / 'brief-en.md'}")

    run(scenario)


def test_enter_twice_in_one_read_exports_once_and_closes_only_the_dialog(tmp_path: Path) -> None:
    """Two Enters arriving together (fast typing, a batched ssh read): the second must not
    export again nor pop the section under the dialog (F2a: ScreenStackError)."""
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await pilot.press("4")
        await pilot.pause()
        dialog, field = await open_dialog(app, pilot)
        field.value = str(tmp_path / "twice.csv")
        dialog.post_message(Input.Submitted(field, field.value))
        dialog.post_message(Input.Submitted(field, field.value))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ProjectsScreen)
        assert [m for m, _ in messages(app) if "twice.csv" in m] != []
        assert len([m for m, _ in messages(app) if "twice.csv" in m]) == 1
    run(scenario)


def test_escape_twice_closes_only_the_dialog() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await pilot.press("4")
        await pilot.pause()
        dialog, _ = await open_dialog(app, pilot)
        dialog.action_close()
        dialog.action_close()
        await pilot.pause()
        assert isinstance(app.screen, ProjectsScreen)
    run(scenario)


def test_an_xlsx_export_says_when_excel_cut_a_cell(tmp_path: Path) -> None:
    """F17: a 40,003-character note was cut to 32,767 in the .xlsx without a word."""
    frame = pl.DataFrame({"name": ["a", "b"], "note": ["short", "x" * 40_003]})

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await app.push_screen(ExportScreen(frame, tmp_path / "long.xlsx", title="t", brief=None))
        await pilot.pause()
        await submit(pilot, app.screen.query_one("#export-path", Input))
        shown = messages(app)
        assert any("long.xlsx" in m for m, _ in shown)
        assert any("32,767" in m and "备注" in m and "2" in m and severity == "warning"
                   for m, severity in shown), shown
    run(scenario)

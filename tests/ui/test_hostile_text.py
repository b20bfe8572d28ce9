"""Text from the data or typed by the user is shown as text: never parsed as markup,
never written raw to the terminal (F1, F7 of the hostile test).

One dataset puts markup-like text (`[/]`, `[x=1`, `[@click=app.quit]`) and control
characters into every field a screen shows; the scenario opens every section, detail,
dialog and the palette on it and checks the text appears literally.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot

from econdash.core.loaders import load_dataset
from econdash.tui.app import EcondashApp

NASTY = "[/]"
ODD = "[x=1"
CLICK = "[@click=app.quit]x[/]"

REPORT = f"""\
[period]
year = 2022
months = [1, 6]
label = "上半年{NASTY}\\u001b]0;PWNED\\u0007"
region = "XX区{ODD}"
source = "来源{CLICK}"
"{ODD}" = "an unknown key whose name is markup"

[[indicator]]
id = "output"
name = "规上工业总产值{NASTY}"
name_en = "Output{ODD}"
category = "工业{NASTY}"
value = 397.3
unit = "亿元{NASTY}"
yoy_pct = 8.6
rank = 3
rank_scope = "全市{ODD}"
note = "备注{CLICK}"
headline = true

[[indicator]]
id = "added"
name = "增加值[b]"
category = "工业{NASTY}"
value = 100.0
unit = "亿元"
yoy_pct = -1.5
headline = true

[[tier]]
programme = "专精特新{NASTY}"
level = "省级{ODD}"
count = 3
"""
PROJECTS = f"name,category,town,status,rating,{NASTY}col\n项目{NASTY},工业{ODD},镇{CLICK},在建,二星级,x\n"
ENTERPRISES = (f"enterprise,programme,level,status,town,industry\n"
               f"企业{NASTY},专精特新{NASTY},省级{ODD},认定,镇{ODD},行业{CLICK}\n")
SERIES = (f"indicator,year,first_month,last_month,value,yoy_pct,name,unit\n"
          f"output,2021,1,6,300,5.0,产值{NASTY},亿元{ODD}\n"
          f"output,2022,1,6,397.3,8.6,产值{NASTY},亿元{ODD}\n")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = tmp_path / "ds"
    period = root / "p1"
    period.mkdir(parents=True)
    (root / "dataset.toml").write_text(f'name = "数据{NASTY}"\n', encoding="utf-8")
    (period / "report.toml").write_text(REPORT, encoding="utf-8")
    (period / "projects.csv").write_text(PROJECTS, encoding="utf-8")
    (period / "enterprises.csv").write_text(ENTERPRISES, encoding="utf-8")
    (root / "series.csv").write_text(SERIES, encoding="utf-8")
    return root


async def settle(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.pause()


def test_every_screen_shows_markup_like_data_as_text(hostile: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    dataset = load_dataset(hostile)
    assert dataset.periods, dataset.problems

    async def main() -> None:
        app = EcondashApp(dataset=dataset)
        toasts: list[str] = []
        notify = app.notify
        app.notify = lambda message, **kw: (toasts.append(message), notify(message, **kw))[1]
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await settle(pilot)
            assert any(ODD in t for t in toasts), toasts  # the warning names the key as written
            for keys in (["2"], ["enter"], ["escape"], ["3"], ["4"], ["enter"], ["escape"],
                         ["5"], ["enter"], ["escape"], ["6"], ["enter"], ["escape"], ["c"],
                         ["escape"], ["question_mark"], ["escape"], ["exclamation_mark"],
                         ["escape"], ["l"], ["1"], ["2"], ["l"]):
                await pilot.press(*keys)
                await settle(pilot)
            await pilot.press("ctrl+p")
            await settle(pilot)
            await pilot.press(*"[/]")
            await pilot.pause(0.3)
            await pilot.press("escape")
            await settle(pilot)
            # An export name holding markup is written and reported as typed.
            await pilot.press("4", "e")
            await settle(pilot)
            field = app.screen.query_one("Input")
            field.value = str(tmp_path / f"x{NASTY}.csv")
            await pilot.press("enter")
            await settle(pilot)
            assert (tmp_path / f"x{NASTY}.csv").is_file()
            assert any(f"x{NASTY}.csv" in t for t in toasts), toasts
            assert app.is_running  # the [@click=app.quit] text did not quit the app
    asyncio.run(main())

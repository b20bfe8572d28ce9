"""The honour ladder in the honour system's order (core/query/roster.py: ladder_order)."""

from __future__ import annotations

import polars as pl

from econdash.core.loaders import load_dataset
from econdash.core.paths import bundled_dataset
from econdash.core.query.roster import ladder_order, roster_summary
from econdash.core.query.tables import tier_ladder


def ladder(rows: list[tuple[str, str | None, str | None]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={"programme": pl.String, "level": pl.String,
                                      "status": pl.String}, orient="row")


def test_programmes_follow_their_ladders_then_the_rest_by_level() -> None:
    shuffled = ladder([
        ("节水型企业", None, "创建"), ("三星级绿色工厂", None, "认定"),
        ("专精特新“小巨人”", "国家级", "认定"), ("隐形冠军", "省级", "认定"),
        ("首台套", "省级", "认定"), ("创新型中小企业", "省级", "入库"),
        ("专精特新重点“小巨人”", "国家级", "入选"), ("制造业单项冠军", "国家级", "认定"),
        ("专精特新中小企业", "省级", "认定"), ("大优强企业培育库", "市级", "考核初审"),
    ])
    order = ladder_order(shuffled)["programme"].to_list()
    assert order == ["创新型中小企业", "专精特新中小企业", "专精特新“小巨人”",
                     "专精特新重点“小巨人”", "制造业单项冠军", "隐形冠军", "三星级绿色工厂",
                     "首台套", "大优强企业培育库", "节水型企业"]


def test_rungs_go_by_level_then_status() -> None:
    rungs = ladder([
        ("制造业单项冠军", "市级", "培育"), ("制造业单项冠军", "区级", "认定"),
        ("制造业单项冠军", "国家级", "培育"), ("制造业单项冠军", "市级", "认定"),
        ("制造业单项冠军", "省级", "认定"), ("制造业单项冠军", "国家级", "认定"),
        ("制造业单项冠军", None, "认定"),
    ])
    assert list(ladder_order(rungs).select("level", "status").iter_rows()) == [
        ("国家级", "认定"), ("国家级", "培育"), ("省级", "认定"), ("市级", "认定"),
        ("市级", "培育"), ("区级", "认定"), (None, "认定")]


def test_the_seed_ladder_starts_with_the_sme_ladder_and_champions_by_level() -> None:
    period = load_dataset(bundled_dataset()).periods[-1]
    summary = roster_summary(period, "zh")
    rows = list(summary.ladder.select("programme", "level").iter_rows())
    assert [p for p, _ in rows[:3]] == ["专精特新中小企业", "专精特新小巨人", "专精特新重点小巨人"]
    champion = [level for programme, level in rows if programme == "制造业单项冠军"]
    assert champion == ["国家级", "国家级", "省级", "市级", "市级"]
    assert summary.ladder.height == tier_ladder(period).height  # reordered, nothing lost

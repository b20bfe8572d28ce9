"""Contract v1.1 in report.toml: yoy_pp + pp_basis, rank_of and [[indicator.ranks]],
completion_pct, tier kind, quote/quote_line; loaded, checked, dumped; v1 files unchanged."""

from __future__ import annotations

import json

from econdash.core.loaders import load_dataset
from econdash.core.model.dataset import RankEntry
from econdash.core.output.dump import dump_json

EXTENDED = """
[[indicator]]
id = "value_added"
name = "规上工业增加值"
category = "工业"
yoy_pct = 5.6
yoy_pp = -0.8
pp_basis = "上年同期"
rank = 13
rank_scope = "全省"
rank_of = "growth"
completion_pct = 62.5
quote = "增幅居全省第13位、珠三角第6位"
quote_line = 7

[[indicator.ranks]]
rank = 6
scope = "珠三角"
of = "growth"

[[tier]]
programme = "专精特新中小企业"
level = "省级"
count = 15
kind = "new"
quote = "新增省级专精特新中小企业15家"
quote_line = 9
"""


def test_extended_keys_load(tmp_path, write_period, report_text) -> None:
    write_period(tmp_path / "2023-Q3", report_text(EXTENDED, year=2023, months=(1, 9)))
    dataset = load_dataset(tmp_path)
    assert not dataset.problems, dataset.problems
    period = dataset.periods[0]
    ind = period.indicators[0]
    assert (ind.yoy_pp, ind.pp_basis, ind.completion_pct, ind.rank_of) == (-0.8, "上年同期", 62.5, "growth")
    assert ind.ranks == (RankEntry(13, "全省", "growth"), RankEntry(6, "珠三角", "growth"))
    assert (ind.quote, ind.quote_line) == ("增幅居全省第13位、珠三角第6位", 7)
    tier = period.tiers[0]
    assert (tier.kind, tier.quote_line) == ("new", 9)


def test_extended_keys_are_dumped(tmp_path, write_period, report_text) -> None:
    write_period(tmp_path / "2023-Q3", report_text(EXTENDED, year=2023, months=(1, 9)))
    period = json.loads(dump_json(load_dataset(tmp_path)))["periods"][0]
    ind = period["indicators"][0]
    assert ind["yoy_pp"] == -0.8 and ind["quote_line"] == 7
    assert ind["ranks"][1] == {"rank": 6, "scope": "珠三角", "of": "growth"}
    assert period["tiers"][0]["kind"] == "new"


def test_bad_extended_values_are_located_problems(tmp_path, write_period, report_text) -> None:
    bad = EXTENDED.replace('kind = "new"', 'kind = "newly"').replace('of = "growth"', 'of = "size"')
    write_period(tmp_path / "2023-Q3", report_text(bad, year=2023, months=(1, 9)))
    messages = [str(p) for p in load_dataset(tmp_path).problems]
    assert any("kind" in m and "newly" in m for m in messages), messages
    assert any("'of'" in m and "size" in m for m in messages), messages


def test_v1_reports_load_unchanged(bundled) -> None:
    dataset = load_dataset(bundled)
    assert not dataset.errors
    ind = dataset.periods[0].indicator("above_scale_value_added")
    assert ind.ranks == (RankEntry(3, "全市", "value"),)
    assert ind.yoy_pp is None and ind.quote is None
    assert all(t.kind is None for t in dataset.periods[0].tiers)

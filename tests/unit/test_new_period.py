"""`econdash new-period`: a draft that keeps what the last period knew (ids, names, units,
categories, span patterns, rank scopes, notes, honour tiers), figures empty; the dashboard
does not open on it and check names every empty figure."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from dataset_files import dataset_copy

from econdash.cli import main
from econdash.core.admin.importing import new_period
from econdash.core.admin.period_template import carried_span
from econdash.core.loaders import load_dataset
from econdash.core.model.dataset import opening_index
from econdash.core.model.period import Period

H1, Q3 = "2022M01-M06", "2022M01-M09"


@pytest.fixture
def drafted(tmp_path: Path) -> tuple[Path, dict]:
    target = dataset_copy(tmp_path)
    new_period(Q3, target)
    data = tomllib.loads((target / Q3 / "report.toml").read_text(encoding="utf-8"))
    return target, data


def by_id(data: dict) -> dict[str, dict]:
    return {i["id"]: i for i in data["indicator"]}


def test_the_new_period_is_a_draft(drafted) -> None:
    target, data = drafted
    assert data["period"]["status"] == "draft"
    dataset = load_dataset(target)
    assert dataset.errors == ()
    assert dataset.period(Q3).is_draft
    assert dataset.periods[opening_index(dataset.periods)].id == H1  # opens where it did


def test_figures_keep_their_lag_behind_the_report(drafted) -> None:
    target, data = drafted
    seed = load_dataset(target).period(H1)
    lagging = [i for i in seed.indicators if i.span != seed.period]
    assert len(lagging) == 23  # the seed's own spans: 1-5月, 1-4月, 一季度
    indicators = by_id(data)
    assert indicators["above_scale_value_added"]["months"] == [1, 8]  # 1-5月 of 1-6月
    assert indicators["below_scale_value_added"]["months"] == [1, 6]  # 一季度 of 1-6月
    whole = [i for i in seed.indicators if i.span == seed.period]
    assert all("months" not in indicators[i.id] for i in whole)
    assert sum("months" in i for i in data["indicator"]) == 23


def test_indicators_keep_names_units_categories_rank_scopes_notes(drafted) -> None:
    target, data = drafted
    seed = load_dataset(target).period(H1)
    indicators = by_id(data)
    assert list(indicators) == [i.id for i in seed.indicators]
    for ind in seed.indicators:
        entry = indicators[ind.id]
        assert (entry["name"], entry.get("unit"), entry["category"], entry.get("rank_scope"),
                entry.get("note"), entry.get("name_en")) == (
            ind.name, ind.unit, ind.category, ind.rank_scope, ind.note, ind.name_en)
        assert entry["value"] == "" and entry["yoy_pct"] == ""
    assert indicators["above_scale_value_added"]["rank"] == ""


def test_every_honour_tier_is_carried_with_its_count_empty(drafted) -> None:
    target, data = drafted
    seed = load_dataset(target).period(H1)
    assert len(data["tier"]) == len(seed.tiers) == 18
    assert [(t["programme"], t.get("level"), t.get("status")) for t in data["tier"]] == \
        [(t.programme, t.level, t.status) for t in seed.tiers]
    assert all(t["count"] == "" for t in data["tier"])
    assert all(t.count is None for t in load_dataset(target).period(Q3).tiers)


def test_check_names_the_empty_figures_and_strict_fails(drafted, capsys) -> None:
    target, _ = drafted
    assert main(["check", str(target)]) == 0
    out = capsys.readouterr().out
    assert out.count("has no value and no yoy_pct yet") == 94
    assert out.count("has no count yet") == 18
    assert main(["check", "--strict", str(target)]) == 1


def test_the_cli_says_it_wrote_a_draft(tmp_path: Path, capsys) -> None:
    target = dataset_copy(tmp_path)
    assert main(["new-period", "2022Q3", "--to", str(target)]) == 0
    assert "a draft of 2022Q3" in capsys.readouterr().out


@pytest.mark.parametrize("span, old, new, expected", [
    ((1, 6), (1, 6), (1, 9), None),           # the whole report, again
    ((1, 5), (1, 6), (1, 9), (1, 8)),         # one month behind, cumulative
    ((1, 3), (1, 6), (1, 12), (1, 9)),        # 一季度 in 上半年 → 前三季度 in 全年
    ((5, 5), (1, 6), (1, 9), (8, 8)),         # a single month behind
    ((1, 3), (1, 6), (1, 2), None),           # the lag does not fit: the whole report
    ((1, 11), (1, 12), (1, 12), (1, 11)),     # next year's same report
])
def test_carried_span(span, old, new, expected) -> None:
    assert carried_span(Period(2022, *span), Period(2022, *old), Period(2023, *new)) == expected

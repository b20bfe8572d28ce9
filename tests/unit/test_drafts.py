"""Draft periods in the core: loaded and marked, kept out of trends and comparisons,
not opened on while a final period exists; dump shows them, check names empty figures."""

from __future__ import annotations

import json

from draft_support import DRAFT_REPORT, make_dataset

from econdash.cli import main
from econdash.core.loaders import load_dataset
from econdash.core.model.dataset import opening_index
from econdash.core.query.compare import comparable_periods
from econdash.core.query.series import observations

EMPTY_DRAFT = DRAFT_REPORT.replace("value = 171.7", 'value = ""').replace(
    "yoy_pct = 7\n", 'yoy_pct = ""\n').replace("count = 1", 'count = ""')


def test_a_draft_loads_with_its_status_source_and_quotes(tmp_path):
    period = load_dataset(make_dataset(tmp_path)).period("2022M01-M09")
    assert period.is_draft and period.status == "draft"
    assert period.source_file == "工作总结.docx"
    ind = period.indicator("above_scale_value_added")
    assert (ind.quote_line, ind.quote[:9]) == (12, "实现规上工业增加值")
    assert period.tiers[0].quote_line == 31


def test_a_period_without_status_is_final(tmp_path):
    period = load_dataset(make_dataset(tmp_path)).period("2022M01-M06")
    assert period.status == "final" and not period.is_draft


def test_an_unknown_status_is_an_error_naming_the_line(tmp_path):
    root = make_dataset(tmp_path, draft=DRAFT_REPORT.replace('"draft"', '"drft"'))
    dataset = load_dataset(root)
    assert any("status" in p.message and p.line == 5 for p in dataset.errors)


def test_opens_on_the_newest_final_period_not_a_newer_draft(tmp_path):
    dataset = load_dataset(make_dataset(tmp_path))
    assert [p.id for p in dataset.periods] == ["2022M01-M06", "2022M01-M09"]
    assert opening_index(dataset.periods) == 0


def test_a_dataset_of_drafts_only_opens_on_the_newest(tmp_path):
    dataset = load_dataset(make_dataset(tmp_path, final=None))
    assert opening_index(dataset.periods) == 0 and dataset.periods[0].is_draft


def test_drafts_stay_out_of_trends(tmp_path):
    obs = observations(load_dataset(make_dataset(tmp_path)))
    assert obs.filter(obs["indicator"] == "above_scale_value_added")["source"].to_list() \
        == ["2022M01-M06"]
    assert "industrial_investment" not in obs["indicator"].to_list()


def test_drafts_stay_out_of_comparisons(tmp_path):
    dataset = load_dataset(make_dataset(tmp_path))
    assert [p.id for p in comparable_periods(dataset)] == ["2022M01-M06"]


def test_dump_shows_every_proposal_marked_as_a_draft(tmp_path, capsys):
    assert main(["dump", str(make_dataset(tmp_path))]) == 0
    periods = json.loads(capsys.readouterr().out)["periods"]
    assert [p["status"] for p in periods] == ["final", "draft"]
    draft = periods[1]
    assert draft["source_file"] == "工作总结.docx"
    assert [i["value"] for i in draft["indicators"]] == [171.7, 20.1]
    assert draft["indicators"][0]["quote_line"] == 12
    assert draft["tiers"][0]["count"] == 1


def test_check_warns_of_figures_a_draft_leaves_empty(tmp_path, capsys):
    root = make_dataset(tmp_path, draft=EMPTY_DRAFT)
    assert main(["check", str(root)]) == 0
    out = capsys.readouterr().out
    assert "2022-Q3/report.toml:8: warning: draft 2022M01-M09: indicator " \
           "'above_scale_value_added'" in out
    assert "tier 制造业单项冠军 国家级 认定 has no count yet" in out
    assert "(draft: to review)" in out
    assert "industrial_investment' (" not in out  # it has figures


def test_check_strict_fails_on_empty_draft_figures(tmp_path, capsys):
    root = make_dataset(tmp_path, draft=EMPTY_DRAFT)
    assert main(["check", "--strict", str(root)]) == 1
    assert "FAILED: 0 error(s), 2 warning(s)" in capsys.readouterr().out


def test_an_empty_count_is_still_an_error_in_a_final_period(tmp_path):
    root = make_dataset(tmp_path, draft=EMPTY_DRAFT.replace('status = "draft"\n', ""))
    assert any("count" in p.message for p in load_dataset(root).errors)

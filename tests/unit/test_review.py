"""Reviewing a draft period: decisions → the report.toml written, and what is refused."""

from __future__ import annotations

import tomllib

import pytest
from draft_support import make_dataset

from econdash.core.admin.review import open_review
from econdash.core.errors import EcondashError
from econdash.core.loaders import load_dataset


def _review(tmp_path):
    root = make_dataset(tmp_path / "ds")
    dataset = load_dataset(root)
    return root, open_review(dataset.period("2022M01-M09"), root)


def test_proposals_carry_their_source_sentence(tmp_path):
    _, review = _review(tmp_path)
    assert [(p.kind, p.key, p.quote_line) for p in review.proposals] == [
        ("indicator", "above_scale_value_added", 12), ("indicator", "industrial_investment", 20),
        ("tier", "制造业单项冠军 国家级 认定", 31)]
    assert review.proposals[0].quote.startswith("实现规上工业增加值171.7亿元")


def test_accept_reject_correct_write_the_final_report(tmp_path):
    root, review = _review(tmp_path)
    review.accept(0)
    review.reject(1)
    review.correct(2, "２")  # full-width, as an IME types it
    backup = review.write()
    text = (root / "2022-Q3" / "report.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert "status" not in data["period"]
    assert data["period"]["source_file"] == "工作总结.docx"
    assert [i["id"] for i in data["indicator"]] == ["above_scale_value_added"]
    assert data["indicator"][0]["value"] == 171.7
    assert data["tier"][0]["count"] == 2
    # everything else as it was: comments and the quotes
    assert "# Proposed by econdash extract" in text and "# kept as written" in text
    assert data["indicator"][0]["quote_line"] == 12
    # nothing lost: the draft as it was, in .backup/
    assert backup.parent == root / ".backup"
    assert 'status = "draft"' in backup.read_text(encoding="utf-8")
    period = load_dataset(root).period("2022M01-M09")
    assert not period.is_draft and period.tiers[0].count == 2


def test_correcting_a_value_keeps_growth_and_unit(tmp_path):
    root, review = _review(tmp_path)
    assert review.correct(1, "21.5") == 21.5
    review.accept_all()
    review.write()
    ind = load_dataset(root).period("2022M01-M09").indicator("industrial_investment")
    assert (ind.value, ind.yoy_pct, ind.unit) == (21.5, 15.3, "亿元")


@pytest.mark.parametrize("text, words", [("abc", "is not a number"), ("", "type a number")])
def test_a_bad_value_is_refused_with_a_message(tmp_path, text, words):
    _, review = _review(tmp_path)
    with pytest.raises(EcondashError, match=words):
        review.correct(0, text)
    assert review.proposals[0].state == "pending"


def test_a_count_must_be_a_whole_number(tmp_path):
    _, review = _review(tmp_path)
    with pytest.raises(EcondashError, match="whole number"):
        review.correct(2, "1.5")


def test_pending_proposals_block_the_write(tmp_path):
    root, review = _review(tmp_path)
    review.accept(0)
    before = (root / "2022-Q3" / "report.toml").read_bytes()
    with pytest.raises(EcondashError, match="2 proposal"):
        review.write()
    assert (root / "2022-Q3" / "report.toml").read_bytes() == before
    assert not (root / ".backup").exists()


def test_a_draft_changed_meanwhile_is_not_overwritten(tmp_path):
    root, review = _review(tmp_path)
    review.accept_all()
    path = root / "2022-Q3" / "report.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited by hand\n", encoding="utf-8")
    with pytest.raises(EcondashError, match="changed since"):
        review.write()
    assert "# edited by hand" in path.read_text(encoding="utf-8")


def test_a_final_period_has_nothing_to_review(tmp_path):
    root = make_dataset(tmp_path / "ds")
    with pytest.raises(EcondashError, match="not a draft"):
        open_review(load_dataset(root).period("2022M01-M06"), root)


def test_rejecting_everything_leaves_the_period_without_figures(tmp_path):
    root, review = _review(tmp_path)
    for number in range(3):
        review.reject(number)
    review.write()
    period = load_dataset(root).period("2022M01-M09")
    assert period.indicators == () and period.tiers == () and not period.is_draft

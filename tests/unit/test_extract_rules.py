"""Extraction rules, one behaviour each, on SYNTHETIC sentences (made up here, not copied
from any report) written the way Chinese work reports write figures."""

from __future__ import annotations

import datetime as dt

import pytest

from econdash.core.extract.chinese import cn_number, fold
from econdash.core.extract.ids import IdMatcher, name_key, new_id
from econdash.core.extract.run import extract_text
from econdash.core.extract.spans import report_period
from econdash.core.model.period import Period

YEAR = Period(2023, 1, 12)  # a period unlike every span below, so each span shows


def figures(text: str, period: Period | None = YEAR):
    return extract_text(text, "synthetic.txt", period).figures


def one(text: str, name_part: str):
    found = [f for f in figures(text) if name_part in f.name]
    assert found, [f.name for f in figures(text)]
    return found[0]


# ---------------------------------------------------------------- values, units, growth

def test_value_unit_growth_and_rank_of_one_clause_group() -> None:
    f = one("1-8月，全区规上工业企业实现工业销售产值512.6亿元，同比增长9.4%，列全市第二位。",
            "销售产值")
    assert (f.name, f.value, f.unit, f.yoy_pct) == ("规上工业销售产值", 512.6, "亿元", 9.4)
    assert [(r.rank, r.scope) for r in f.ranks] == [(2, "全市")]
    assert f.months == (1, 8)


@pytest.mark.parametrize("phrase, expected", [
    ("同比下降4.25%", -4.25), ("增幅-0.6%", -0.6), ("同比增长1.5倍", 150.0),
    ("同比翻番", 100.0), ("增速为3.0%", 3.0), ("同比减少12%", -12.0)])
def test_growth_phrases(phrase: str, expected: float) -> None:
    f = one(f"全县工业用电量3.75亿千瓦时，{phrase}。", "用电量")
    assert f.yoy_pct == pytest.approx(expected)


def test_growth_only_figure_takes_its_subject_as_name() -> None:
    f = one("前三季度，全市工业投资增长11.2%，居全省第5位。", "工业投资")
    assert f.value is None and f.yoy_pct == 11.2
    assert f.ranks[0].rank == 5 and f.ranks[0].of == "growth"


def test_units_with_a_slash_a_space_and_thousands_separators() -> None:
    found = {f.name: f for f in figures("全区规上工业企业亩均税收为35.8万元/亩，工业企业总计2,304 户。")}
    assert found["规上工业企业亩均税收"].unit == "万元/亩"
    assert found["工业企业总计"].value == 2304 if "工业企业总计" in found else \
        any(f.value == 2304 for f in found.values())


def test_a_growth_with_its_own_subject_is_not_given_to_the_value_before() -> None:
    found = figures("其中产值超5亿元企业17家，产值增长6.1%。")
    counts = [f for f in found if f.value == 17]
    assert counts and counts[0].yoy_pct is None
    assert any(f.value is None and f.yoy_pct == 6.1 for f in found)
    assert not any(f.value == 5 for f in found), "a threshold (超5亿元) is not a figure"


def test_month_on_month_and_quarter_changes_are_their_own_figures_never_yoy() -> None:
    found = figures("全区软件业务收入3.4亿元，同比增长12.5%，环比增长8%。"
                    "二季度日均发电量0.92亿千瓦时，较一季度提高6%。")
    income = next(f for f in found if f.value == 3.4)
    assert income.yoy_pct == 12.5
    assert any(f.kind == "other" and f.value == 8 and f.unit == "%" for f in found)
    power = next(f for f in found if f.value == 0.92)
    assert power.yoy_pct is None and power.months == (4, 6)
    assert any(f.kind == "other" and f.value == 6 for f in found)


# ---------------------------------------------------------------- 个百分点

def test_percentage_points_are_signed_by_direction_with_their_basis() -> None:
    up = one("1-7月，全县规上工业增加值增长6.6%，高于全省平均1.5个百分点。", "增加值")
    assert up.yoy_pp == 1.5 and up.pp_basis == "全省"
    down = one("1-7月，全县规上工业增加值增长3.3%，比上年同期回落0.8个百分点。", "增加值")
    assert down.yoy_pp == -0.8


def test_two_growths_pair_with_two_point_changes() -> None:
    found = figures("纺织、印染实现由负转正，产值增长2.1%、0.4%，较同期提高3.2个、1.6个百分点。")
    assert [(f.yoy_pct, f.yoy_pp) for f in found] == [(2.1, 3.2), (0.4, 1.6)]
    assert [f.name for f in found] == ["纺织产值", "印染产值"]


# ---------------------------------------------------------------- lists

def test_respectively_pairs_a_list_of_names_with_a_list_of_growths() -> None:
    found = figures("1-4月，纺织、化工、通用设备等行业产值同比分别增长3.2%、-1.5%和6.8%。")
    assert [(f.name, f.yoy_pct, f.months) for f in found] == [
        ("纺织行业产值", 3.2, (1, 4)), ("化工行业产值", -1.5, (1, 4)),
        ("通用设备行业产值", 6.8, (1, 4))]


def test_a_list_of_names_pairs_with_a_list_of_percentages() -> None:
    found = figures("制造业占比、高技术产业占比达61%、23.5%。")
    assert [(f.name, f.value) for f in found] == [("制造业占比", 61), ("高技术产业占比", 23.5)]


# ---------------------------------------------------------------- ranks

def test_two_scopes_in_one_rank_phrase() -> None:
    f = one("1-9月，全县规模以上工业增加值同比增长5.9%，增幅居全省第11位、苏南第4位。", "增加值")
    assert [(r.rank, r.scope) for r in f.ranks] == [(11, "全省"), (4, "苏南")]


def test_most_in_the_province_is_rank_one_and_a_rank_in_a_group() -> None:
    f = one("新开工工业项目96个、全省最多。", "项目")
    assert [(r.rank, r.scope) for r in f.ranks] == [(1, "全省")]
    sales = figures("全区实现工业开票销售210.4亿元，同比增长7.25%。开票销售增幅在某市四区二县中排名第三。")
    assert [(r.rank, r.scope, r.of) for r in sales[0].ranks] == [(3, "某市四区二县", "growth")]


def test_all_ranked_gives_the_rank_to_every_figure_of_the_sentence() -> None:
    found = figures("我县新认定省级技术中心企业6户，省级工业设计中心3户，各项排名均为第一。")
    assert [f.ranks[0].rank for f in found] == [1, 1]


def test_a_batch_number_is_not_a_rank() -> None:
    f = one("东湖机电等4家企业入选第二批省级绿色工厂。", "绿色工厂")
    assert not f.ranks


# ---------------------------------------------------------------- spans and the period

def test_a_sentence_span_carries_to_the_end_of_its_paragraph_only() -> None:
    found = figures("2023年1-4月，全区工业投资12.5亿元，同比增长3%。技改投资4.1亿元，同比增长9%。\n"
                    "全区规上工业企业达到311家。", Period(2023, 1, 6))
    assert [f.months for f in found] == [(1, 4), (1, 4), None]


def test_an_as_of_date_is_not_a_one_month_span() -> None:
    f = one("截至8月底，全区累计有高新技术企业215家。", "高新技术")
    assert f.months is None


@pytest.mark.parametrize("text, year, months, guessed", [
    ("某区经信局2023年前三季度工作总结\n正文", 2023, (1, 9), False),
    ("工业经济运行简报\n1—5月，全县工业用电量增长3%。", 2026, (1, 5), True),
    ("某县2021年1月份-6月份工作情况\n", 2021, (1, 6), False),
    ("情况通报\n2020年，全市新增规上企业30家。", 2020, (1, 12), False)])
def test_report_period_from_title_or_text(text, year, months, guessed) -> None:
    found = report_period(fold(text), today=dt.date(2026, 1, 2))
    assert (found.year, found.months, found.year_guessed) == (year, months, guessed)


def test_period_given_on_the_command_line_wins() -> None:
    extraction = extract_text("1-3月，全县工业用电量1.2亿千瓦时。", "x.txt", Period(2019, 1, 3))
    assert (extraction.year, extraction.months, extraction.year_guessed) == (2019, (1, 3), False)


# ---------------------------------------------------------------- traditional characters

def test_traditional_characters_read_as_simplified_and_names_keep_their_script() -> None:
    trad = one("1-3月，規模以上工業增加值完成8.6億元，同比增長10.5%，位列全市第四名。", "增加值")
    simp = one("1-3月，规模以上工业增加值完成8.6亿元，同比增长10.5%，位列全市第四名。", "增加值")
    assert (trad.value, trad.yoy_pct, trad.ranks[0].rank) == (simp.value, simp.yoy_pct, 4)
    assert trad.name == "規模以上工業增加值" and trad.unit == "億元"
    assert name_key(trad.name) == name_key(simp.name)


def test_fold_keeps_the_length() -> None:
    text = "全縣工業總產值６５．２８億元，增長３１．３％；"
    assert len(fold(text)) == len(text) and fold(text).startswith("全县工业总产值65.28亿元,")


def test_chinese_numerals() -> None:
    assert [cn_number(x) for x in ("三", "十三", "二十", "两", "一百零五", "7")] == [3, 13, 20, 2, 105, 7]


# ---------------------------------------------------------------- honours, enterprises, parks

def test_honour_counts_become_tiers_with_new_and_total_kept_apart() -> None:
    found = figures("2023年，全市新增省级专精特新中小企业15家，总数达到120家。")
    tiers = [f for f in found if f.kind == "tier"]
    assert [(t.value, t.tier_kind, t.level) for t in tiers] == [(15, "new", "省级"), (120, "total", "省级")]
    assert all("专精特新中小企业" in t.programme for t in tiers)


def test_a_count_after_a_list_of_firms_is_named_by_the_words_after_it() -> None:
    extraction = extract_text("甲乙科技、丙丁电子、戊己材料等3家企业入选省级绿色工厂名单。", "x.txt")
    tier = next(f for f in extraction.figures if f.value == 3)
    assert tier.kind == "tier" and "绿色工厂" in tier.programme
    assert [e.name for e in extraction.enterprises] == ["甲乙科技", "丙丁电子", "戊己材料"]
    assert all(e.level == "省级" for e in extraction.enterprises)


def test_a_chinese_numeral_count_after_a_list_of_firms() -> None:
    found = figures("完成甲乙、丙丁、戊己三家列入市级培育库企业的考核。")
    assert any(f.value == 3 and "培育库" in f.name for f in found)


def test_named_parks_with_a_star_rating_become_project_rows() -> None:
    extraction = extract_text("东湖创业园和西山科技园为三星级，南郊加速器为二星级。", "x.txt")
    assert [(p.name, p.rating) for p in extraction.projects] == [
        ("东湖创业园", "三星级"), ("西山科技园", "三星级"), ("南郊加速器", "二星级")]


# ---------------------------------------------------------------- targets and completion

def test_targets_and_completion_are_their_own_rows() -> None:
    found = figures("全年完成工业投资35.2亿元，同比下降3.1%，完成年任务的62.5%。"
                    "2025年目标是新增规上企业40家。")
    investment = next(f for f in found if f.value == 35.2)
    assert investment.completion_pct == 62.5
    assert any(f.kind == "other" and f.value == 62.5 for f in found)
    target = next(f for f in found if f.value == 40)
    assert target.kind == "other" and target.name.endswith("目标")


def test_every_figure_keeps_its_sentence_and_line() -> None:
    found = figures("标题\n\n全区工业投资20亿元，同比增长5%。")
    assert found[0].line == 3 and found[0].quote == "全区工业投资20亿元,同比增长5%。".replace(",", "，")


# ---------------------------------------------------------------- ids

def test_same_figure_different_words_continue_one_series() -> None:
    matcher = IdMatcher([("above_scale_va", "规上工业增加值"), ("owned_va", "区属规上工业增加值")])
    assert matcher.id_for("规模以上工业增加值") == ("above_scale_va", True)
    assert matcher.id_for("區屬規上工業增加值") == ("owned_va", True)


def test_qualifiers_keep_series_apart_and_new_ids_are_readable_and_stable() -> None:
    matcher = IdMatcher([("above_scale_va", "规上工业增加值")])
    new, continued = matcher.id_for("县属规上工业增加值")
    assert not continued and new.startswith("county_owned_above_scale_industrial_")
    assert new_id("县属规上工业增加值") == new_id("縣屬規上工業增加值")


def test_a_one_month_look_narrows_its_sentence_only() -> None:
    found = figures("1-10月，全市工业投资增长12.5%。10月当月，规上工业增加值增长9.1%。"
                    "全市规模以上工业企业实现营业收入1523.6亿元，同比增长6.2%。")
    assert [f.months for f in found] == [(1, 10), (10, 10), (1, 10)]
    assert found[2].name == "规模以上工业营业收入"


def test_commitments_are_targets() -> None:
    found = figures("确保全年规上工业增加值增长8%以上，力争完成工业投资300亿元。")
    assert [(f.kind, f.name) for f in found] == [("other", "规上工业增加值增长目标"),
                                                 ("other", "工业投资目标")]


def test_a_running_total_after_a_new_count_is_named_by_it() -> None:
    found = figures("今年以来，新增规上工业企业128家，累计达到2156家。")
    assert [f.name for f in found] == ["新增规上工业企业", "规上工业企业累计"]


def test_point_change_against_an_earlier_span() -> None:
    f = one("1-10月，全市规模以上工业增加值同比增长7.8%，增速比1-9月加快0.3个百分点。", "增加值")
    assert (f.yoy_pp, f.pp_basis) == (0.3, "1-9月")


def test_growth_against_last_year_is_yoy_and_completion_is_not_a_target() -> None:
    found = figures("2023年，全县规上工业总产值完成285.3亿元，比上年增长9.6%；工业投资完成63.5亿元，"
                    "完成年度目标的105%；规上工业企业达到186家。")
    assert found[0].yoy_pct == 9.6
    assert found[1].completion_pct == 105
    assert [(f.kind, f.value) for f in found[2:]] == [("other", 105), ("indicator", 186)]


def test_a_target_sentence_makes_every_figure_after_it_a_target() -> None:
    found = figures("2024年目标是新增规上企业60家，新增高新技术企业40家、科技型中小企业90家。")
    assert all(f.kind == "other" and f.name.endswith("目标") for f in found) and len(found) == 3


def test_a_label_before_a_colon_names_the_figures_after_it() -> None:
    found = figures("1.规上工业总产值：完成156.3亿元，同比增长8.2%，增速列全市第2位。\n"
                    "2.规上工业增加值：同比增长7.5%，高于全市平均1.3个百分点。\n"
                    "（三）工业用电量：2.3亿千瓦时，同比增长4.1%。")
    assert [(f.name, f.value, f.yoy_pct) for f in found] == [
        ("规上工业总产值", 156.3, 8.2), ("规上工业增加值", None, 7.5), ("工业用电量", 2.3, 4.1)]
    assert (found[1].yoy_pp, found[1].pp_basis) == (1.3, "全市")


def test_a_section_heading_gives_its_span_to_the_paragraphs_under_it() -> None:
    found = figures("一、1-9月主要指标完成情况\n全区规上工业总产值完成356.2亿元，同比增长6.8%。\n"
                    "（一）工业投资\n完成工业投资45.1亿元，同比增长12%。\n"
                    "二、企业培育\n全区新增规上企业30家。")
    assert [f.months for f in found] == [(1, 9), (1, 9), None]


def test_respectively_growths_go_to_the_list_of_values_before_them() -> None:
    found = figures("全区规上工业营业收入、利润总额分别为123.4亿元、4.5亿元，同比分别增长5%、-3%。")
    assert [(f.name, f.value, f.yoy_pct) for f in found] == [
        ("规上工业营业收入", 123.4, 5), ("利润总额", 4.5, -3)]


def test_respectively_growths_go_to_the_values_of_their_clause_group() -> None:
    found = figures("全市规上工业企业实现营业收入1234.5亿元、利润总额67.8亿元，分别增长5.6%和-2.3%。")
    assert [(f.value, f.yoy_pct) for f in found] == [(1234.5, 5.6), (67.8, -2.3)]


def test_a_growth_rate_that_fell_to_a_level_and_a_scope_before_the_rank_verb() -> None:
    f = one("1-8月，全县规上工业增加值增速回落至3.2%，全市排名第3。", "增加值")
    assert f.yoy_pct == 3.2 and [(r.rank, r.scope) for r in f.ranks] == [(3, "全市")]


def test_approximate_figures_keep_their_number_and_say_so_in_a_note() -> None:
    found = figures("短信发布2.4万余条，参加企业500余家，新增贷款2000多万元。")
    assert [(f.value, f.unit) for f in found] == [(2.4, "万条"), (500, "家"), (2000, "万元")]
    assert all(f.note and "约数" in f.note for f in found)


def test_traditional_report_rules_hold_in_its_own_script() -> None:
    found = figures("1至9月，全區規模以上工業總產值達到1,025.6億元，同比增長11.3%，增幅高於全市平均"
                    "2.4個百分點，排名全市第二。新增規上企業42戶，累計達到318戶。"
                    "工業用電量較上年減少3.2%。技術改造投資增長一倍。")
    assert [(f.name, f.value, f.yoy_pct) for f in found] == [
        ("規模以上工業總產值", 1025.6, 11.3), ("新增規上企業", 42, None), ("規上企業累計", 318, None),
        ("工業用電量", None, -3.2), ("技術改造投資", None, 100)]
    assert found[0].months == (1, 9) and (found[0].yoy_pp, found[0].pp_basis) == (2.4, "全市")

"""Interface text in Chinese (the default) and English.

`tr(key, lang)` looks a string up; a missing English string falls back to
Chinese so nothing ever shows a raw key. Data (names of indicators,
enterprises) carries its own English names in the dataset.
"""

from __future__ import annotations

LANGS = ("zh", "en")

STRINGS: dict[str, tuple[str, str]] = {
    # sections
    "overview": ("总览", "Overview"),
    "indicators": ("指标", "Indicators"),
    "growth": ("增速", "Growth"),
    "projects": ("项目", "Projects"),
    "enterprises": ("企业", "Enterprises"),
    "compare": ("对比", "Compare"),
    # keys
    "key.search": ("搜索", "Search"),
    "key.clear": ("清除筛选", "Clear filters"),
    "key.detail": ("详情", "Details"),
    "key.prev_period": ("上一期", "Prev period"),
    "key.next_period": ("下一期", "Next period"),
    "key.lang": ("English", "中文"),
    "key.quit": ("退出", "Quit"),
    "key.help": ("帮助", "Help"),
    "key.palette": ("命令", "Commands"),
    "key.sort": ("排序", "Sort"),
    "key.category": ("切换类别", "Next category"),
    "key.compare": ("对比", "Compare"),
    "key.export": ("导出", "Export"),
    "key.errors": ("问题", "Problems"),
    # common words
    "period": ("时期", "Period"),
    "region": ("地区", "Region"),
    "source": ("来源", "Source"),
    "dataset": ("数据集", "Dataset"),
    "loading": ("正在加载数据...", "Loading data..."),
    "yoy": ("同比", "YoY"),
    "rank": ("排名", "Rank"),
    "target": ("目标", "Target"),
    "note": ("备注", "Note"),
    "parent": ("上级指标", "Part of"),
    "parts": ("构成", "Parts"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "span": ("时段", "Span"),
    "name": ("名称", "Name"),
    "category": ("类别", "Category"),
    "all": ("全部", "All"),
    "trend": ("走势", "Trend"),
    "no_data": ("本期无数据", "No data for this period"),
    "no_rows": ("无匹配行", "No matching rows"),
    "search_placeholder": ("搜索名称... 回车确认，Esc 清除", "Search names... Enter to keep, Esc to clear"),
    "shown_of": ("显示 {shown} / 共 {total} 行", "{shown} of {total} rows"),
    "observations": ("各期数据", "Observations across periods"),
    "town": ("镇街", "Town"),
    "status": ("状态", "Status"),
    "rating": ("星级", "Rating"),
    "planned": ("计划投资", "Planned"),
    "completed": ("完成投资", "Completed"),
    "completion": ("完成率", "Done"),
    "totals": ("合计：计划 {planned} 完成 {completed} {unit}", "Total: planned {planned}, completed {completed} {unit}"),
    "programme": ("荣誉/项目", "Programme"),
    "level": ("级别", "Level"),
    "industry": ("行业", "Industry"),
    "year": ("年份", "Year"),
    "batch": ("批次", "Batch"),
    "enterprise": ("企业", "Enterprise"),
    "reported": ("报告数", "Reported"),
    "named": ("列名", "Named"),
    "named_of": ("列名 {named} / 共 {count} 家", "{named} of {count} named"),
    "honours_of": ("{name} 的荣誉", "Honours of {name}"),
    "ladder": ("企业梯度", "Honour ladder"),
    "errors_title": ("数据问题", "Problems in the data"),
    "errors_intro": ("以下问题导致部分时期未能加载；其余时期可正常浏览。按 Esc 返回。",
                     "These problems kept some periods from loading; the others can be browsed. Esc to go back."),
    "nothing_loaded": ("没有可显示的时期。请修正以下问题后重试。",
                       "No period could be loaded. Fix the problems below and try again."),
    "help_title": ("按键帮助", "Keys"),
    "rank_fmt": ("{scope}第{rank}", "#{rank} in {scope}"),
    "span_of": ("（{span}）", " ({span})"),
    "growth_title": ("{category} 同比增速", "{category}: year-on-year growth"),
    "no_growth": ("该类别没有增速数据", "No growth figures in this category"),
    "period_of": ("第 {index} / {count} 期", "period {index} of {count}"),
    "filter": ("筛选", "Filter"),
}


def tr(key: str, lang: str, **values: object) -> str:
    """The interface string `key` in `lang`, formatted with `values`."""
    zh, en = STRINGS.get(key, (key, key))
    text = en if lang == "en" and en else zh
    return text.format(**values) if values else text


def other_lang(lang: str) -> str:
    """The language `l` switches to."""
    return "en" if lang == "zh" else "zh"

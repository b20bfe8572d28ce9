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
    "reading_rest": ("已显示文件开头的行，正在读取其余行...",
                     "showing the file's first rows; reading the rest..."),
    "still_reading": ("数据仍在读取，读完后再导出", "Still reading the data; export once it is in"),
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
    # Indicators / Growth sections (and the indicator detail)
    "cat.工业": ("工业", "Industry"),
    "cat.投资": ("投资", "Investment"),
    "cat.数字经济": ("数字经济", "Digital economy"),
    "cat.产业集群": ("产业集群", "Industry clusters"),
    "cat.企业培育": ("企业培育", "Firm cultivation"),
    "cat.平台园区": ("平台园区", "Parks"),
    "cat.亩均效益": ("亩均效益", "Per-mu output"),
    "cat.绿色发展": ("绿色发展", "Green growth"),
    "cat.企业服务": ("企业服务", "Firm services"),
    "all_categories": ("全部类别", "All categories"),
    "name_en": ("英文名称", "English name"),
    "indicator_id": ("编号", "ID"),
    "progress": ("完成进度", "Progress"),
    "parts_sum_ok": ("构成合计 {total}，与总数一致", "Parts add up to {total}, matching the total"),
    "parts_sum_off": ("构成合计 {total}，与总数 {value} 不一致（口径可能交叉）",
                      "Parts add up to {total}, not the total {value} (they may overlap)"),
    "parts_sum_na": ("构成缺少数值，无法核对合计", "Some parts have no value; the sum cannot be checked"),
    "value_trend": ("数值走势", "Value trend"),
    "growth_trend": ("增速走势", "Growth trend"),
    "one_observation": ("仅有本期一个数据点，无走势", "Only one observation so far: no trend yet"),
    "no_growth_period": ("本期没有同比增速数据。可按 [ ] 切换时期。",
                         "This period has no year-on-year growth figures. Use [ ] to switch periods."),
    "growth_note": ("时段：{span}　来源：{source}", "Span: {span}   Source: {source}"),
    "close_hint": ("Esc 关闭", "Esc to close"),
}


def _feature_strings() -> dict[str, tuple[str, str]]:
    """The strings of every module of econdash.core.strings (see its docstring)."""
    import importlib
    import pkgutil

    from econdash.core import strings
    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(strings.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{strings.__name__}.{info.name}")
        for key, value in module.STRINGS.items():
            if key in merged or key in _BASE_KEYS:
                raise RuntimeError(f"interface string {key!r} is defined twice ({info.name})")
            merged[key] = value
    return merged


def tr(key: str, lang: str, **values: object) -> str:
    """The interface string `key` in `lang`, formatted with `values`."""
    zh, en = STRINGS.get(key, (key, key))
    text = en if lang == "en" and en else zh
    return text.format(**values) if values else text


def other_lang(lang: str) -> str:
    """The language `l` switches to."""
    return "en" if lang == "zh" else "zh"

STRINGS.update({
    "compare_title": ("对比：{a}  与  {b}", "Compare: {a}  vs  {b}"),
    "compare_keys": ("a/b 切换两期  Esc 返回", "a/b choose the periods  Esc back"),
    "value_a": ("前期值", "Earlier"),
    "value_b": ("本期值", "Later"),
    "change": ("变化", "Change"),
    "change_pct": ("变化%", "Change %"),
    "yoy_a": ("前期同比", "YoY earlier"),
    "yoy_b": ("本期同比", "YoY later"),
    "yoy_pp": ("增速变化(百分点)", "YoY change (pp)"),
    "rank_a": ("前期排名", "Rank earlier"),
    "rank_b": ("本期排名", "Rank later"),
    "rank_change": ("名次变化", "Rank moved"),
    "new_honours": ("本期新增荣誉 {count} 项", "{count} new honours in the later period"),
    "need_two_periods": ("对比需要至少两个时期。用 econdash import 加入新一期。",
                         "Comparing needs at least two periods. Add one with econdash import."),
    "reloaded": ("数据已更新", "Data reloaded"),
    "reload_failed": ("数据更新未完成，仍显示上次的数据：{problem}",
                      "Reload skipped, still showing the last good data: {problem}"),
})

# Projects / Enterprises sections
STRINGS.update({
    "programme_en": ("荣誉/项目（英文）", "Programme (English)"),
    "start_year": ("开工年份", "Start year"),
    "firms": ("{count} 家", "{count} firms"),
    "named_only": ("列名 {named}", "{named} named"),
    "honour_count": ("共 {count} 项荣誉", "{count} honours"),
    "ladder_hint": ("回车：按此荣誉筛选下表", "Enter: filter the table below"),
    "search_short": ("搜索 ( / )", "Search ( / )"),
})

STRINGS.update({
    "history": ("历史", "History"),
    "points": ("期数", "Points"),
    "first": ("起", "From"),
    "last": ("止", "To"),
    "latest": ("最新值", "Latest"),
    "kind": ("口径", "Span kind"),
    "kind.cumulative": ("累计", "cumulative"),
    "kind.month": ("当月", "month"),
    "kind.quarter": ("当季", "quarter"),
    "kind.other": ("其他", "other"),
    "no_series": ("没有历史序列。用 econdash import 导入国家统计局导出的 CSV，或在数据集中放 series.csv。",
                  "No history series. Import an NBS export with econdash import, or add series.csv."),
    "value_trend": ("数值走势", "Value"),
    "growth_trend": ("同比走势", "Year-on-year growth"),
})

STRINGS.update({
    "export_title": ("导出当前表格（{rows} 行）", "Export this table ({rows} rows)"),
    "export_hint": ("文件名后缀决定格式：.csv（Excel 可直接打开）、.xlsx、.md（附本期简报）。回车导出，Esc 取消。",
                    "The suffix picks the format: .csv (opens in Excel), .xlsx, .md (with a period brief). Enter to export, Esc to cancel."),
    "exported": ("已导出 {rows} 行到 {path}", "Exported {rows} rows to {path}"),
    "export_failed": ("导出失败：{error}", "Export failed: {error}"),
    "cells_cut": ("有 {count} 个单元格超过 Excel 每格 32,767 字的上限，已截断（第一个在第 {row} 行“{column}”列）；"
                  "要保留全文请导出 CSV 或 Markdown",
                  "{count} cells were longer than Excel's 32,767 characters and were cut "
                  "(the first in row {row}, column {column}); export CSV or Markdown to keep "
                  "the whole text"),
    "nothing_to_export": ("本栏目没有可导出的表格", "There is no table to export here"),
    "internal_error": ("econdash 遇到程序内部错误，已退出：{error}。详情已记录到 {log}，请报告此问题。",
                       "econdash stopped after an internal error: {error}. Details are in "
                       "{log}; please report it."),
})

STRINGS.update({
    "origin.bundled": ("内置数据集（种子报告）", "bundled seed dataset"),
    "origin.user": ("我的数据集", "your dataset"),
    "origin.example": ("内置示例", "bundled example"),
    "origin.--data": ("--data 指定", "given with --data"),
    "origin.ECONDASH_DATA": ("ECONDASH_DATA 指定", "from ECONDASH_DATA"),
})

STRINGS.update({
    "change_since": ("较{span}", "vs {span}"),
})

STRINGS.update({
    "warnings_found": ("数据有 {count} 条提示，按 ! 查看。第一条：{first}",
                       "{count} warning(s) in the data; press ! to see them. First: {first}"),
})

STRINGS.update({
    "no_problems": ("数据没有发现问题。按 Esc 返回。", "No problems found in the data. Esc to go back."),
    "warnings_intro": ("以下提示不影响加载，但值得核对。按 Esc 返回。",
                       "These warnings did not stop anything loading, but are worth checking. "
                       "Esc to go back."),
})

# The period brief that heads an exported indicators table (output/brief.py)
STRINGS.update({
    "brief.source": ("来源：{source}", "Source: {source}"),
    "brief.yoy": ("同比{pct}", "YoY {pct}"),
    "brief.rank": ("{scope}第{rank}", "rank {rank}"),
    "brief.fastest": ("增长最快：{names}", "Fastest growth: {names}"),
    "brief.slowest": ("增长最慢：{names}", "Slowest growth: {names}"),
})

_BASE_KEYS = frozenset(STRINGS)  # the strings above, before the features' modules
STRINGS.update(_feature_strings())

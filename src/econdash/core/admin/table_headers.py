"""Headers of a bureau's own tables: the synonym table, names normalised, kinds detected.

A roster, a project list or an indicator table typed in Excel uses Chinese headers
(企业名称, 荣誉名称, 所属镇(街道) …). `SYNONYMS` is the one table that maps them to the
contract's columns (docs/import.md lists it); a header matches when its normalised
form (`norm`: NFKC, no spaces or brackets, a few traditional characters simplified,
规模以上 → 规上) equals a synonym's. A header that matches nothing is kept as an extra
column under its own name: nothing is dropped.

Pure functions over strings: no polars, no files.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Traditional → simplified, only the characters that occur in these tables' headers and
# indicator names (a Hong Kong or Taiwan template, or a WPS file typed in 繁体).
TRADITIONAL = str.maketrans(
    "業單稱號認區鎮鄉級別類項總產數據額長計劃資實際備註規與電氣銷營億萬構體門間開關發"
    "設費經濟銀稅貿園廠庫價從來榮譽時當狀態專億噸畝戶質標業歲增幅率績導範達軟傳統製造"
    "綠廣東華國際優強創興務務場層批證鏈雲網應輸車醫藥紡織機裝備",
    "业单称号认区镇乡级别类项总产数据额长计划资实际备注规与电气销营亿万构体门间开关发"
    "设费经济银税贸园厂库价从来荣誉时当状态专亿吨亩户质标业岁增幅率绩导范达软传统制造"
    "绿广东华国际优强创兴务务场层批证链云网应输车医药纺织机装备",
)
SPACES = re.compile(r"[\s\u3000]+")
BRACKETS = re.compile(r"[()（）\[\]【】<>《》]")
UNIT_SUFFIX = re.compile(r"[(（]([^()（）]{1,8})[)）]\s*$")
SPAN = re.compile(r"(?:(\d{4})年)?(\d{1,2})\s*[-~—至]\s*(\d{1,2})月")

# contract column → the headers that mean it (normalised when compared). One table for
# every kind: a header means the same column wherever it appears.
SYNONYMS: dict[str, tuple[str, ...]] = {
    # enterprises.csv
    "enterprise": ("enterprise", "企业名称", "单位名称", "企业", "企业全称", "公司名称", "企业简称"),
    "programme": ("programme", "荣誉名称", "称号", "荣誉", "荣誉称号", "获评称号", "认定类别",
                  "项目类别荣誉", "培育计划"),
    "level": ("level", "级别", "认定级别", "层级", "荣誉级别"),
    "status": ("status", "状态", "认定状态", "进度", "建设状态", "项目状态"),
    "year": ("year", "认定年份", "年份", "年度", "获评年份"),
    "batch": ("batch", "批次", "认定批次"),
    "industry": ("industry", "行业", "所属行业", "行业类别", "产业"),
    "town": ("town", "所属镇(街道)", "所属镇街", "镇(街道)", "乡镇", "镇街", "所属乡镇", "街道",
             "所在地", "乡镇(街道)", "所属乡镇(街道)"),
    "note": ("note", "备注", "说明", "附注"),
    # projects.csv
    "name": ("name", "项目名称", "园区名称", "平台名称"),
    "category": ("category", "项目类型", "类型", "类别", "项目类别", "园区类型", "分类", "指标类别"),
    "planned_invest": ("planned_invest", "计划投资", "总投资", "计划总投资", "计划投资额"),
    "completed_invest": ("completed_invest", "完成投资", "已完成投资", "累计完成投资",
                         "完成投资额"),
    "invest_unit": ("invest_unit", "投资单位", "金额单位"),
    "rating": ("rating", "星级", "评定星级", "星级评定"),
    "start_year": ("start_year", "开工年份", "开工年度", "启动年份"),
    # indicator tables (the period's figures); `indicator_name` is an indicator's name
    "indicator_name": ("指标名称", "指标", "indicator_name"),
    "unit": ("unit", "单位", "计量单位"),
    "value": ("value", "本月", "本期", "累计", "本年累计", "累计值", "本期累计", "绝对值", "数值",
              "完成值", "完成数", "本期完成", "总量", "本月止累计", "1-本月"),
    "yoy_pct": ("yoy_pct", "同比增长", "同比增长%", "同比增长率", "增长%", "增速", "增速%",
                "同比", "同比%", "同比增减", "同比增减%", "比上年同期增长", "比上年同期增长%",
                "累计增长", "累计增长%", "增幅", "增幅%"),
    "rank": ("rank", "排名", "位次", "全市排名", "排位"),
}
VALUE_MONTH = ("本月", "本期")  # a single month's figure: used when no cumulative column exists

KINDS = ("roster", "projects", "indicators", "series")
# What makes a kind: every column of `needs`, and (for indicators) one of `any_of`.
KIND_NEEDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "roster": (("enterprise", "programme"), ()),
    "projects": (("name", "category"), ()),
    "indicators": (("indicator_name",), ("value", "yoy_pct")),
}


def norm(text: str) -> str:
    """A header or indicator name as compared: NFKC, simplified, no spaces or brackets,
    规模以上 written 规上, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(TRADITIONAL)
    text = SPACES.sub("", BRACKETS.sub("", text)).replace("规模以上", "规上")
    return text.replace("%", "%").lower()


_LOOKUP: dict[str, str] = {norm(s): column for column, names in SYNONYMS.items() for s in names}


@dataclass(frozen=True)
class Mapped:
    """One header cell and what it became."""

    header: str  # as the sheet writes it
    column: str  # a contract column, or the header itself for an extra column
    known: bool
    span: tuple[int, int] | None = None  # months named in the header: 1-12月 → (1, 12)


def map_header(header: str) -> Mapped:
    """The contract column a header means, else the header kept as it is (extra)."""
    key = norm(header)
    if key in _LOOKUP:
        return Mapped(header, _LOOKUP[key], True)
    span = SPAN.search(unicodedata.normalize("NFKC", header))
    if span:  # 1-12月, 2022年1-6月本期, 1-6月同比增长(%)
        rest = norm(SPAN.sub("", unicodedata.normalize("NFKC", header)))
        first, last = int(span.group(2)), int(span.group(3))
        column = _LOOKUP.get(rest) if rest else "value"
        if column in ("value", "yoy_pct") and 1 <= first <= last <= 12:
            return Mapped(header, column, True, (first, last))
    return Mapped(header, header, False)


def header_score(cells: list[str]) -> int:
    """How many cells of a row are known headers (the header row scores highest)."""
    # Distinct cells: a merged title filled across the row counts once.
    return sum(1 for cell in set(cells) if cell and map_header(cell).known)


def detect_kind(columns: set[str]) -> str | None:
    """The kind a set of mapped columns makes, or None."""
    for kind in ("roster", "indicators", "projects"):
        needs, any_of = KIND_NEEDS[kind]
        if all(c in columns for c in needs) and (not any_of or any(c in columns for c in any_of)):
            return kind
    return None


def missing_for(kind: str, columns: set[str]) -> list[str]:
    """The contract columns `kind` needs that `columns` lacks (for the message)."""
    needs, any_of = KIND_NEEDS.get(kind, ((), ()))
    missing = [c for c in needs if c not in columns]
    if any_of and not any(c in columns for c in any_of):
        missing.append(" or ".join(any_of))
    return missing


def synonyms_of(column: str) -> str:
    """The Chinese headers that mean `column`, for messages."""
    return "、".join(s for s in SYNONYMS.get(column, ()) if not s.isascii())


def split_unit(name: str) -> tuple[str, str | None]:
    """`规上工业增加值(亿元)` → (`规上工业增加值`, `亿元`); names without one unchanged."""
    match = UNIT_SUFFIX.search(name)
    if not match or not re.search(r"[元%吨户家个人亩米次方]", match.group(1)):
        return name.strip(), None
    return name[:match.start()].strip(), match.group(1).strip()

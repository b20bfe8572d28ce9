"""English for the words of the reports that are vocabulary, not names: units, rank
scopes and regions, levels, statuses, ratings, project kinds and known programmes.

In English mode the interface shows `term(text, kind, "en")`; a word not in the tables
is shown as the data has it (a name). Units follow one documented convention
(docs/i18n.md): 亿 → "100M", 万 → "10k" before the unit (亿元 → "100M yuan",
万元/亩 → "10k yuan/mu"), so any combination of a known unit with 亿/万 and "/"
reads in English without a table row of its own. `term_expr` does the same for a
whole polars column (one `replace`, no loop over rows). Polars-free at import.
"""

from __future__ import annotations

UNIT_WORDS = {
    "元": "yuan", "家": "firms", "个": "", "项": "items", "次": "times", "人次": "visits",
    "条": "items", "场": "events", "份": "copies", "张": "certificates", "批次": "batches",
    "亩": "mu", "平方米": "m²", "吨": "t", "吨标煤": "tce", "人": "people", "件": "pieces",
    "套": "sets", "台": "units", "千瓦时": "kWh", "公里": "km", "公顷": "ha", "户": "households",
    "个百分点": "pp", "百分点": "pp", "%": "%", "‰": "‰", "倍": "×", "年": "years",
    "月": "months", "天": "days", "美元": "USD", "千瓦": "kW", "兆瓦": "MW",
}
MAGNITUDES = {"亿": "100M", "万": "10k", "千": "thousand", "百": "hundred"}

SCOPES = {
    "全市": "city", "全省": "province", "全区": "district", "全县": "county", "全国": "national",
    "全市各区县": "districts of the city", "各区县(市)": "districts and counties",
    "宁波各区县(市)": "Ningbo districts and counties", "宁波市": "Ningbo", "丽水市": "Lishui",
    "衢州市": "Quzhou", "宁德市": "Ningde", "浙江省": "Zhejiang",
}
LEVELS = {"国家级": "national", "省级": "provincial", "市级": "city", "区级": "district",
          "县级": "county"}
STATUSES = {
    "认定": "recognised", "培育": "in cultivation", "入选": "selected", "申报": "applied",
    "参与": "taking part", "办理": "issued", "创建": "in creation", "奖励": "rewarded",
    "考核初审": "first review", "入库": "in the pool", "公示": "announced", "推荐": "recommended",
    "通过": "passed", "复核": "re-examined", "前期": "preparation", "新开工": "newly started",
    "在建": "under construction", "竣工投产": "completed, producing", "竣工": "completed",
    "启动建设": "construction started", "签约": "signed", "投产": "producing",
    "2021年度星级评定": "2021 star rating", "亩均效益领跑者": "per-mu efficiency leader",
    "伙伴园区": "partner park",
}
RATINGS = {"一星级": "1 star", "二星级": "2 stars", "三星级": "3 stars", "四星级": "4 stars",
           "五星级": "5 stars", "省重点": "provincial key", "市重点": "city key",
           "区重点": "district key"}
CATEGORIES = {
    "绿色园区": "green park", "小微企业园": "micro-enterprise park", "开发区": "development zone",
    "工业投资项目": "industrial investment", "技术改造项目": "technical renovation",
    "数字化改造项目": "digital renovation", "招商引资项目": "attracted investment",
    "智造产业园": "smart-manufacturing park", "科创园": "science & innovation park",
}
PROGRAMMES = {
    "专精特新“小巨人”": "specialised \"little giant\"", "专精特新小巨人": "specialised \"little giant\"",
    "重点“小巨人”": "key \"little giant\"", "专精特新重点小巨人": "key specialised \"little giant\"",
    "专精特新中小企业": "specialised SME", "创新型中小企业": "innovative SME",
    "制造业单项冠军": "manufacturing single champion", "单项冠军": "single champion",
    "隐形冠军": "hidden champion", "绿色工厂": "green factory", "数字化车间": "digital workshop",
    "智能工厂": "smart factory", "首台套": "first-of-a-kind equipment",
    "高新技术企业": "high-tech enterprise", "科技型中小企业": "tech-based SME",
    "雄鹰企业": "\"eagle\" enterprise", "节水型企业": "water-saving enterprise",
}
KINDS = {"scope": SCOPES, "level": LEVELS, "status": STATUSES, "rating": RATINGS,
         "category": CATEGORIES, "programme": PROGRAMMES}
TERM_COLUMNS = {"level": "level", "status": "status", "rating": "rating",
                "rank_scope": "scope", "category": "category", "programme": "programme",
                "unit": "unit", "invest_unit": "unit"}
"""Columns of the tables that hold vocabulary, and the kind of each."""


def unit_term(unit: str | None, lang: str) -> str:
    """The unit in `lang`: 亿元 → "100M yuan", 万元/亩 → "10k yuan/mu"; unknown: as is."""
    if not unit or lang != "en":
        return unit or ""
    parts = [_unit_part(part) for part in unit.split("/")]
    return unit if any(part is None for part in parts) else "/".join(parts)  # type: ignore[arg-type]


def _unit_part(part: str) -> str | None:
    if part in UNIT_WORDS:
        return UNIT_WORDS[part]
    magnitude = MAGNITUDES.get(part[:1])
    rest = UNIT_WORDS.get(part[1:]) if magnitude else None
    if rest is None:
        return None
    return f"{magnitude} {rest}".strip() if rest else magnitude


def term(text: str | None, kind: str, lang: str) -> str:
    """`text` (a word of kind `kind`: see KINDS, or "unit") in `lang`; unknown: as is."""
    if not text or lang != "en":
        return text or ""
    if kind == "unit":
        return unit_term(text, lang)
    return KINDS[kind].get(text, text)


def has_term(text: str, kind: str) -> bool:
    """Whether English mode has a word for `text` (for tests of the tables)."""
    if kind == "unit":
        return text.isascii() or unit_term(text, "en") != text
    return text in KINDS[kind]


def english_values(frame, lang: str):
    """`frame` (polars) with its vocabulary columns (TERM_COLUMNS) in `lang`."""
    if lang != "en":
        return frame
    import polars as pl
    changes = []
    for column, kind in TERM_COLUMNS.items():
        if column not in frame.columns or frame.schema[column] != pl.String:
            continue
        if kind == "unit":
            values = frame.get_column(column).drop_nulls().unique().to_list()
            mapping = {v: unit_term(v, "en") for v in values}
        else:
            mapping = KINDS[kind]
        changes.append(pl.col(column).replace(mapping))
    return frame.with_columns(changes) if changes else frame


REGION_SUFFIXES = {"区": "District", "市": "City", "县": "County", "省": "Province",
                   "镇": "Town", "街道": "Subdistrict"}


def region_term(region: str | None, lang: str) -> str:
    """A region in `lang`: a known one (丽水市 → Lishui), or a Latin name with a Chinese
    suffix (XX区 → XX District); any other is a name, shown as written."""
    if not region or lang != "en":
        return region or ""
    if region in SCOPES:
        return SCOPES[region]
    for suffix, english in REGION_SUFFIXES.items():
        stem = region.removesuffix(suffix)
        if stem != region and stem.isascii() and stem:
            return f"{stem} {english}"
    return region


def term_format(kind: str, lang: str):
    """A cell formatter for a table column of `kind` words (FrameTable's Column.format)."""
    def format_cell(value: object) -> str:
        return "" if value is None else term(str(value), kind, lang)
    return format_cell


def term_options(column: str, values, lang: str) -> list:
    """A filter's choices with labels in `lang`: (label, value) for each value of a
    vocabulary column; other choices (names, and ready (label, value) pairs) unchanged."""
    kind = TERM_COLUMNS.get(column)
    if kind is None or lang != "en":
        return list(values)
    return [value if not isinstance(value, str) else (term(value, kind, lang), value)
            for value in values]

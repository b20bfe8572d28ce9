"""Indicator ids that continue a dataset's series, and readable ids for new figures.

Two names are the same figure when their keys agree: folded (traditional =
simplified, full-width = half-width), synonyms made one (规模以上 = 规上),
scope words dropped (全区, 我县); qualifiers (区属, 规下 …) stay, so 区属规上工业
增加值 never continues 规上工业增加值. A new figure's id is a slug from a small
glossary (pinyin is not available offline) plus a short hash of its key, so
the same name gives the same id in every period.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from econdash.core.extract.chinese import fold

SYNONYMS = (("规模以上", "规上"), ("规模上", "规上"), ("规模工业", "规上工业"), ("固定资产投资", "固投"),
            ("工业固定资产投资", "工业固投"), ("技术改造", "技改"), ("小时", "时"), ("营业收入", "营收"),
            ("主营业务收入", "营收"), ("工业用电量", "工业用电"), ("同比", ""), ("“", ""), ("”", ""),
            ("\"", ""), (" ", ""))
SCOPE = re.compile(r"^(?:全区|全县|全市|我区|我县|我市|本区|本县|本市)")
GLOSSARY = (("规上", "above_scale"), ("规下", "below_scale"), ("区属", "district_owned"),
            ("县属", "county_owned"), ("数字经济", "digital_economy"), ("核心", "core"),
            ("制造业", "manufacturing"), ("工业", "industrial"), ("总产值", "output"),
            ("增加值", "value_added"), ("产值", "output"), ("固投", "fixed_investment"),
            ("技改", "tech_renovation"), ("投资", "investment"), ("税收", "tax"),
            ("用电", "power_use"), ("开票销售", "invoiced_sales"), ("销售", "sales"),
            ("营收", "revenue"), ("收入", "revenue"), ("利润", "profit"), ("出口", "exports"),
            ("贷款", "loans"), ("余额", "balance"), ("亩均", "per_mu"), ("能耗", "energy"),
            ("专精特新", "specialised"), ("小巨人", "little_giant"), ("单项冠军", "champion"),
            ("高新技术", "high_tech"), ("创新型", "innovative"), ("中小企业", "smes"),
            ("软件", "software"), ("信息", "information"), ("互联网", "internet"),
            ("项目", "projects"), ("企业", "enterprises"), ("新增", "new"), ("净增", "net_new"),
            ("累计", "cumulative"), ("总数", "total"), ("占比", "share"), ("比重", "share"),
            ("目标", "target"), ("环比", "mom"), ("园区", "parks"), ("电子信息", "electronics"),
            ("新材料", "new_materials"), ("汽车", "auto"), ("产业", "industry"),
            ("服务业", "services"), ("研发", "r_and_d"), ("完成率", "completion"))


def name_key(name: str) -> str:
    """What two names of the same figure have in common."""
    key = fold(name)
    key = re.sub(r"[()（）]", "", key)
    for old, new in SYNONYMS:
        key = key.replace(old, new)
    return SCOPE.sub("", key)


def new_id(name: str) -> str:
    """A readable, stable id: glossary words of the name + 6 hex digits of its key."""
    key = name_key(name)
    words, rest = [], key
    for term, word in GLOSSARY:
        if term in rest:
            words.append((rest.index(term), word))
            rest = rest.replace(term, "\0" * len(term))
    slug = "_".join(w for _, w in sorted(words))[:40].strip("_") or "figure"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]
    return f"{slug}_{digest}"


class IdMatcher:
    """Gives each proposed name the id of the dataset's same figure, or a new one."""

    def __init__(self, existing: Iterable[tuple[str, str]] = ()) -> None:
        self.by_key: dict[str, str] = {}
        for indicator_id, name in existing:
            self.by_key.setdefault(name_key(name), indicator_id)
        self.used: set[str] = set()

    def id_for(self, name: str) -> tuple[str, bool]:
        """(id, whether it continues an existing series); ids are unique per period."""
        key = name_key(name)
        known = self.by_key.get(key)
        base = known or new_id(name)
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}_{n}", n + 1
        self.used.add(candidate)
        return candidate, known is not None and candidate == known

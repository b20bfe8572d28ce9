"""Honour counts become tiers; named enterprises and parks become rows.

A count of enterprises (家/户) whose name names an honour programme
(专精特新, 小巨人, 单项冠军, 绿色工厂, 高新技术企业 …) is a tier: programme, level
(国家级/省级/市级 …), status (认定/培育/示范/申报/创建) and kind (新增 → "new",
累计/总数 → "total"). A list of names before `等N家…` or after `——`, or before
a verb of honour (入选, 获评, 评定为, 列入), gives enterprise rows; names of
parks (…园, 基地, 加速器) with a star rating give project rows.
"""

from __future__ import annotations

import re

from econdash.core.extract.proposal import Figure, NamedRow

HONOUR = re.compile(r"专精特新|小巨人|单项冠军|隐形冠军|冠军|瞪羚|雏鹰|独角兽|高新技术企业|科技型中小企业|"
                    r"创新型中小企业|绿色工厂|绿色园区|绿色供应链|绿色设计|技术中心|首台套|示范|上云|智能工厂|"
                    r"数字化车间|未来工厂|大优强|放水养鱼|清洁生产|节水型|培育库|公共服务|标杆|星级|工业互联网|"
                    r"服务型制造|品牌|精品|小升规|名单|“.+?”")
NOT_HONOUR = re.compile(r"规上|规模以上|进规|纳统|入统|整治|淘汰|参加|走访|邀请|涉及")
LEVELS = (("国家级", "国家级"), ("国家", "国家级"), ("工信部", "国家级"), ("省级", "省级"),
          ("省", "省级"), ("市级", "市级"), ("市", "市级"), ("区级", "区级"), ("县级", "县级"))
STATUSES = (("培育", "培育"), ("示范", "示范"), ("申报", "申报"), ("创建", "创建"), ("入库", "入库"),
            ("预申报", "申报"), ("奖励", "奖励"))
NEW = re.compile(r"新增|新认定|新获|入选|获评|获批|评定为|新培育|认定")
TOTAL = re.compile(r"累计|总数|共有|拥有|总量|达到")
DROP = re.compile(r"^(?:企业)?(?:新增|新认定|累计培育|累计|培育|拥有|共有|获评|获批|入选|申报|开展|评定为|"
                  r"列入|企业|获|被评为)+|(?:(?<!中小)企业|名单|认定|总数|达到)+$|\d{4}年度?|第[一二三四五六七八九十\d]+批")


def is_tier(figure: Figure) -> bool:
    """Whether a figure is a count of enterprises holding (or seeking) an honour."""
    return (figure.unit or "").strip() in ("家", "户") and figure.value is not None \
        and figure.value == int(figure.value) and figure.yoy_pct is None \
        and figure.kind == "indicator" and bool(HONOUR.search(figure.name)) \
        and not NOT_HONOUR.search(figure.name)


def make_tier(figure: Figure, folded_name: str) -> None:
    """Fill the tier fields of an honour count (in place)."""
    figure.kind = "tier"
    level = next((v for k, v in LEVELS if k in folded_name), None)
    status = next((v for k, v in STATUSES if k in folded_name), None)
    if status is None and re.search(r"认定|获评|获批|入选|评定|拥有|获", folded_name):
        status = "认定"
    figure.level, figure.status = level, status
    figure.tier_kind = "total" if TOTAL.search(folded_name) else (
        "new" if NEW.search(folded_name) else None)
    programme = figure.name
    for word, _ in LEVELS[:1] + LEVELS[3:4] + LEVELS[5:6] + LEVELS[7:]:
        programme = programme.replace(word, "")
    programme = DROP.sub("", programme).strip("“” ,、") or figure.name
    figure.programme = programme


# -- named enterprises and parks ------------------------------------------------------------
HONOUR_VERB = re.compile(r"入选|获评|评定为|被评为|列入|开展|申报|参与|认定为|获(?!得)")
LIST_TAIL = re.compile(r"(?:等\s*\d*\s*家(?:企业|公司)?|等)?\s*$")
DASH_LIST = re.compile(r"(?P<programme>[^,;。:]{2,30}?)(?:企业)?--(?P<list>[^,;。]{2,400})")
RATING = re.compile(r"(?:为|评为|获评|获)?(?P<rating>[一二三四五]星级)")
PARK_NAME = re.compile(r"(?:园|基地|加速器|城|工场|中心|社|小镇|项目)$")
COMPANY = re.compile(r"有限公司|集团|股份|公司$")
ITEM_OK = re.compile(r"^[^\d,;。:“”《》%等]{2,30}$")
FIRST_ITEM_LEAD = re.compile(r"^.*?(?:组织指导|组织|其中|支持|帮助|完成|推荐|对|是|延续)|^(?:为|和|及)")
COUNT_TAIL = re.compile(r"[一二三四五六七八九十两]+家$")


def named_rows(folded: str, original: str, line: int, quote: str, figures: list[Figure]
               ) -> tuple[list[NamedRow], list[NamedRow]]:
    """Enterprises and parks a sentence names (folded and original of one sentence)."""
    enterprises: list[NamedRow] = []
    projects: list[NamedRow] = []
    if "、" in folded or "等" in folded:
        for match in HONOUR_VERB.finditer(folded):
            names = _list_before(folded, original, match.start())
            if len(names) < 2 and not (names and COMPANY.search(names[0])):
                continue
            programme, level, status = _programme_after(folded, match.end(), figures)
            if not HONOUR.search(programme):
                continue
            for name in names:
                if PARK_NAME.search(name) and not COMPANY.search(name):
                    continue
                enterprises.append(NamedRow(name, programme, level, status, None, None, quote,
                                            line))
    if "--" in folded:
        for match in DASH_LIST.finditer(folded):
            programme_text = match.group("programme")
            level = next((v for k, v in LEVELS if k in programme_text), None)
            items = re.split(r"、|和", original[match.start("list"):match.end("list")])
            for name in items:
                name = name.strip(" 等")
                if 2 <= len(name) <= 30 and not re.search(r"\d", name):
                    enterprises.append(NamedRow(name, _clean_programme(programme_text), level,
                                                "认定", None, None, quote, line))
    if "星级" in folded:
        floor = 0
        for match in RATING.finditer(folded):
            names = _list_before(folded, original, match.start(), single=True, floor=floor)
            floor = match.end()
            for name in names:
                name = re.sub(r"^(?:延续|其中|推荐|和|及)", "", name)
                if PARK_NAME.search(name):
                    projects.append(NamedRow(name, None, None, None, match.group("rating"), None,
                                             quote, line))
    return enterprises, projects


def _list_before(folded: str, original: str, at: int, single: bool = False,
                 floor: int = 0) -> list[str]:
    """The 、-list of names that ends at `at` (after the clause's last comma)."""
    start = max(folded.rfind(",", 0, at), folded.rfind(";", 0, at), folded.rfind("。", 0, at),
                floor - 1) + 1
    clause = folded[start:at]
    tail = LIST_TAIL.search(clause)
    clause = clause[:tail.start()] if tail else clause
    if "、" not in clause and not single and not COMPANY.search(clause):
        return []
    items_f = re.split(r"、|和", clause)
    offset, items = start, []
    for item in items_f:
        items.append(original[offset:offset + len(item)])
        offset += len(item) + 1
    if items:
        from econdash.core.extract.names import strip_time
        items[0] = strip_time(items[0])
        stripped = FIRST_ITEM_LEAD.sub("", items[0])
        items[0] = stripped if len(stripped) >= 2 else items[0]
    out = [COUNT_TAIL.sub("", i.strip(" 等")) for i in items]
    return [i for i in out if ITEM_OK.match(fold_safe(i))
            and (len(i) <= 14 or COMPANY.search(i) or PARK_NAME.search(i))]


def fold_safe(text: str) -> str:
    from econdash.core.extract.chinese import fold
    return fold(text)


def _programme_after(folded: str, at: int, figures: list[Figure]) -> tuple[str, str | None, str | None]:
    rest = re.split(r"[,;。]", folded[at:])[0]
    level = next((v for k, v in LEVELS if k in rest), None)
    status = next((v for k, v in STATUSES if k in rest), None) or "认定"
    return _clean_programme(rest), level, status


def _clean_programme(text: str) -> str:
    text = re.sub(r"\d{4}年度?|第[一二三四五六七八九十\d]+批|国家级|省级|市级|区级|名单|称号", "", text)
    text = re.sub(r"^.*?(?:为|授予)", "", text)
    text = re.sub(r"^(?:我市|我区|我县|全市|全区|全县)", "", text)
    return text.strip("《》 ,、") or text

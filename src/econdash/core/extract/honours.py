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
                  r"列入|企业|获|被评为)+|(?:企业|名单|认定|总数|达到)+$|\d{4}年度?|第[一二三四五六七八九十\d]+批")


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
_ITEM = r"[^\d,;。、:()“”等]{2,24}"
ENTERPRISE_LIST = re.compile(r"(?P<list>" + _ITEM + r"(?:、" + _ITEM + r")+)(?:等\s*\d*\s*家)?(?:企业|公司)?"
                             r"\s*(?P<verb>入选|获评|获|评定为|被评为|列入|开展|申报|参与|认定为)")
DASH_LIST = re.compile(r"(?P<programme>[^,;。:]{2,30}?)(?:企业)?——(?P<list>[^,;。]{2,400})")
PARK_LIST = re.compile(r"(?P<list>" + _ITEM + r"(?:[、和]" + _ITEM + r")*)(?:为|评为|获评|获)?"
                       r"(?P<rating>[一二三四五]星级)")
PARK_NAME = re.compile(r"(?:园|基地|加速器|城|工场|中心|社|小镇|项目)$")
COMPANY = re.compile(r"有限公司|集团|股份|公司$")


def named_rows(folded: str, original: str, line: int, quote: str, figures: list[Figure]
               ) -> tuple[list[NamedRow], list[NamedRow]]:
    """Enterprises and parks a sentence names (folded and original of one sentence)."""
    enterprises: list[NamedRow] = []
    projects: list[NamedRow] = []
    for match in ENTERPRISE_LIST.finditer(folded):
        names = _split(match, original)
        programme, level, status = _programme_after(folded, match.end(), figures)
        for name in names:
            if PARK_NAME.search(name) and not COMPANY.search(name):
                continue
            enterprises.append(NamedRow(name, programme, level, status, None, None, quote, line))
    for match in DASH_LIST.finditer(folded):
        programme_text = match.group("programme")
        level = next((v for k, v in LEVELS if k in programme_text), None)
        items = [i for i in re.split(r"、|和", original[match.start("list"):match.end("list")])]
        for name in items:
            name = name.strip(" 等")
            if 2 <= len(name) <= 30 and not re.search(r"\d", name):
                enterprises.append(NamedRow(name, _clean_programme(programme_text), level,
                                            "认定", None, None, quote, line))
    for match in PARK_LIST.finditer(folded):
        for name in _split(match, original):
            name = re.sub(r"^(?:延续|其中|推荐|和|及)", "", name)
            if PARK_NAME.search(name):
                projects.append(NamedRow(name, None, None, None, match.group("rating"), None,
                                         quote, line))
    return enterprises, projects


def _split(match: re.Match, original: str) -> list[str]:
    text = original[match.start("list"):match.end("list")]
    items = re.split(r"、|和(?=[^、]*$)", text)
    first = re.sub(r"^.*?(?:组织指导|组织|其中|支持|帮助|完成|推荐|为|对|是)", "", items[0]) \
        if len(items[0]) > 6 else items[0]
    items[0] = first
    return [i.strip(" 等") for i in items if 2 <= len(i.strip(" 等")) <= 30]


def _programme_after(folded: str, at: int, figures: list[Figure]) -> tuple[str, str | None, str | None]:
    rest = re.split(r"[,;。]", folded[at:])[0]
    level = next((v for k, v in LEVELS if k in rest), None)
    status = next((v for k, v in STATUSES if k in rest), None) or "认定"
    return _clean_programme(rest), level, status


def _clean_programme(text: str) -> str:
    text = re.sub(r"\d{4}年度?|第[一二三四五六七八九十\d]+批|国家级|省级|市级|区级|名单|称号", "", text)
    return text.strip("“”《》 ,、") or text

"""A figure's name from the words before (or after) its number.

`全区规上工业企业实现工业总产值` → `规上工业总产值`: the object of the verb
(实现, 完成, 达到 …) is the figure; the subject's qualifiers (规上, 区属 …)
stay with it. Scope words (全区, 我县 …), time words (2022年1-5月, 今年) and
fillers (其中, 目前, 共) that open a clause are dropped.
"""

from __future__ import annotations

import re

from econdash.core.extract.chinese import fold
from econdash.core.extract.spans import SPAN, YEAR_ONLY

VERB = re.compile(r"(?:累计有|累计实现|实现了|实现|完成了|完成|达到了|达到|共计|总计|合计|拥有|共有|录得|累计达)")
TAIL_VERB = re.compile(r"(?:为|达到|达|是|共|约|总计|共计|合计|完成|实现|累计|突破|超过|近|逾|有)+$")
LEAD = re.compile(r"^(?:[\s,、:()“”\"'·]|其中|同时|另外|此外|目前|截至目前|截止目前|当前|今年以来|今年|年内|本年|"
                  r"全年|以来|期间|共有|现有|共|已经|已|并|和|及|与|且|主要|分别|确保|力争|争取|预计(?=[^,]{8,})|"
                  r"分行业看|从行业看|分产业看|从产业看|分区域看|从县区看|分地区看|分领域看)+")
SCOPE = re.compile(r"^(?:全区|全县|全市|全省|全镇|我区|我县|我市|我省|本区|本县|本市|全局|我局|该区|该县)")
QUALIFIERS = ("区属", "县属", "市属", "规上", "规模以上", "规模上", "规下", "规模以下")
GROWTH_TAIL = re.compile(r"(?:同比|[较比](?:上年|去年)?同期|[较比](?:上年|去年)|增速|增幅|增长率|增长|的)+$")
MAX_NAME = 40
# Objects that are verbs themselves (工业税收完成入库): the subject is the figure.
OBJECT_VERB = re.compile(r"(?:入库|入统|纳统|到位|兑现)$|(?:入库|入统|纳统)")


def strip_time(text: str) -> str:
    """Drop a span or year that opens the text (2022年1-5月, 今年上半年, 2021年度)."""
    for _ in range(3):
        text = LEAD.sub("", text)
        match = SPAN.match(text) or YEAR_ONLY.match(text)
        if not match or not match.group(0).strip():
            break
        text = text[match.end():].lstrip("份以来,")
    return text


def clean_name(folded: str, original: str) -> str:
    """The figure's name in the report's own script: `folded` decides, `original` (the
    same text, unfolded) gives the characters."""
    start, end = 0, len(folded)
    # Only the last clause names the figure.
    cut = max(folded.rfind(","), folded.rfind(";"), folded.rfind("。"), folded.rfind(":"))
    start = cut + 1
    text = folded[start:end]
    trimmed = strip_time(text)
    start += len(text) - len(trimmed)
    text = folded[start:end]
    scope = SCOPE.match(text)
    if scope:
        start += scope.end()
        text = folded[start:end]
        trimmed = LEAD.sub("", text)
        start += len(text) - len(trimmed)
    text = folded[start:end]
    # subject VERB object: the object names the figure, the subject lends qualifiers
    last = None
    for match in VERB.finditer(text):
        last = match
    prefix = ""
    if last is not None and len(text) - last.end() >= 2 \
            and not OBJECT_VERB.match(text, last.end()):
        subject = text[:last.start()]
        obj = text[last.end():]
        prefix = "".join(q for q in QUALIFIERS if q in subject and q not in obj
                         and not any(q in p and q != p for p in QUALIFIERS if p in subject))
        prefix = _original_of(prefix, subject, original[start:start + last.start()])
        if prefix and "工业" in subject and "工业" not in obj and not obj.startswith("工"):
            prefix += "工业"
        short_object = len(TAIL_VERB.sub("", strip_time(obj))) <= 3
        if short_object and not prefix and 2 <= len(subject) <= 12 and not SCOPE.match(subject) \
                and not re.search(r"[、\d]", subject):
            prefix = original[start:start + last.start()]
        start += last.end()
        trimmed = strip_time(folded[start:end])
        start = end - len(trimmed)
    name_f = folded[start:end]
    tail = TAIL_VERB.search(name_f)
    if tail and tail.start() > 0:
        end = start + tail.start()
    elif tail:  # nothing but verbs (累计达到): keep the word that says what kind of count
        kept = re.match(r"累计|新增|净增|合计|共计", name_f)
        end = start + (kept.end() if kept else 0)
    name = prefix + original[start:end]
    name = name.strip(" ,、:;()“”\"'·(").strip()  # noqa: B005 (a set of characters, as meant)
    if len(name) > MAX_NAME:
        name = name[-MAX_NAME:]
    return name


def _original_of(prefix: str, subject_f: str, subject_o: str) -> str:
    """The qualifiers as the report writes them (traditional stays traditional)."""
    out = []
    for q in QUALIFIERS:
        if q in prefix:
            at = subject_f.find(q)
            out.append(subject_o[at:at + len(q)] if at >= 0 else q)
    return "".join(out)


def growth_subject(folded: str, original: str) -> str:
    """The name of a growth-only figure: `工业投资` in `工业投资增长16.3%`."""
    name = clean_name(folded, original)
    match = GROWTH_TAIL.search(fold(name))
    if match and match.start() > 0:
        name = name[:match.start()]
    return name.strip(" ,、")

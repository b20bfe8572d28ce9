"""From sentences to proposed figures: values, growth, changes in 个百分点, ranks.

One pass over each sentence's tokens (`patterns.TOKEN`), left to right:
- a value opens a figure, named by the words since the previous token
  (`names.clean_name`) or, after a classifier (`48家企业申报…`), by the words after it;
- a growth right after a value (`171.7亿元、同比增长7%`) belongs to it; a growth with
  its own subject (`工业投资增长16.3%`) is a figure of its own; a list of growths
  (`分别增长7.4%、19.3%`) is paired with the list of names before it;
- 环比 and 较一季度 changes are figures of their own (kind "other"), never 同比;
- a change in 个百分点 goes to the figure it follows, with its direction and basis;
- a rank goes to the last figure of its clause group, or of its sentence, or to the
  figure of the paragraph its subject names; `均`/`各项` give it to all of a sentence.
Spans: a sentence opening with a span (`2022年1-5月，…`) sets it until the paragraph
ends or another span is said.
"""

from __future__ import annotations

import re

from econdash.core.extract import patterns as P
from econdash.core.extract.changes import LIST_SPLIT, ChangeRules
from econdash.core.extract.chinese import cn_number, fold
from econdash.core.extract.context import HAS_DIGIT, ContextRules, clause_at, this_sentence_only
from econdash.core.extract.names import clean_name
from econdash.core.extract.proposal import Figure, RankSaid
from econdash.core.extract.segments import Sentence, segment_bounds, sentences
from econdash.core.extract.spans import leading_span

SHORT_NAMES = ("总数", "累计总数", "总量", "培育企业", "示范企业", "培育", "示范", "总数达到")
ALL_RANKED = re.compile(r"均(?:为|位列|位居|列|居|排名)|各项(?:指标)?(?:均|都)?(?:排名|位列|居)")
TARGET_LEAD = re.compile(r"^.*目标(?:是|为|:)?|(?:的)?目标(?:要求|任务)?$")
INHERITABLE = re.compile(r"企业|公司|项目|园区|单位|平台|基地")
VERB_ONLY = re.compile(r".{0,4}(?:启动|推进|组织|开展|安排|推荐|帮助|引进|新增|培育|认定|有|共|邀请|带动|"
                       r"服务|完成)")
TIME_ONLY = re.compile(r"[\d年度上下半季月份-]+")
AFTER = re.compile(r"\s*([^,;。、:()]{2,40})")
NOT_AFTER = re.compile(r"\s*(?:以上|左右|次|同比|,|;|。|、|的)")


class FigureReader(ContextRules, ChangeRules):
    """Reads the figures of one report text (folded + original, same length)."""

    def __init__(self, folded: str, original: str, year: int,
                 months: tuple[int, int] | None = None) -> None:
        self.folded, self.original, self.year = folded, original, year
        self._period_months = months
        self.figures: list[Figure] = []
        self._after_target_heading = False
        self._label = ""

    def read(self) -> list[Figure]:
        paragraph, span, previous_end = -1, None, 0
        paragraph_figures: list[Figure] = []
        headings = self._heading_spans()
        for sentence in sentences(self.folded):
            if sentence.paragraph != paragraph:
                paragraph, paragraph_figures = sentence.paragraph, []
                span = headings.get(paragraph)
                self._after_target_heading = False
            gap = self.folded[max(previous_end, sentence.start - 12):sentence.start]
            self._after_target_heading = "目标" in gap and gap.rstrip().endswith(":")
            self._label = self._label_before(sentence.start)
            previous_end = sentence.start + len(sentence.text)
            opening = leading_span(sentence.text)
            carried = span
            if opening and opening.months and (opening.year in (None, self.year)):
                span = opening.months
            span = self._sentence(sentence, span, paragraph_figures)
            if opening and opening.months and this_sentence_only(opening, sentence.text):
                span = carried  # 10月当月, 二季度: a look at one part, not the paragraph's span
        return self.figures

    # -- one sentence -------------------------------------------------------------------
    def _sentence(self, sentence: Sentence, span, paragraph_figures: list[Figure]):
        text = sentence.text
        quote = self.original[sentence.start:sentence.start + len(text)]
        in_sentence: list[Figure] = []
        tokens = list(P.TOKEN.finditer(text))
        if not tokens:
            return span
        clause_spans = self._clause_spans(text)
        for seg_start, seg_end in segment_bounds(text):
            in_segment: list[Figure] = []
            last_list: list[Figure] = []
            cursor, pp_list_sign = seg_start, None
            seg_tokens = [t for t in tokens if seg_start <= t.start() < seg_end]
            for index, tok in enumerate(seg_tokens):
                if tok.start() < cursor:
                    continue
                clause = clause_at(clause_spans, tok.start())
                if clause is not None:
                    span = clause_spans[clause]
                before = text[cursor:tok.start()]
                kind = tok.lastgroup
                made: list[Figure] = []
                if tok.group("v") is not None or tok.group("cv") is not None:
                    made, cursor = self._value(tok, text, sentence, quote, cursor, seg_end,
                                               seg_tokens[index + 1:], in_segment)
                    if not made:
                        continue
                elif tok.group("g") is not None or tok.group("double") is not None:
                    made = self._growth(tok, text, sentence, quote, cursor, in_segment, last_list)
                    cursor = tok.end()
                elif tok.group("pp") is not None:
                    pp_list_sign = self._pp(tok, before, in_segment or in_sentence, last_list,
                                            pp_list_sign)
                    cursor = tok.end()
                    continue
                else:
                    self._rank(tok, text, before, in_segment, in_sentence, paragraph_figures)
                    cursor = tok.end()
                    continue
                for figure in made:
                    if figure.months is None and span is not None:
                        figure.months = span
                in_segment.extend(made)
                last_list = made if len(made) > 1 else (last_list if not made else made)
                del kind
            in_sentence.extend(in_segment)
        if ("均" in text or "各项" in text) and ALL_RANKED.search(text):
            ranked = [r for f in in_sentence for r in f.ranks][:1]
            for figure in in_sentence:
                if not figure.ranks and ranked:
                    figure.ranks.append(RankSaid(ranked[0].rank, ranked[0].scope, ranked[0].of))
        self.figures.extend(in_sentence)
        paragraph_figures.extend(in_sentence)
        return span

    def _value(self, tok, text, sentence, quote, cursor, seg_end, following, in_segment):
        if tok.group("cv") is not None:
            number = cn_number(tok.group("cv"))
            unit_f = tok.group("cu")
            before_all = text[max(0, cursor - 40):tok.start()]
            clause = before_all[before_all.rfind(",") + 1:]
            item = re.split(r"[、等]", clause)[-1]
            if number is None or not (clause.endswith("等") or "、" in clause) \
                    or not re.match(r"[\u4e00-\u9fff]", text[tok.start() - 1:tok.start()]) \
                    or re.search(r"[第这那每其一]$", text[:tok.start()]) or len(item) > 8 \
                    or text[tok.end():tok.end() + 2] == "一批":
                return [], cursor
            value, unit_start, unit_end = float(number), tok.start("cu"), tok.end("cu")
        else:
            value = float(tok.group("v").replace(",", ""))
            unit_f = (tok.group("mag") or "") + tok.group("u")  # 2.4万余条 → 2.4 万条
            unit_start, unit_end = tok.start("u"), tok.end("u")
        after = text[tok.end():tok.end() + 12]
        if unit_f == "个" and P.NOT_COUNT_AFTER.match(after):
            return [], cursor
        if unit_f in P.MONEY_UNITS and (P.THRESHOLD_BEFORE.search(text[:tok.start()])
                                       or re.match(r"(?:及以上|以上)", after)) \
                and P.THRESHOLD_AFTER.match(after):
            return [], cursor
        before = text[max(0, tok.start() - 12):tok.start()]
        if unit_f in ("度", "分") and not re.search(r"电|用电|得分|评分|分值", before):
            return [], cursor
        # A list of values after one list of names: 贡献率、税收占比达48%、45.3%
        values = [(tok, value)]
        respectively = "分别" in text[cursor:tok.start()]
        for nxt in following:
            gap = text[values[-1][0].end():nxt.start()]
            if nxt.group("v") is not None and re.fullmatch(r"\s*[、和及]\s*", gap) \
                    and nxt.group("u") == unit_f and (unit_f == "%" or respectively):
                values.append((nxt, float(nxt.group("v").replace(",", ""))))
            else:
                break
        before = text[cursor:tok.start()]
        names = self._list_names(before, len(values)) if len(values) > 1 else None
        if names is None and respectively and len(values) > 1 and len(in_segment) >= len(values):
            label = re.sub(r"分别|达到|达|为|共|有", "", clean_name(before, before)) or ""
            names = [re.sub(r"^(?:新增|累计|净增|新认定)", "", f.name) + label
                     for f in in_segment[-len(values):]]
        unit = self.original[sentence.start + unit_start:sentence.start + unit_end]
        if tok.group("cv") is None and tok.group("mag"):
            unit = self.original[sentence.start + tok.start("mag")] + unit
        new_cursor = values[-1][0].end()
        if names is None:
            values = values[:1]
            new_cursor = tok.end()
            limit = following[0].start() if following else seg_end
            name, new_cursor = self._value_name(text, sentence, cursor, tok, unit_f, seg_end,
                                                new_cursor, limit)
            names = [name]
        made = []
        for (vtok, val), name in zip(values, names):
            figure = Figure(name=name, quote=quote.strip(), line=sentence.line, value=val,
                            unit=unit, pos=vtok.start(),
                            said=text[max(cursor, text.rfind(",", 0, vtok.start()) + 1):vtok.start()])
            if vtok.group("cv") is None and (vtok.group("approx") or vtok.group("after_unit")):
                said = self.original[sentence.start + vtok.start():sentence.start + vtok.end()]
                figure.note = f"约数: 原文“{said}”"  # 2000多万元: the 多 is not in the number
            self._value_kind(figure, text, cursor, vtok, in_segment)
            made.append(figure)
        return made, new_cursor

    def _value_name(self, text, sentence, cursor, tok, unit_f, seg_end, new_cursor,
                    limit):
        """The name before the number, or after a classifier (48家企业申报…)."""
        before_f = text[cursor:tok.start()]
        base = sentence.start + cursor
        name = clean_name(before_f, self.original[base:base + len(before_f)])
        if not name and before_f.rstrip().endswith(","):
            # a table row (工业投资，11.4亿元，…): the cell before names the figure
            head = before_f.rstrip(", ")
            cell = head[head.rfind(",") + 1:]
            if cell and not HAS_DIGIT.search(cell) and len(cell) <= 20:
                at = base + len(head) - len(cell)
                name = clean_name(cell, self.original[at:at + len(cell)])
        if not name and self._label and not text[:tok.start()].count(",") \
                and not HAS_DIGIT.search(text[:tok.start()]):
            name = self._label
        plain = fold(name)  # clean_name of the folded words, without a second pass
        name_f = before_f.replace(" ", "")
        after_match = AFTER.match(text, tok.end(), min(seg_end, limit))
        classifier = unit_f in P.COUNT_UNITS and after_match and not NOT_AFTER.match(
            text, tok.end())
        listed = name_f.endswith("等") or "、" in plain
        before_is_verb = not name or listed or VERB_ONLY.fullmatch(plain) \
            or bool(TIME_ONLY.fullmatch(name))
        if classifier and before_is_verb and after_match is not None:
            after_f = after_match.group(1)
            stop = re.search(r"(?:完成|实现|累计|同比|增长|获得|开工|投产|竣工|签约|增幅|增速|高于|低于|超过)", after_f)
            after_f = after_f[:stop.start()] if stop and stop.start() >= 2 else after_f
            after_f = re.sub(r"(?:和|及|与|并|,)+$", "", after_f)
            start = sentence.start + after_match.start(1)
            after_o = self.original[start:start + len(after_f)]
            lead = name if name and not listed and len(name) <= 4 \
                and not TIME_ONLY.fullmatch(name) else ""
            return (lead + after_o).strip(), after_match.start(1) + len(after_f)
        return name, new_cursor

    def _value_kind(self, figure: Figure, text: str, cursor: int, tok, in_segment) -> None:
        before = text[cursor:tok.start()]
        previous = in_segment[-1] if in_segment else None
        own = fold(figure.name)  # the checks read simplified; the name keeps its script
        if own in SHORT_NAMES or (not figure.name and previous) or (
                own in ("新增", "净增", "累计", "新认定") and previous is not None
                and INHERITABLE.search(fold(previous.name))
                and not re.match(r"较|比|\d", fold(previous.name))):
            if previous is not None:
                lead = re.match(r"(?:新增|累计有|累计|净增|新认定)", fold(previous.name))
                base = previous.name[lead.end():] if lead else previous.name
                if own.endswith("企业") and re.search(r"(?:企业|公司)$", fold(base)):
                    base = base[:-2]
                figure.name = base + figure.name
        if figure.unit and figure.unit.strip() in ("%",) and (
                completion := P.COMPLETION.search(before.rstrip())):
            figure.kind = "other"
            if previous is not None and previous.completion_pct is None:
                previous.completion_pct = figure.value
                said = completion.group(0).rstrip("的")
                figure.name = previous.name + said
        if figure.kind == "other":
            return
        if self._target_context(text, tok.start()) or "目标" in figure.name:
            figure.kind = "other"
            figure.name = TARGET_LEAD.sub("", figure.name)
            figure.name = figure.name if figure.name.endswith("目标") else figure.name + "目标"

    def _list_names(self, before: str, count: int) -> list[str] | None:
        clause = before[before.rfind(",") + 1:]
        parts = [p for p in LIST_SPLIT.split(clause) if p.strip()]
        if len(parts) != count:
            return None
        parts[-1] = re.sub(r"(?:为|达到|达|分别为|分别达|分别)$", "", parts[-1])
        return [clean_name(p, p) for p in parts]

    # -- growth ---------------------------------------------------------------------------
def read_figures(folded: str, original: str, year: int,
                 months: tuple[int, int] | None = None) -> list[Figure]:
    """All figures of a report text (`months`: the report's own span)."""
    return FigureReader(folded, original, year, months).read()

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
from econdash.core.extract.chinese import cn_number, fold
from econdash.core.extract.names import clean_name, growth_subject
from econdash.core.extract.proposal import Figure, RankSaid
from econdash.core.extract.segments import Sentence, segment_bounds, sentences
from econdash.core.extract.spans import SPAN, leading_span

SHORT_NAMES = ("总数", "累计总数", "总量", "培育企业", "示范企业", "培育", "示范", "总数达到")
ATTACH_FILLER = re.compile(r"^[\s,、和及]*(?:同比|[比较](?:上年|去年)(?:同期)?|较同期|"
                           r"实现|分别|累计|全年)?[\s,、]*$")
ALL_RANKED = re.compile(r"均(?:为|位列|位居|列|居|排名)|各项(?:指标)?(?:均|都)?(?:排名|位列|居)")
SPAN_FIRST = set("0123456789一二三四上下前全今本第首截 ")
TARGET_CUE = re.compile(r"确保|力争|争取")
TARGET_SAID = re.compile(r"目标(?:是|为|:|任务是|任务为)")
TARGET_LEAD = re.compile(r"^.*目标(?:是|为|:)?|(?:的)?目标(?:要求|任务)?$")
HAS_DIGIT = re.compile(r"\d")
HEADING_1 = re.compile(r"^[一二三四五六七八九十]{1,3}、")
HEADING_2 = re.compile(r"^\([一二三四五六七八九十]{1,3}\)")
LABEL_NUMBERING = re.compile(r"^[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*|[(（][一二三四五六七八九十]{1,3}[)）]")
INHERITABLE = re.compile(r"企业|公司|项目|园区|单位|平台|基地")
VERB_ONLY = re.compile(r".{0,4}(?:启动|推进|组织|开展|安排|推荐|帮助|引进|新增|培育|认定|有|共|邀请|带动|"
                       r"服务|完成)")
TIME_ONLY = re.compile(r"[\d年度上下半季月份-]+")
AFTER = re.compile(r"\s*([^,;。、:()]{2,40})")
NOT_AFTER = re.compile(r"\s*(?:以上|左右|次|同比|,|;|。|、|的)")
LIST_SPLIT = re.compile(r"、|和|及")
LIST_ITEM_END = re.compile(r"(?:实现|高于|低于|均|等|分别|同比|增速|增幅|产值增长).*$")


class FigureReader:
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
            if opening and opening.months and _this_sentence_only(opening, sentence.text):
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
            cursor, last_list, pp_list_sign = seg_start, [], None
            seg_tokens = [t for t in tokens if seg_start <= t.start() < seg_end]
            for index, tok in enumerate(seg_tokens):
                if tok.start() < cursor:
                    continue
                span = clause_spans.get(_clause_at(clause_spans, tok.start()), span)
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

    def _clause_spans(self, text: str) -> dict[int, tuple[int, int]]:
        """Spans opening a clause after a comma (`…，一季度，规下…`), by clause start."""
        found = {}
        at = text.find(",")
        while at != -1:
            if text[at + 1:at + 2] in SPAN_FIRST:
                opening = leading_span(text[at + 1:], clause_start=True)
                if opening and opening.months and opening.year in (None, self.year):
                    found[at + 1] = opening.months
            at = text.find(",", at + 1)
        return found

    # -- values ---------------------------------------------------------------------------
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
            unit_f = tok.group("u")
            unit_start, unit_end = tok.start("u"), tok.end("u")
        after = text[tok.end():tok.end() + 12]
        if unit_f == "个" and P.NOT_COUNT_AFTER.match(after):
            return [], cursor
        if unit_f in P.MONEY_UNITS and (P.THRESHOLD_BEFORE.search(text[:tok.start()])
                                       or re.match(r"(?:及以上|以上)", after)) \
                and P.THRESHOLD_AFTER.match(after):
            return [], cursor
        if unit_f in ("度", "分") and not re.search(r"电|用电|得分|评分|分值", text[max(0, tok.start() - 12):tok.start()]):
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
        if classifier and before_is_verb:
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
        if figure.name in SHORT_NAMES or (not figure.name and previous) or (
                figure.name in ("新增", "净增", "累计", "新认定") and previous is not None
                and INHERITABLE.search(previous.name) and not re.match(r"较|比|\d", previous.name)):
            if previous is not None:
                base = re.sub(r"^(?:新增|累计有|累计|净增|新认定)", "", previous.name)
                if figure.name.endswith("企业"):
                    base = re.sub(r"(?:企业|公司)$", "", base)
                figure.name = base + figure.name
        if figure.unit and figure.unit.strip() in ("%",) and P.COMPLETION.search(before.rstrip()):
            figure.kind = "other"
            if previous is not None and previous.completion_pct is None:
                previous.completion_pct = figure.value
                said = P.COMPLETION.search(before.rstrip()).group(0).rstrip("的")
                figure.name = previous.name + said
        if figure.kind == "other":
            return
        if self._target_context(text, tok.start()) or "目标" in figure.name:
            figure.kind = "other"
            figure.name = TARGET_LEAD.sub("", figure.name)
            figure.name = figure.name if figure.name.endswith("目标") else figure.name + "目标"

    def _heading_spans(self) -> dict[int, tuple[int, int]]:
        """The span a section heading gives the paragraphs under it (`二、1-9月主要指标`),
        by line: a level-one heading (一、) sets or clears it, a level-two one ((一)) sets it."""
        spans: dict[int, tuple[int, int]] = {}
        current = None
        for number, line in enumerate(self.folded.split("\n"), start=1):
            stripped = line.strip()
            level = 1 if HEADING_1.match(stripped) else 2 if HEADING_2.match(stripped) else 0
            if level and len(stripped) <= 40 and not re.search(r"[。;,]", stripped):
                found = SPAN.search(stripped)
                months = _months_of(found.group(0)) if found else None
                if months or level == 1:
                    current = months if months != (self._period_months or None) else None
            elif current is not None:
                spans[number] = current
        return spans

    def _label_before(self, start: int) -> str:
        """`规上工业总产值：完成156.3亿元…`: the label before a colon names the figures of
        the sentence after it that have no name of their own."""
        gap = self.folded[max(0, start - 40):start].rstrip()
        if not gap.endswith(":"):
            return ""
        cut = max(gap.rfind(c, 0, len(gap) - 1) for c in "。;,!?\n")
        end = start - (len(self.folded[max(0, start - 40):start]) - len(gap)) - 1
        label = self.original[end - (len(gap) - 1 - cut - 1):end]
        label = LABEL_NUMBERING.sub("", label.strip())
        return label if 2 <= len(label) <= 20 and not HAS_DIGIT.search(label) else ""

    def _target_context(self, text: str, at: int) -> bool:
        """Whether the number at `at` is a target: after `目标是/目标为` in its sentence, with
        目标 or 确保/力争 in its clause, or under a `全年目标：` heading; `完成年度目标的105%`
        is a completion, not a target."""
        clause = text[max(text.rfind(",", 0, at), text.rfind(";", 0, at)) + 1:at]
        if P.COMPLETION.search(clause.rstrip()):
            return False
        return self._after_target_heading or bool(TARGET_SAID.search(text, 0, at)) \
            or "目标" in clause or bool(TARGET_CUE.search(clause))

    def _list_names(self, before: str, count: int) -> list[str] | None:
        clause = before[before.rfind(",") + 1:]
        parts = [p for p in LIST_SPLIT.split(clause) if p.strip()]
        if len(parts) != count:
            return None
        parts[-1] = re.sub(r"(?:为|达到|达|分别为|分别达|分别)$", "", parts[-1])
        return [clean_name(p, p) for p in parts]

    # -- growth ---------------------------------------------------------------------------
    def _growth(self, tok, text, sentence, quote, cursor, in_segment, last_list) -> list[Figure]:
        if tok.group("double") is not None:
            growths = [P.DOUBLE_PCT]
            word = tok.group("double")
        else:
            number = float(tok.group("g").replace(",", ""))
            if tok.group("gunit") == "倍":
                number *= 100
            word = tok.group("gword")
            growths = [number] + [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?",
                                                                  tok.group("glist") or "")]
            if P.NEGATIVE_GROWTH.search(word):
                growths = [-abs(g) if g > 0 else g for g in growths]
        before = text[cursor:tok.start()]
        base = sentence.start + cursor
        before_o = self.original[base:base + len(before)]
        if P.NOT_YOY.search(before.rstrip()) or "环比" in word:
            label = re.sub(r"^[\s,、]+", "", before[before.rfind(",") + 1:])
            name = (in_segment[-1].name if in_segment else "") + (label or "") + \
                re.sub(r"\d.*", "", word)
            return [Figure(name=name.strip() or word, quote=quote.strip(), line=sentence.line,
                           value=abs(growths[0]) if growths[0] else growths[0], unit="%",
                           kind="other", pos=tok.start())]
        previous = in_segment[-1] if in_segment else None
        if self._target_context(text, tok.start()):
            name = growth_subject(before, before_o) or (previous.name if previous else "")
            return [Figure(name=name + "增长目标", quote=quote.strip(), line=sentence.line,
                           value=growths[0], unit="%", kind="other", pos=tok.start())]
        if len(growths) == 1 and previous is not None and previous.yoy_pct is None \
                and previous.value is not None and ATTACH_FILLER.match(before) \
                and previous.kind != "other":
            previous.yoy_pct = growths[0]
            return []
        if len(growths) > 1 and len(last_list) == len(growths) \
                and ATTACH_FILLER.match(before.replace("分别", "")) \
                and all(f.yoy_pct is None for f in last_list):
            for figure, growth in zip(last_list, growths):  # 分别为a、b，同比分别增长x%、y%
                figure.yoy_pct = growth
            return []
        if len(growths) > 1:
            names = self._growth_list_names(text, cursor, tok.start(), len(growths))
        else:
            names = [growth_subject(before, before_o)]
            if not names[0] and self._label and not HAS_DIGIT.search(text[:tok.start()]):
                names = [self._label]
            if not names[0] and previous is not None:
                names = [previous.name]
        made = []
        for name, growth in zip(names, growths):
            if not name:
                continue
            made.append(Figure(name=name, quote=quote.strip(), line=sentence.line,
                               yoy_pct=growth, pos=tok.start()))
        return made

    def _growth_list_names(self, text: str, cursor: int, at: int, count: int) -> list[str]:
        """Names for `分别增长a%、b%…`: the list of names before it, plus a shared suffix
        (`电子信息、新材料等产业产值同比分别增长` → 电子信息产业产值 …)."""
        before = text[cursor:at]
        suffix = ""
        if "分别" in before:
            listed = before[:before.rindex("分别")]
        else:
            listed = before
        clauses = [c for c in re.split(r"[,;]", listed) if c.strip()]
        with_list = next((c for c in reversed(clauses) if "、" in c or "和" in c), "")
        if not with_list:
            return [""] * count
        subject = clauses[-1] if clauses and clauses[-1] != with_list else ""
        subject = re.sub(r"(?:同比|分别|增长|增速|增幅)+$", "", subject).strip()
        if "等" in with_list:
            with_list, suffix = with_list.split("等", 1)
            suffix = re.sub(r"(?:同比|分别|增长|增速|增幅)+$", "", suffix).strip()
        suffix = suffix or subject
        items = [p for p in LIST_SPLIT.split(with_list) if p.strip()]
        items = [LIST_ITEM_END.sub("", strip_lead(i)).strip() for i in items]
        items = items[-count:] if len(items) >= count else items + [""] * (count - len(items))
        return [i + suffix if i and suffix and not i.endswith(suffix) else i for i in items]

    # -- 个百分点 -----------------------------------------------------------------------------
    def _pp(self, tok, before, figures, last_list, sign):
        value = float(tok.group("pp"))
        if "拉动" in before or "贡献" in before:
            return sign
        if P.PP_DOWN.search(before):
            sign = -1
        elif P.PP_UP.search(before):
            sign = 1
        sign = sign or 1
        targets = [f for f in (last_list or figures[-1:]) if f.yoy_pp is None]
        if not targets:
            return sign
        target = targets[0]
        target.yoy_pp = sign * abs(value)
        basis = P.PP_BASIS.search(before.strip(" ,、"))
        target.pp_basis = basis.group("basis") if basis else ("上年同期" if re.search(
            r"同期|同比|上年", before) else None)
        return sign

    # -- ranks ----------------------------------------------------------------------------
    def _rank(self, tok, text, before, in_segment, in_sentence, paragraph_figures) -> None:
        if tok.group("tscope") is not None:
            said = RankSaid(1, tok.group("tscope"))
        elif tok.group("mn") is not None:
            said = RankSaid(cn_number(tok.group("mn")) or 0, tok.group("mscope").strip() or None)
        else:
            scope = (tok.group("rscope2") or tok.group("rscope") or "").strip()
            scope = re.sub(r"^(?:均为|均|为|在|于)|(?:中|的)$", "", scope).strip() or None
            said = RankSaid(cn_number(tok.group("rn")) or 0, scope)
        if said.rank <= 0:
            return
        target = None
        if in_segment:
            target = in_segment[-1]
        elif in_sentence:
            target = in_sentence[-1]
        else:
            subject = re.sub(r"[,、\s]", "", text[:tok.start()])
            growth_rank = bool(re.search(r"增幅|增速|增长", subject))
            best, best_score = None, 0.0
            for figure in paragraph_figures:
                overlap = len(set(subject) & set(figure.name)) / max(1, len(set(figure.name)))
                score = overlap + (0.5 if growth_rank and figure.yoy_pct is not None else 0)
                if score > best_score:
                    best, best_score = figure, score
            target = best if best_score >= 0.5 else None
            if target is not None and growth_rank:
                said.of = "growth"
        if target is None:
            return
        if target.value is None or re.search(r"增幅|增速", before):
            said.of = "growth"
        target.ranks.append(said)


def _months_of(text: str) -> tuple[int, int] | None:
    from econdash.core.extract.spans import parse_span
    span = parse_span(text)
    return span.months if span else None


def _this_sentence_only(opening, text: str) -> bool:
    """A single month or a later quarter (`10月当月`, `二季度`) narrows one sentence only."""
    first, last = opening.months
    return first > 1 or first == last or "当月" in text[:opening.end + 3]


def _clause_at(clause_spans: dict[int, tuple[int, int]], pos: int) -> int | None:
    starts = [s for s in clause_spans if s <= pos]
    return max(starts) if starts else None


def strip_lead(text: str) -> str:
    return re.sub(r"^(?:其中|从产业看|从县区看|[\s,、:])+", "", text)


def read_figures(folded: str, original: str, year: int,
                 months: tuple[int, int] | None = None) -> list[Figure]:
    """All figures of a report text (`months`: the report's own span)."""
    return FigureReader(folded, original, year, months).read()

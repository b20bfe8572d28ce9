"""Changes and standings of figures: growth (同比), its lists (分别增长…), changes in
个百分点, and ranks.

A mixin of `figures.FigureReader` (it reads `self.original`; `_growth` uses the
reader's `_target_context` and `_label`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from econdash.core.extract import patterns as P
from econdash.core.extract.chinese import cn_number
from econdash.core.extract.context import HAS_DIGIT
from econdash.core.extract.names import growth_subject
from econdash.core.extract.proposal import Figure, RankSaid

ATTACH_FILLER = re.compile(r"^[\s,、和及]*(?:同比|[比较](?:上年|去年)(?:同期)?|较同期|"
                           r"实现|分别|累计|全年)?[\s,、]*$")
LIST_SPLIT = re.compile(r"、|和|及")
LIST_ITEM_END = re.compile(r"(?:实现|高于|低于|均|等|分别|同比|增速|增幅|产值增长).*$")


class ChangeRules:
    """Growth, 个百分点 and rank tokens, attached to the figures they belong to."""

    if TYPE_CHECKING:  # set by FigureReader; `_target_context` is ContextRules'
        original: str
        _label: str

        def _target_context(self, text: str, at: int) -> bool: ...

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
            if P.NEGATIVE_GROWTH.search(word) and not word.rstrip().endswith("至"):
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
        group = in_segment[-len(growths):] if len(growths) > 1 else []
        if len(group) == len(growths) and ATTACH_FILLER.match(before.replace("分别", "")) \
                and all(f.yoy_pct is None and f.value is not None and f.kind != "other"
                        for f in group):
            for figure, growth in zip(group, growths):  # 分别为a、b，同比分别增长x%、y%
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
            scope = (tok.group("rscope2") or tok.group("rscope") or tok.group("rscope0")
                     or "").strip()
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



def strip_lead(text: str) -> str:
    return re.sub(r"^(?:其中|从产业看|从县区看|[\s,、:])+", "", text)

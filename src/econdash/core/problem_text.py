"""Problems and command-line messages in the interface language, in one place.

The loaders write their messages as English sentences (f-strings close to the code
that finds the problem); this module turns a finished sentence into Chinese by
matching it against the catalogues (`problem_catalogue.LOADERS`,
`problem_catalogue_admin.ADMIN`): a template's `{}` matches any text, and what it
matched is itself translated when it is a known phrase ("extra cells ignored",
" (did you mean 'x'?)"). Two frames wrap messages: a TOML table subject
("indicator 3 'gdp', key 'value': …") and a leading file or folder ("data/x.csv: …").
A sentence nothing matches is shown as it was written: a missing translation never
hides a problem. tests/unit/test_problem_text.py fails when a message template in the
source has no Chinese.
"""

from __future__ import annotations

import re
from functools import lru_cache

from econdash.core.errors import Problem
from econdash.core.problem_catalogue import LOADERS, SUBJECTS
from econdash.core.problem_catalogue_admin import ADMIN

CATALOGUE: dict[str, str] = {**LOADERS, **ADMIN}
MAX_DEPTH = 3  # a value inside a value inside a message: deeper is data
_SUBJECT = re.compile(r"(?P<kind>[a-z_]+)(?P<num> \d+)?(?P<name> '[^']*')?"
                      r"(?:, key (?P<key>'[^']*'|\"[^\"]*\"))?: (?P<rest>.+)", re.S)
SEVERITY_ZH = {"error": "错误", "warning": "提示"}


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Every template as a regular expression, the most specific (most literal text) first."""
    compiled = []
    for english, chinese in CATALOGUE.items():
        pieces = english.split("{}")
        if not "".join(pieces).strip():
            continue  # a template of only values ("{}{}") says nothing to match on
        pattern = "(.*?)".join(re.escape(piece) for piece in pieces)
        compiled.append((len("".join(pieces)), re.compile(pattern, re.S), chinese))
    compiled.sort(key=lambda item: -item[0])
    return [(pattern, chinese) for _, pattern, chinese in compiled]


def has_translation(message: str) -> bool:
    """Whether `message` becomes Chinese (for tests of the catalogue)."""
    return _translate(message, 0) is not None


def message_text(message: str, lang: str) -> str:
    """`message` (an English sentence from econdash) in `lang`; as written if unknown."""
    if lang != "zh":
        return message
    return _translate(message, 0) or message


def _translate(message: str, depth: int, paths: bool = True) -> str | None:
    if depth > MAX_DEPTH or not message:
        return None
    for pattern, chinese in _patterns():
        match = pattern.fullmatch(message)
        if match:
            values = [_value_text(value, depth + 1) for value in match.groups()]
            return chinese.format(*values)
    return _subject_frame(message, depth) or (_path_frame(message, depth) if paths else None)


def _value_text(value: str, depth: int) -> str:
    """A value a template matched: a known phrase (or a list of them) translated, else
    as it is (a name, a number, a path)."""
    if ", " in value:  # a list first: "'亿元' in a, '万元' in b" is two phrases, not one
        items = [_translate(item, depth) for item in value.split(", ")]
        if all(items):
            return "，".join(items)  # type: ignore[arg-type]
    return _translate(value, depth) or value


def _subject_frame(message: str, depth: int) -> str | None:
    """`indicator 3 'gdp', key 'value': <message>` (toml_table.TableReader.error)."""
    match = _SUBJECT.fullmatch(message)
    if match is None or match["kind"] not in SUBJECTS:
        return None
    rest = _translate(match["rest"], depth + 1)
    if rest is None:
        return None
    subject = SUBJECTS[match["kind"]] + (match["num"] or "") + (match["name"] or "")
    if match["key"]:
        subject += f"，键 {match['key']}"
    return f"{subject}：{rest}"


def _path_frame(message: str, depth: int) -> str | None:
    """`<file or folder>: <message>`: the path is kept, the message translated."""
    start = 0
    while (colon := message.find(": ", start)) > 0:
        rest = _translate(message[colon + 2:], depth + 1, paths=False)
        if rest is not None:
            return f"{message[:colon]}：{rest}"
        start = colon + 2
    return None


def location_text(problem: Problem, lang: str) -> str:
    """Where the problem is: `file:line`, `file row N, column C` (or in Chinese)."""
    return problem.location_in(lang)


def severity_text(problem: Problem, lang: str) -> str:
    """`error` / `warning`, or 错误 / 提示."""
    return SEVERITY_ZH[problem.severity] if lang == "zh" else problem.severity


def problem_text(problem: Problem, lang: str) -> str:
    """The whole problem on one line, like `str(problem)`, in `lang`."""
    return (f"{location_text(problem, lang)}: {severity_text(problem, lang)}: "
            f"{message_text(problem.message, lang)}") if lang != "zh" else (
        f"{location_text(problem, lang)}：{severity_text(problem, lang)}："
        f"{message_text(problem.message, lang)}")

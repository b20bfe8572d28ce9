"""Every message econdash writes for a person has Chinese (core/problem_text.py).

The message templates are read from the source (the arguments of Problem(...),
EcondashError(...), TableReader.error(...) … as f-strings with `{}` for values), so a
new message without its Chinese fails here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from econdash.core.errors import Problem
from econdash.core.problem_text import CATALOGUE, has_translation, message_text, problem_text

SRC = Path(__file__).resolve().parents[2] / "src" / "econdash"
# Calls whose argument at this index is a message for a person.
MESSAGE_ARGS = {"Problem": 1, "EcondashError": 0, "DatasetError": 0, "error": 1, "_warn": 2,
                "_name_series_rows": 4, "_name_rows": 3}
# ValueErrors whose text reaches people (the rest are programming errors).
VALUE_ERROR_FILES = ("core/loaders/numbers.py", "core/model/period.py")
FRAMES = {"{}: {}"}  # a file before a message: problem_text's path frame
CJK = re.compile(r"[\u3400-\u9fff]")


def _template(node: ast.AST) -> list[str]:
    """The message templates an expression can produce ('' for a value)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [a + b for a in _template(node.left) or ["{}"]
                for b in _template(node.right) or ["{}"]]
    if isinstance(node, ast.Lambda):
        return _template(node.body)
    if isinstance(node, ast.IfExp):
        return _template(node.body) + _template(node.orelse)
    return []


def source_messages() -> list[tuple[str, str]]:
    """(where, template) of every message in the core and the CLI."""
    found = []
    files = [*sorted((SRC / "core").rglob("*.py")), SRC / "cli.py"]
    for path in files:
        relative = path.relative_to(SRC).as_posix()
        calls = dict(MESSAGE_ARGS)
        if relative in VALUE_ERROR_FILES:
            calls["ValueError"] = 0
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in calls:
                continue
            arg = next((kw.value for kw in node.keywords if kw.arg == "message"), None)
            if arg is None and len(node.args) > calls[name]:
                arg = node.args[calls[name]]
            for template in _template(arg) if arg is not None else []:
                if template.replace("{}", "").strip() and template not in FRAMES:
                    found.append((f"{relative}:{node.lineno}", template))
    return found


def test_the_source_has_messages_to_check():
    assert len(source_messages()) > 150


@pytest.mark.parametrize("where,template", source_messages())
def test_every_message_template_has_chinese(where, template):
    known = template in CATALOGUE
    assert known, f"{where}: no Chinese for {template!r} in core/problem_catalogue*.py"


def test_every_catalogue_entry_is_chinese_with_the_same_values():
    for english, chinese in CATALOGUE.items():
        assert CJK.search(chinese), english
        filled = chinese.format(*(["v"] * english.count("{}")))
        assert filled  # the Chinese takes exactly the values the English has


def test_a_message_with_values_is_translated_whole():
    message = ("indicator 3 'gdp', key 'valu': unknown key (did you mean 'value'?)")
    assert message_text(message, "zh") == "指标 3 'gdp'，键 'valu'：未知的键（是否应为 'value'？）"
    assert message_text(message, "en") == message


def test_a_leading_path_is_kept():
    assert message_text("my data: x.csv: is a link that loops", "zh") == "my data: x.csv：是一个循环链接"


def test_an_unknown_message_is_shown_as_written():
    assert not has_translation("something entirely new")
    assert message_text("something entirely new", "zh") == "something entirely new"


def test_a_problem_line_in_each_language():
    problem = Problem("enterprises.csv", "'x' is not a number", row=4, column="year")
    assert problem_text(problem, "en") == str(problem)
    assert problem_text(problem, "zh") == "enterprises.csv 第 4 行，列 'year'：错误：'x' 不是数字"

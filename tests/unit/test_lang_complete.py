"""A string of the interface that lacks its other language fails here: interface
strings (every feature module), keys.py help and footer labels, and the English words
for the data's vocabulary (core/terms.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from econdash.core import i18n
from econdash.core.admin.demo.generate import write_demo_dataset
from econdash.core.loaders import load_dataset
from econdash.core.paths import bundled_dataset, bundled_examples
from econdash.core.terms import TERM_COLUMNS, has_term, region_term, term, unit_term
from econdash.tui.keys import FOOTER, KEYS

CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
# English strings that name Chinese on purpose: the language switch, and examples of
# data the user types (a town, a Chinese period header).
EN_MAY_SHOW_CJK = {"key.lang": "中文", "syscmd.language": "中文", "export.bad_filter": "溪口镇"}
ZH_MAY_BE_LATIN = {"key.lang", "syscmd.language"}  # "English": the language it switches to


def test_english_interface_strings_have_no_chinese():
    for key, (_zh, en) in i18n.STRINGS.items():
        allowed = EN_MAY_SHOW_CJK.get(key, "")
        assert not CJK.search(en.replace(allowed, "")), f"{key}: {en!r}"


def test_chinese_interface_strings_are_chinese():
    for key, (zh, en) in i18n.STRINGS.items():
        if key in ZH_MAY_BE_LATIN or not re.search(r"[A-Za-z]{2}", en):
            continue  # (a string of only symbols or values reads the same in both)
        assert CJK.search(zh), f"{key}: {zh!r} is not Chinese"


def test_keys_and_footer_labels_have_both_languages():
    for key in KEYS:
        assert CJK.search(key.zh) and key.en.strip() and not CJK.search(
            key.en.replace("中文", "")), key
    for action, (zh, en) in FOOTER.items():
        assert zh.strip() and en.strip(), action
        if action != "toggle_lang":
            assert CJK.search(zh) and not CJK.search(en), action


def test_units_follow_the_convention():
    assert unit_term("亿元", "en") == "100M yuan"
    assert unit_term("万元", "en") == "10k yuan"
    assert unit_term("万元/亩", "en") == "10k yuan/mu"
    assert unit_term("家", "en") == "firms"
    assert unit_term("亿元", "zh") == "亿元"
    assert unit_term("某种单位", "en") == "某种单位"  # unknown: shown as the data has it
    assert term("全市", "scope", "en") == "city" and term("国家级", "level", "en") == "national"
    assert region_term("XX区", "en") == "XX District" and region_term("鄞州区", "en") == "鄞州区"


def vocabulary(root: Path) -> set[tuple[str, str]]:
    """(kind, word) of every vocabulary value of a dataset (units, scopes, levels …)."""
    dataset = load_dataset(root)
    words = set()
    for period in dataset.periods:
        for ind in period.indicators:
            words |= {("unit", ind.unit)} if ind.unit else set()
            words |= {("scope", ind.rank_scope)} if ind.rank_scope else set()
        for tier in period.tiers:
            words |= {(k, v) for k, v in (("level", tier.level), ("status", tier.status)) if v}
        for frame in (period.projects, period.enterprises):
            for column in frame.columns:
                kind = TERM_COLUMNS.get(column)
                if kind and kind != "programme":  # programmes carry programme_en in the data
                    words |= {(kind, v) for v in frame[column].drop_nulls().unique()}
    return words


@pytest.fixture(scope="module")
def demo_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("demo") / "demo"
    write_demo_dataset(root, enterprises=2000, projects=200, periods=2, indicators=40, seed=1)
    return root


def test_every_word_of_the_bundled_and_demo_data_has_english(demo_root):
    roots = [bundled_dataset(), *sorted(p for p in bundled_examples().iterdir() if p.is_dir()),
             demo_root]
    missing = sorted({(kind, word) for root in roots for kind, word in vocabulary(root)
                      if not has_term(word, kind)})
    assert not missing, f"add English for these to core/terms.py: {missing}"

"""The command line in the user's language: `--help`, argparse's own words, messages.

Which language: `--lang zh|en` anywhere on the command line, else `$ECONDASH_LANG`
(for scripts that want stable output), else the language saved by the dashboard
(core/settings.py), else Chinese.

cli.py writes its help texts in English; `localize_parser` swaps each for its Chinese
from `HELP_ZH` (a test fails when a help text of any subcommand has none), and
`argparse_words` makes argparse's own words ("usage:", "options", its errors) Chinese
while the parser is built and used.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from econdash.core.strings.cli import ARGPARSE_ZH, HELP_ZH

LANGS = ("zh", "en")


def cli_lang(argv: Sequence[str]) -> str:
    """The language of this run's output, decided before argparse reads `argv`."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv) and argv[index + 1] in LANGS:
            return argv[index + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGS:
            return arg[7:]
    env = os.environ.get("ECONDASH_LANG", "")
    if env in LANGS:
        return env
    from econdash.core.settings import load_settings, settings_path
    return load_settings(settings_path()).lang


@contextmanager
def argparse_words(lang: str) -> Iterator[None]:
    """argparse's own strings in `lang` while the block runs (argparse looks its `_`
    up on each call, so swapping it is enough; it is put back after)."""
    if lang != "zh":
        yield
        return
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: ARGPARSE_ZH.get(text, original(text))  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def parser_texts(parser: argparse.ArgumentParser) -> Iterator[tuple[object, str, str]]:
    """(owner, attribute, English text) of every description, epilog and help."""
    for name in ("description", "epilog"):
        if getattr(parser, name):
            yield parser, name, getattr(parser, name)
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            yield action, "help", action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.help:
                    yield choice, "help", choice.help
            for sub in dict.fromkeys(action.choices.values()):
                yield from parser_texts(sub)


def localize_parser(parser: argparse.ArgumentParser, lang: str) -> argparse.ArgumentParser:
    """Every help text of `parser` and its subcommands in `lang` (English: as written)."""
    if lang == "zh":
        for owner, attribute, text in list(parser_texts(parser)):
            setattr(owner, attribute, HELP_ZH.get(text) or ARGPARSE_ZH.get(text, text))
    return parser

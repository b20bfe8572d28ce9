"""Text from files and from users, made safe to put on a terminal.

A label holding ESC ] 0 ; … BEL retitles the window, ESC [ 2 J clears the screen,
U+202E reverses what follows it, and a newline in a folder name breaks a line of
`econdash check`. So:

- loaders replace such characters when they read text (`clean`), and warn, so
  the data itself is safe wherever it goes (screens, exports, JSON);
- everything printed or shown (CLI lines, toasts, labels, table cells) goes
  through `visible`, which writes every control character as its escape
  (`\\x1b`, `\\n`, `\\u202e`), so nothing is ever written raw.

Textual-free and polars-free (used before either is imported).
"""

from __future__ import annotations

import re

# C0 controls and DEL, C1 controls, and the invisible format characters that
# reorder or hide text (bidi embeddings, overrides and isolates, marks).
_C0 = [chr(c) for c in range(0x00, 0x20)] + ["\x7f"]
_C1 = [chr(c) for c in range(0x80, 0xA0)]
_FORMAT = ["\u061c", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)),
           *map(chr, range(0x2066, 0x206A))]
LAYOUT = ("\t", "\n")
"""Controls that are harmless to a terminal's state: kept in loaded text (a note may
span lines), but still escaped where text must stay on one line."""

CONTROL = tuple(_C0 + _C1 + _FORMAT)
"""Every character `visible` escapes."""
DANGEROUS = tuple(c for c in CONTROL if c not in LAYOUT)
"""The characters `clean` replaces at load time."""


def escape_of(char: str) -> str:
    """The visible form of one control character: '\\x1b', '\\n', '\\u202e'."""
    named = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
    if char in named:
        return named[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


_ALL = str.maketrans({c: escape_of(c) for c in CONTROL})
_KEEP_LINES = str.maketrans({c: escape_of(c) for c in CONTROL if c != "\n"})
_DANGEROUS = str.maketrans({c: escape_of(c) for c in DANGEROUS})
_ANY_CONTROL = re.compile("[" + re.escape("".join(CONTROL)) + "]")
_ANY_DANGEROUS = re.compile("[" + re.escape("".join(DANGEROUS)) + "]")

DANGEROUS_PATTERN = "[" + "".join(f"\\x{{{ord(c):x}}}" for c in DANGEROUS) + "]"
"""A regex class (Rust/polars syntax) matching any character `clean` replaces."""
DANGEROUS_ESCAPES = tuple(escape_of(c) for c in DANGEROUS)
"""The replacement of each of `DANGEROUS`, in the same order (for `str.replace_many`)."""


def visible(text: object, multiline: bool = False) -> str:
    """`text` with every control character written as its escape (newlines kept when
    `multiline`). Cheap for the usual text, which has none."""
    text = str(text)
    if not _ANY_CONTROL.search(text):
        return text
    return text.translate(_KEEP_LINES if multiline else _ALL)


def clean(text: str) -> str:
    """Loaded text with the characters that could act on a terminal escaped (tabs and
    newlines kept)."""
    if not _ANY_DANGEROUS.search(text):
        return text
    return text.translate(_DANGEROUS)


def has_dangerous(text: str) -> bool:
    """Whether `clean` would change `text`."""
    return _ANY_DANGEROUS.search(text) is not None

"""Footer labels in the interface language, decided when the footer asks.

Bindings are declared once with English descriptions; every econdash screen
mixes this in so the footer shows the label for the current language (from
the key table in keys.py), whatever widget declared the binding and whenever
it was mounted.
"""

from __future__ import annotations

import dataclasses

from textual.binding import ActiveBinding
from textual.screen import ModalScreen, Screen

from econdash.keys import footer_label


class LocalizedBindings:
    """Mixin for Screen: `active_bindings` with descriptions in the app's language."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        bindings = super().active_bindings  # type: ignore[misc]
        lang = getattr(self.app, "lang", "zh")  # type: ignore[attr-defined]
        localized = {}
        for key, active in bindings.items():
            label = footer_label(active.binding.action, lang)
            if label and label != active.binding.description:
                active = active._replace(binding=dataclasses.replace(active.binding,
                                                                     description=label))
            localized[key] = active
        return localized


class LocalizedScreen(LocalizedBindings, Screen):
    """A full screen with localized footer labels."""


class LocalizedModalScreen(LocalizedBindings, ModalScreen):
    """A modal screen with localized footer labels."""

"""Footer labels in the interface language, decided when the footer asks.

Bindings are declared once with English descriptions; every econdash screen
mixes this in so the footer shows the label for the current language (from
the key table in keys.py), whatever widget declared the binding and whenever
it was mounted.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from textual.await_complete import AwaitComplete
from textual.binding import ActiveBinding
from textual.screen import ModalScreen, Screen

from econdash.tui.keys import footer_label
from econdash.tui.state import dashboard

if TYPE_CHECKING:
    _ScreenBase = Screen[Any]
else:
    _ScreenBase = object  # at run time the Screen comes later in the subclass's bases


class LocalizedBindings(_ScreenBase):
    """Mixin for Screen: `active_bindings` with descriptions in the app's language."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        bindings = super().active_bindings
        lang = dashboard(self).lang
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
    """A modal screen with localized footer labels, closed at most once."""

    closing = False
    """True once `dismiss` ran: later keys (a second Enter or Esc that arrived in the same
    terminal read) must not act on a dialog that is going away."""

    def dismiss(self, result: Any = None) -> AwaitComplete:
        """Close this dialog, unless it is already closing or not on top.

        Textual's `dismiss` pops whatever screen is on top: called twice before the first
        pop has happened, it closes the screen below too, or raises ScreenStackError.
        """
        if self.closing or not self.is_current:
            return AwaitComplete()
        self.closing = True
        return super().dismiss(result)

"""What screens, widgets and the command palette read of the dashboard: one interface.

The App implements `DashboardState`; everything else in `econdash.tui` reads the
dashboard through `dashboard(node)` and never imports the App (attributes down:
the App's state; messages up: screens post messages or call `jump_to`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    import polars as pl
    from textual.dom import DOMNode

    from econdash.core.errors import EcondashError
    from econdash.core.model.dataset import Dataset, PeriodData
    from econdash.core.model.overview import OverviewData
    from econdash.core.paths import DatasetChoice


class DashboardState(Protocol):
    """The dashboard's state as the screens see it."""

    lang: str
    """Interface language: 'zh' or 'en'."""
    period_index: int
    """Index of the period shown, in `dataset.periods` (oldest first)."""
    dataset: Dataset | None
    observations: pl.DataFrame | None
    """Every observation of every indicator (`core.query.series.observations`)."""
    preview: OverviewData | None
    """The overview drawn before the dataset has loaded (a snapshot or the report)."""
    choice: DatasetChoice | None
    load_error: EcondashError | None

    @property
    def current_period(self) -> PeriodData | None: ...

    @property
    def partial(self) -> bool:
        """True while the dataset shown holds only big tables' first rows."""
        ...

    @property
    def loaded(self) -> bool:
        """True once the dataset is in, or failed to load."""
        ...

    def overview(self) -> OverviewData | None: ...

    def jump_to(self, section: str, key: str) -> None:
        """Show `section` with the item `key` highlighted."""
        ...


def dashboard(node: DOMNode) -> DashboardState:
    """The dashboard state of the app `node` belongs to."""
    return cast("DashboardState", node.app)


@dataclass(frozen=True)
class Heading:
    """What the top bar says is shown: the period's title, its place among the periods,
    the dataset's title (None before anything is known)."""

    period: str | None
    position: int
    count: int
    dataset: str | None
    draft: bool = False  # the period shown is a draft (marked 草稿 / 待核对)


def heading(state: DashboardState, lang: str) -> Heading:
    """The loaded period and dataset, else the preview drawn before the load."""
    period, preview, dataset = state.current_period, state.preview, state.dataset
    if period is not None and dataset is not None:
        return Heading(period.title(lang), state.period_index + 1, len(dataset.periods),
                       dataset.title(lang), draft=period.is_draft)
    if preview is not None and dataset is None:  # drawn from the snapshot
        return Heading(preview.title(lang), preview.position, preview.count,
                       preview.dataset_title(lang))
    return Heading(None, 0, 0, dataset.title(lang) if dataset is not None else None)

"""What extraction proposes: figures, honour counts, enterprises and projects, each
with the sentence it came from and that sentence's line in the report text."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RankSaid:
    """One rank a report gives a figure: 列全市第三位 → (3, "全市", "value")."""

    rank: int
    scope: str | None
    of: str = "value"  # "value" or "growth" (开票销售增幅…排名第二)


@dataclass
class Figure:
    """One proposed figure. Text fields are as the report writes them."""

    name: str
    quote: str
    line: int
    value: float | None = None
    unit: str | None = None
    yoy_pct: float | None = None
    yoy_pp: float | None = None
    pp_basis: str | None = None
    months: tuple[int, int] | None = None
    ranks: list[RankSaid] = field(default_factory=list)
    completion_pct: float | None = None
    kind: str = "indicator"  # indicator / tier / other (targets, 环比, shares of another)
    note: str | None = None
    # Tiers (honour counts): the ladder rung it counts.
    programme: str | None = None
    level: str | None = None
    status: str | None = None
    tier_kind: str | None = None  # "new" / "total"
    said: str = ""
    """The folded words of its clause before the number (新增, 累计 … decide a tier's kind)."""
    # Where the figure's number stood in the folded sentence (for attaching ranks etc.).
    pos: int = 0


@dataclass
class NamedRow:
    """A named enterprise with its honour, or a named park/project with its rating."""

    name: str
    programme: str | None
    level: str | None
    status: str | None
    rating: str | None
    year: int | None
    quote: str
    line: int


@dataclass
class Extraction:
    """Everything proposed from one report."""

    source_file: str
    title: str | None
    year: int
    months: tuple[int, int]
    year_guessed: bool
    figures: list[Figure] = field(default_factory=list)
    enterprises: list[NamedRow] = field(default_factory=list)
    projects: list[NamedRow] = field(default_factory=list)

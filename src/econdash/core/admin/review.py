"""Reviewing a draft period: accept, reject or correct each proposed figure, then write
the period as final.

A draft (`[period] status = "draft"` in report.toml) holds proposals: `[[indicator]]`
and `[[tier]]` tables, each usually with the sentence it was extracted from (`quote`,
`quote_line`). A `Review` keeps one decision per proposal; `write` rewrites report.toml
with tomlkit, so everything the analyst did not decide on (comments, order, other keys,
the quotes) stays as it was: rejected tables are removed, corrected values replaced and
`status` dropped (a period without it is final). The draft as it was is kept first in
the dataset's `.backup/` (as imports keep what they replace), and the new file replaces
the old one atomically, under the dataset lock, only if it loads without errors and the
draft was not changed meanwhile. Textual-free and polars-free.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from econdash.core.admin.folders import staging_path, unique_backup_path
from econdash.core.errors import EcondashError
from econdash.core.fs import atomic_write_bytes, atomic_write_text
from econdash.core.loaders.meta import REPORT
from econdash.core.loaders.numbers import parse_number
from econdash.core.loaders.report import load_report
from econdash.core.model.dataset import PeriodData

Kind = Literal["indicator", "tier"]
State = Literal["pending", "accepted", "rejected", "corrected"]


class BadValue(EcondashError):
    """A correction that is not a figure; `reason` names which rule it breaks
    ("not_a_number", "empty", "count"), so an interface can say it in its language."""

    def __init__(self, message: str, reason: str, text: str) -> None:
        super().__init__(message)
        self.reason, self.text = reason, text


@dataclass(frozen=True)
class Proposal:
    """One proposed figure: an `[[indicator]]` (its value) or a `[[tier]]` (its count)."""

    kind: Kind
    index: int  # its place among the file's tables of its kind
    key: str  # the indicator's id, or the tier's programme/level/status
    name: str
    value: float | None
    unit: str | None
    yoy_pct: float | None
    quote: str | None
    quote_line: int | None
    line: int | None = None  # the table's own line in report.toml, when known
    state: State = "pending"
    corrected: float | None = None

    @property
    def shown_value(self) -> float | None:
        """The value the final period will hold: the correction, else the proposal."""
        return self.corrected if self.state == "corrected" else self.value


@dataclass
class Review:
    """The decisions on one draft period's proposals, before they are written."""

    period: PeriodData
    root: Path  # the dataset's folder (its lock and .backup/ are there)
    proposals: list[Proposal] = field(default_factory=list)
    original: bytes = b""  # report.toml as the review read it

    @property
    def report_path(self) -> Path:
        """The draft's report.toml."""
        return self.period.folder / REPORT

    def counts(self) -> dict[str, int]:
        """How many proposals are in each state."""
        counts = {state: 0 for state in ("pending", "accepted", "rejected", "corrected")}
        for proposal in self.proposals:
            counts[proposal.state] += 1
        return counts

    def accept(self, number: int) -> None:
        """Accept proposal `number` as proposed (undoes a rejection or correction)."""
        self._set(number, state="accepted", corrected=None)

    def reject(self, number: int) -> None:
        """Leave proposal `number` out of the final period."""
        self._set(number, state="rejected", corrected=None)

    def accept_all(self) -> int:
        """Accept every proposal still pending; returns how many."""
        pending = [n for n, p in enumerate(self.proposals) if p.state == "pending"]
        for number in pending:
            self.accept(number)
        return len(pending)

    def correct(self, number: int, text: str) -> float:
        """Replace proposal `number`'s value (a tier's count) with `text`, read as a figure
        (全角 digits, 1,234.5 and "下降3.2" as the loader reads them). A value that is not
        a number, or a count that is not a whole number ≥ 0, raises EcondashError saying
        what is wrong, and changes nothing."""
        proposal, shown = self.proposals[number], text.strip()
        try:
            value = parse_number(text)
        except ValueError as exc:
            raise BadValue(f"{shown!r}: {exc}", "not_a_number", shown) from None
        if value is None:
            raise BadValue("type a number (or reject the proposal)", "empty", shown)
        if proposal.kind == "tier" and (value < 0 or value != int(value)):
            raise BadValue(f"{shown!r}: a count of enterprises is a whole number of 0 or more",
                           "count", shown)
        self._set(number, state="corrected", corrected=value)
        return value

    def _set(self, number: int, **changes: object) -> None:
        self.proposals[number] = replace(self.proposals[number], **changes)  # type: ignore[arg-type]

    def final_text(self) -> str:
        """report.toml as the review's decisions make it (nothing written)."""
        import tomlkit
        document = tomlkit.parse(self.original.decode("utf-8-sig"))
        period = document.get("period")
        if period is not None and "status" in period:
            del period["status"]
        for kind in ("indicator", "tier"):
            tables = document.get(kind)
            if tables is None:
                continue
            mine = [p for p in self.proposals if p.kind == kind]
            for proposal in sorted(mine, key=lambda p: p.index, reverse=True):
                if proposal.state == "rejected":
                    del tables[proposal.index]
                elif proposal.state == "corrected":
                    key = "count" if kind == "tier" else "value"
                    tables[proposal.index][key] = _toml_number(proposal.corrected)
            if not len(tables):
                del document[kind]
        return tomlkit.dumps(document)

    def write(self) -> Path:
        """Make the period final: check every proposal is decided, keep the draft in
        `.backup/`, then replace report.toml atomically (under the dataset lock). Returns
        where the draft was kept; raises EcondashError (nothing written) when proposals
        are pending, the draft changed since the review read it, or the result would not
        load."""
        from econdash.core.admin.import_target import locked_write
        pending = self.counts()["pending"]
        if pending:
            raise EcondashError(f"{pending} proposal(s) are still pending: accept or reject "
                                "each (or accept all) before writing")
        kept: list[Path] = []

        def work() -> list[str]:
            kept.append(self._write_locked())
            return []

        locked_write(self.root, "review", work)
        return kept[0]

    def _write_locked(self) -> Path:
        path = self.report_path
        try:
            now = path.read_bytes()
        except OSError as exc:
            raise EcondashError(f"cannot read {path}: {exc.strerror or exc}") from None
        if now != self.original:
            raise EcondashError(f"{path} changed since the review opened it; nothing was "
                                "written (open the review again)")
        text = self.final_text()
        _refuse_unless_loads(text, path)
        backup = unique_backup_path(self.root, self.period.folder.name, "-report.draft.toml")
        try:
            atomic_write_bytes(backup, self.original)
            atomic_write_text(path, text)
        except OSError as exc:
            raise EcondashError(f"cannot write {exc.filename or path}: "
                                f"{exc.strerror or exc}; nothing was changed") from None
        return backup


def open_review(period: PeriodData, root: Path) -> Review:
    """The review of a draft period, its proposals in the report's order (indicators,
    then tiers). Raises EcondashError for a period that is not a draft or a report that
    can't be read as it was loaded."""
    if not period.is_draft:
        raise EcondashError(f"{period.id} is not a draft; there is nothing to review")
    path = period.folder / REPORT
    try:
        original = path.read_bytes()
        data = tomllib.loads(original.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise EcondashError(f"cannot read {path} for review: {exc}") from None
    tables = (data.get("indicator", []), data.get("tier", []))
    if (len(tables[0]), len(tables[1])) != (len(period.indicators), len(period.tiers)):
        raise EcondashError(f"{path} changed since it was loaded; wait for the reload and "
                            "open the review again")
    return Review(period, root, _proposals(period), original)


def _proposals(period: PeriodData) -> list[Proposal]:
    proposals = [
        Proposal("indicator", index, ind.id, ind.name, ind.value, ind.unit, ind.yoy_pct,
                 ind.quote, ind.quote_line, ind.line)
        for index, ind in enumerate(period.indicators)]
    proposals.extend(
        Proposal("tier", index, tier_key(t), t.programme,
                 None if t.count is None else float(t.count), "家", None, t.quote, t.quote_line)
        for index, t in enumerate(period.tiers))
    return proposals


def tier_key(tier) -> str:
    """A tier as one text: programme, level and status."""
    return " ".join(part for part in (tier.programme, tier.level, tier.status) if part)


def _toml_number(value: float | None) -> int | float:
    """A whole figure as a TOML integer (as people write 12, not 12.0)."""
    if value is None or not math.isfinite(value):
        raise EcondashError("a corrected value is missing")
    return int(value) if value == int(value) and abs(value) < 2**53 else value


def _refuse_unless_loads(text: str, path: Path) -> None:
    """Load the final text from a hidden file beside the report; any error refuses."""
    probe = staging_path(path.parent, REPORT)
    try:
        atomic_write_text(probe, text)
        report = load_report(probe, path.name)
    except OSError as exc:
        raise EcondashError(f"cannot write beside {path}: {exc.strerror or exc}") from None
    finally:
        probe.unlink(missing_ok=True)
    errors = [p for p in report.problems if p.severity == "error"]
    if errors:
        raise EcondashError(f"the final {path.name} would not load; nothing was written",
                            tuple(errors))

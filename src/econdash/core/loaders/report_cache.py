"""Parsed reports kept between runs, so a dataset of many periods opens without parsing
every report.toml again.

tomllib is pure Python: a report of 40 indicators takes about 8 ms to parse and check,
ten years of monthly reports a second, and a first screen waits for it. The dashboard
passes its cache folder to `load_dataset`; a report is reused only while its file has
the same content (size and crc32 of its bytes: a corrected file can keep its size and
time) and shown name, and only by the code that parsed it (`econdash.core.cache`).
Everything else is parsed as usual.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

from econdash.core.cache import cache_file, read_cache, read_small_file, write_cache
from econdash.core.loaders.report import Report, load_report

REPORT_CACHE_FORMAT = 2
MAX_REPORT_BYTES = 16 * 1024 * 1024  # (a report is a few KB; a bigger one is just parsed)


@dataclass(frozen=True)
class CachedReport:
    """A parsed report and the file it was parsed from."""

    path: str
    size: int
    crc32: int
    shown: str
    report: Report


@dataclass(frozen=True)
class CachedReports:
    """What the cache file holds: the reports one load used."""

    reports: tuple[CachedReport, ...]


class ReportCache:
    """The parsed reports of one dataset folder; `folder=None` keeps nothing."""

    def __init__(self, folder: Path | None, root: Path) -> None:
        self._file = cache_file(folder, "reports", root) if folder is not None else None
        saved = (read_cache(self._file, REPORT_CACHE_FORMAT, CachedReports)
                 if self._file is not None else None)
        self._saved = {entry.path: entry for entry in saved.reports} if saved else {}
        self._used: dict[str, CachedReport] = {}
        self._parsed = False

    def load(self, path: Path, shown: str) -> Report:
        """The report at `path`: from the cache when the file is unchanged, else parsed."""
        content = read_small_file(path, MAX_REPORT_BYTES) if self._file is not None else None
        if content is None:  # (no cache, or not a readable file: load_report says why)
            return load_report(path, shown)
        key = (len(content), zlib.crc32(content), shown)
        hit = self._saved.get(str(path))
        if hit is not None and (hit.size, hit.crc32, hit.shown) == key:
            report = hit.report
        else:
            report = load_report(path, shown)
            self._parsed = True
            if read_small_file(path, MAX_REPORT_BYTES) != content:
                return report  # changed while it was parsed: not known which one it is
        # (one key per thread: no lock needed)
        self._used[str(path)] = CachedReport(str(path), key[0], key[1], shown, report)
        return report

    def save(self) -> None:
        """Keep the reports this load used, if any had to be parsed or was dropped."""
        if self._file is not None and (self._parsed or self._used.keys() != self._saved.keys()):
            write_cache(self._file, REPORT_CACHE_FORMAT, CachedReports(tuple(self._used.values())))

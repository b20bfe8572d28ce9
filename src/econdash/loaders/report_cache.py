"""Parsed reports kept between runs, so a dataset of many periods opens without parsing
every report.toml again.

tomllib is pure Python: a report of 40 indicators takes about 8 ms to parse and check,
ten years of monthly reports a second, and a first screen waits for it. The dashboard
passes its cache folder to `load_dataset`; a report is reused only while its file has
the same time, size and shown name, and only by the loader code that parsed it
(`econdash.cachefile`). Everything else is parsed as usual.
"""

from __future__ import annotations

from pathlib import Path

from econdash.cachefile import cache_file, code_stamp, read_cache, write_cache
from econdash.loaders.report import Report, load_report

REPORT_CACHE_FORMAT = 1
# The modules that decide what a parsed Report holds: a change to any of them is a new cache.
REPORT_MODULES = ("loaders/report.py", "loaders/toml_table.py", "loaders/numbers.py",
                  "loaders/text.py", "loaders/validate.py", "model/dataset.py",
                  "model/period.py", "errors.py")

_State = tuple[int, int, str]  # (mtime_ns, size, shown name)


class ReportCache:
    """The parsed reports of one dataset folder; `folder=None` keeps nothing."""

    def __init__(self, folder: Path | None, root: Path) -> None:
        self._file = cache_file(folder, "reports", root) if folder is not None else None
        self._code = code_stamp(REPORT_CACHE_FORMAT, REPORT_MODULES)
        saved = read_cache(self._file, self._code) if self._file is not None else None
        self._saved: dict[str, tuple[_State, Report]] = saved if isinstance(saved, dict) else {}
        self._used: dict[str, tuple[_State, Report]] = {}
        self._parsed = False

    def load(self, path: Path, shown: str) -> Report:
        """The report at `path`: from the cache when the file is unchanged, else parsed."""
        if self._file is None:
            return load_report(path, shown)
        try:
            stat = path.stat()
        except OSError:
            return load_report(path, shown)  # it says why
        state = (stat.st_mtime_ns, stat.st_size, shown)
        hit = self._saved.get(str(path))
        if hit is not None and hit[0] == state:
            report = hit[1]
        else:
            report = load_report(path, shown)
            self._parsed = True
        self._used[str(path)] = (state, report)  # (one key per thread: no lock needed)
        return report

    def save(self) -> None:
        """Keep the reports this load used, if any had to be parsed or was dropped."""
        if self._file is not None and (self._parsed or self._used.keys() != self._saved.keys()):
            write_cache(self._file, self._code, self._used)

"""Settings that persist between runs: language, theme, last section.

Stored as TOML (written with tomli-w, atomically) in the user config folder.
A missing or broken settings file means defaults, never a crash.
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path

from econdash.core.sections import SECTIONS


@dataclass(frozen=True)
class Settings:
    """What econdash remembers."""

    lang: str = "zh"
    theme: str = "textual-dark"
    section: str = "overview"


def load_settings(path: Path | None) -> Settings:
    """Read settings; anything missing or invalid falls back to the default."""
    try:
        if path is None or not path.is_file():
            return Settings()
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    # ValueError covers bad UTF-8, bad TOML and integers too long to convert; RecursionError
    # values nested too deeply. (is_file() raises for an unreadable folder on the way.)
    except (OSError, ValueError, RecursionError):
        return Settings()
    default = Settings()
    lang = data.get("lang") if data.get("lang") in ("zh", "en") else default.lang
    theme = data.get("theme") if isinstance(data.get("theme"), str) else default.theme
    section = data.get("section") if data.get("section") in SECTIONS else default.section
    return Settings(lang=lang, theme=theme, section=section)  # type: ignore[arg-type]


def save_settings(path: Path | None, settings: Settings) -> None:
    """Write settings atomically; failing to save is not worth interrupting anyone."""
    if path is None:
        return
    try:
        import tomli_w  # (here: only saving needs it, and start-up reads settings)

        from econdash.core.fs import atomic_write_text
        atomic_write_text(path, tomli_w.dumps(asdict(settings)))
    except OSError:
        pass


def settings_path() -> Path:
    """The settings file in the user config folder."""
    from econdash.core.paths import user_config_root
    return user_config_root() / "settings.toml"

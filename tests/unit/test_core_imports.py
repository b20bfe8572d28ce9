"""The core must never import Textual: scripts, `check` and `dump` stay light, and the
core can be used and tested without a terminal. Every module of `econdash.core` is
imported in a fresh interpreter (import-linter checks the same from the source, in CI)."""

from __future__ import annotations

import subprocess
import sys

PROBE = ("import importlib, pkgutil, sys, econdash.core, econdash.cli\n"
         "for module in pkgutil.walk_packages(econdash.core.__path__, 'econdash.core.'):\n"
         "    importlib.import_module(module.name)\n"
         "print(any(m == 'textual' or m.startswith(('textual.', 'econdash.tui')) "
         "for m in sys.modules))")


def run(code: str, env: dict[str, str], cwd) -> str:
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=cwd,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_core_does_not_import_textual(subprocess_env, tmp_path) -> None:
    assert run(PROBE, subprocess_env, tmp_path) == "False"


def test_the_probe_would_notice_textual(subprocess_env, tmp_path) -> None:
    """The same check reports True once Textual is imported, so the test above can fail."""
    assert run("import textual.app\n" + PROBE, subprocess_env, tmp_path) == "True"


def test_check_and_dump_do_not_import_textual(subprocess_env, tmp_path, bundled) -> None:
    code = ("import sys, io, contextlib; from econdash.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main(['check', {str(bundled)!r}]); main(['dump', {str(bundled)!r}])\n"
            "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))")
    assert run(code, subprocess_env, tmp_path) == "False"


def test_packages_import_no_submodules(subprocess_env, tmp_path) -> None:
    """A dataset loads on a thread while the interface imports screens that import
    `econdash.core.model.schema`. Python takes a submodule's import lock before its
    package's, so a package `__init__` importing submodules could deadlock the two."""
    code = ("import sys, econdash.core.loaders, econdash.core.model, econdash.tui.screens, econdash.tui.widgets; "
            "print(sorted(m for m in sys.modules if m.startswith('econdash.')))")
    assert run(code, subprocess_env, tmp_path) == str(
        ["econdash.core", "econdash.core.loaders", "econdash.core.model", "econdash.tui",
         "econdash.tui.screens", "econdash.tui.widgets"])

"""The set-up a fresh checkout relies on: the Makefile's venv and the bundled data.

The Makefile is checked with ``make -n`` (a dry run: nothing is installed, no network)
against a fake venv in a temporary folder, passed as ``VENV=``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from ondermijning_indicators import _resources

from .conftest import ROOT

MAKE = shutil.which("make")
needs_make = pytest.mark.skipif(
    MAKE is None or not (ROOT / "Makefile").is_file(), reason="needs make and the Makefile"
)
STAMPS = (".made-with", ".installed-runtime", ".installed-dev")


def dry_run(target: str, venv: Path, python: str = sys.executable) -> list[str]:
    """Return the commands ``make -n target`` would run, one per line."""
    assert MAKE is not None
    proc = subprocess.run(
        [MAKE, "-n", "--no-print-directory", target, f"VENV={venv}", f"PYTHON={python}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return proc.stdout.splitlines()


def recorded_interpreter(venv: Path) -> str:
    """Return what the Makefile records of the interpreter ``sys.executable`` (dry run)."""
    for line in dry_run("reproduce", venv):
        found = re.fullmatch(r"echo '(.+)' > .*\.made-with", line.strip())
        if found:
            return found.group(1)
    raise AssertionError("the dry run of a missing venv writes no .made-with stamp")


def fake_venv(venv: Path, made_with: str) -> None:
    """Make the stamps of an installed venv, oldest first, all newer than pyproject.toml."""
    venv.mkdir(exist_ok=True)
    start = max(time.time() - 3, (ROOT / "pyproject.toml").stat().st_mtime + 0.01)
    for i, name in enumerate(STAMPS):
        (venv / name).write_text(f"{made_with}\n" if name == ".made-with" else "")
        os.utime(venv / name, (start + i, start + i))


def installs(commands: list[str]) -> list[str]:
    return [c for c in commands if " -m venv " in c or " pip install " in c]


@needs_make
def test_a_venv_made_with_another_python_is_remade(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    fake_venv(venv, "/opt/other/bin/python3.12 3.12.1")
    commands = dry_run("reproduce", venv)
    assert any(re.search(r" -m venv --clear .*venv$", c) for c in commands), commands
    assert any(c.endswith(" pip install --quiet -e .") for c in commands), commands
    assert any(".made-with" in c for c in commands), commands
    assert any(".[dev]" in c for c in dry_run("lint", venv)), "the dev extras are reinstalled"


@needs_make
def test_a_venv_made_with_the_same_python_is_kept(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    fake_venv(venv, recorded_interpreter(venv))
    for target in ("reproduce", "lint", "typecheck"):
        assert installs(dry_run(target, venv)) == [], target


@needs_make
def test_reproduce_installs_the_package_without_extras_and_test_adds_dev(
    tmp_path: Path,
) -> None:
    venv = tmp_path / "venv"  # does not exist: a fresh checkout
    reproduce = [c for c in installs(dry_run("reproduce", venv)) if " pip install " in c]
    assert reproduce[0].endswith(" pip install --quiet --upgrade pip"), reproduce
    assert reproduce[1:] == [f"{venv}/bin/python -m pip install --quiet -e ."]
    test = installs(dry_run("test", venv))
    assert test[-1].endswith(' pip install --quiet -e ".[dev]"'), test
    # with the runtime stamp in place, make test only adds the dev extras
    fake_venv(venv, recorded_interpreter(tmp_path / "missing"))
    (venv / ".installed-dev").unlink()
    assert installs(dry_run("test", venv)) == [test[-1]]


def git_index(root: Path) -> list[str] | None:
    """Return ``git ls-files -s`` of ``root``, or None if it is not a git checkout."""
    git = shutil.which("git")
    if git is None or not (root / ".git").exists():
        return None
    proc = subprocess.run(
        [git, "ls-files", "-s"], cwd=root, capture_output=True, text=True, check=False
    )
    return proc.stdout.splitlines() if proc.returncode == 0 else None


def test_no_file_in_the_git_index_is_a_symlink() -> None:
    # A clone without symlink support (Windows) checks a symlink out as a text file.
    lines = git_index(ROOT)
    if lines is None:
        pytest.skip("not a git checkout")
    assert [ln.split("\t", 1)[1] for ln in lines if ln.startswith("120000 ")] == []


def layout(monkeypatch: pytest.MonkeyPatch, package: Path, source_file: Path) -> None:
    """Make `_resources` see the package at ``package`` and itself at ``source_file``."""
    monkeypatch.setattr(_resources, "resources", SimpleNamespace(files=lambda _: package))
    monkeypatch.setattr(_resources, "__file__", str(source_file))


def test_the_editions_are_found_in_the_package_then_in_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "src" / "ondermijning_indicators"
    layout(monkeypatch, package, package / "_resources.py")
    (tmp_path / "data" / "editions").mkdir(parents=True)
    assert _resources.editions_root() == tmp_path / "data" / "editions"  # a checkout
    (package / "_data" / "editions").mkdir(parents=True)
    assert _resources.editions_root() == package / "_data" / "editions"  # a wheel


def test_missing_editions_name_both_places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site-packages" / "ondermijning_indicators"
    layout(monkeypatch, package, package / "_resources.py")
    with pytest.raises(FileNotFoundError, match="bundled editions are missing") as info:
        _resources.editions_root()
    assert str(package / "_data" / "editions") in str(info.value)
    assert str(tmp_path / "data" / "editions") in str(info.value)

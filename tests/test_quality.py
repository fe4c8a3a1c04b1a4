"""The code stays clean under ruff and mypy (their settings are in pyproject.toml), and the
documented calls type-check for a user of the package."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> list[str]:
    # (the test extra installs both; run them from this interpreter's environment)
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    assert found is not None, f"{name} is not installed: pip install -e '.[test]'"
    return [found]


def test_ruff_finds_nothing():
    result = subprocess.run(_tool("ruff") + ["check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_finds_nothing_in_the_package():
    result = subprocess.run(_tool("mypy") + ["--no-incremental"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_the_documented_calls_type_check(tmp_path):
    user = tmp_path / "user.py"
    user.write_text(
        "import timeline\n"
        'article = timeline.Article("Paul met Kosachev on Monday.", published="2018-08-07", source="Reuters")\n'
        'built = timeline.build([article], errors="collect")\n'
        "print(built.to_markdown(), built.merge(built).to_json())\n",
        encoding="utf-8",
    )
    result = subprocess.run(_tool("mypy") + ["--no-incremental", "--strict", "--follow-imports=silent", str(user)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

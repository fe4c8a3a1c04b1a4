"""What a benchmark ran on: command, versions and machine, printed beside every result."""

from __future__ import annotations

import importlib.metadata
import os
import platform
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterable

REPO = Path(__file__).resolve().parents[1]


def version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def environment(packages: Iterable[str]) -> dict[str, Any]:
    """The command line, Python, timeline (with its git revision), ``packages`` and the machine."""
    import timeline

    commit = subprocess.run(
        ["git", "-C", str(REPO), "describe", "--always", "--dirty"], capture_output=True, text=True
    ).stdout.strip()
    return {
        "command": shlex.join(sys.orig_argv),
        "python": platform.python_version(),
        "timeline": f"{timeline.__version__} ({commit or 'no git'})",
        **{name: version(name) for name in packages},
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }


def header(env: dict[str, Any], *, more_follows: bool = False) -> list[str]:
    """The Markdown lines every benchmark report starts with: command, machine, versions."""
    versions = ", ".join(f"{k} {v}" for k, v in env.items() if k not in ("command", "platform", "processor", "cpus"))
    return [
        f"Command: `{env['command']}`  ",
        f"Machine: {env['platform']}, {env['processor']}, {env['cpus']} CPUs  ",
        f"Versions: {versions}" + ("  " if more_follows else ""),
    ]

"""Files written whole or not at all: a temporary file beside the target, renamed over it.

A write that fails part-way (a full disk, a file size limit, Ctrl-C, SIGTERM) leaves the
previous file as it was and no temporary file behind; readers never see half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_bytes"]


def write_bytes(path: Path, data: bytes) -> None:
    """Put ``data`` in ``path`` atomically (``os.replace`` of a synced temporary file in the
    same folder). Raises ``OSError`` as the writing did; ``path`` is then unchanged."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); the result gets the permissions a plain write
        # would give it: the replaced file's, or those the umask leaves of 0666 for a new one.
        os.chmod(handle, _mode_of(path))
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _mode_of(path: Path) -> int:
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask: read from /proc where there is one, since setting it to read it
    changes it for every thread for a moment."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return umask

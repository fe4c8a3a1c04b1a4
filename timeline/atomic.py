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
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise

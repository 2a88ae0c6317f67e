"""Atomic file replacement: the one way reportlint writes a file.

The data goes to a hidden temporary file beside the target, which then replaces the target in
one step, so a reader (or a crash) never sees half a file. Used for the user's reports (``--fix``,
``annotate``: durable, permissions kept) and for the caches (rebuildable, so no fsync).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def replace_file(target: Path, data: bytes, durable: bool = False) -> None:
    """Write ``data`` to ``target`` atomically, keeping an existing file's permissions.

    ``durable`` flushes the data to disk before the replacement (for the user's own files).
    """
    import tempfile  # only a process that writes something pays for the import

    mode = target.stat().st_mode & 0o7777 if target.exists() else None
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise

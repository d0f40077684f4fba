"""Another commit of this repository, checked out for a side-by-side measurement.

`git worktree` puts the commit in a temporary folder, which is removed afterwards even when
the measurement fails, so benchmarks can run that commit's code next to this tree's.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def checked_out(revision: str) -> Iterator[Path]:
    """The folder holding `revision` (any git revision), for the duration of the block."""
    with tempfile.TemporaryDirectory(prefix="genebot-base-") as tmp:
        folder = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(folder), revision],
                       check=True)
        try:
            yield folder
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(folder)], check=False)

"""A cache of the loaded bot for the command line, so `genebot ask` starts fast.

Loading validates every file and builds the index; both depend only on the content, so the
result is kept in the user's cache folder under a digest of every content file (and of
genebot's code and Python's version). A changed file, another content folder or another version
is another key, so the cache is never stale; any problem reading or writing it just means
loading the usual way. It holds the content and the index, never anything a person typed.
`genebot check` never uses it: it always validates afresh.
"""

from __future__ import annotations

import copyreg
import hashlib
import os
import pickle
import sys
from pathlib import Path
from types import MappingProxyType
from typing import Any

from . import __version__
from .engine.bot import Bot, collector_paused, load
from .engine.content import default_content_dir

__all__ = ["cache_dir", "load_cached"]

_ENGINE = Path(__file__).parent / "engine"

def _frozen(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(mapping)


# Frozen mappings pickle as what they wrap, and come back frozen.
copyreg.pickle(MappingProxyType, lambda m: (_frozen, (dict(m),)))


def cache_dir() -> Path:
    base = os.environ.get("GENEBOT_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / ("genebot" if "GENEBOT_CACHE_DIR" not in os.environ else "")


def digest(root: Path) -> str:
    h = hashlib.sha256(f"{__version__} {sys.version}".encode())
    # The engine's own code too (by size and time, cheap to read): a pickle of an older
    # build of these classes is another key, not a broken bot.
    for path in sorted(_ENGINE.glob("*.py")):
        stat = path.stat()
        h.update(f"{path.name} {stat.st_size} {stat.st_mtime_ns}\0".encode())
    for part in ("intents", "answers", "sources"):
        for path in sorted((root / part).rglob("*")):
            if path.is_file():
                h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def load_cached(content: str | None = None) -> Bot:
    root = Path(content) if content else default_content_dir()
    try:
        path: Path | None = cache_dir() / f"bot-{digest(root)[:32]}.pickle"
    except OSError:  # an unreadable content folder: load() says what is wrong
        path = None
    if path is not None:
        try:
            with path.open("rb") as stored, collector_paused():
                bot = pickle.load(stored)  # noqa: S301 - our own file, in the user's own cache folder
            if isinstance(bot, Bot):
                return bot
        except Exception:  # no cache yet, or an unreadable one: load the usual way
            pass
    bot = load(root)  # validates; broken content raises here, as always
    if path is not None:
        _store(bot, path)
    return bot


def _store(bot: Bot, path: Path) -> None:
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("bot-*.pickle"):
            old.unlink(missing_ok=True)  # one cached bot at a time
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix="bot-", suffix=".tmp", delete=False) as tmp:
            try:
                pickle.dump(bot, tmp, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:
                Path(tmp.name).unlink(missing_ok=True)
                raise
        os.replace(tmp.name, path)
    except Exception:  # a read-only home, a full disk: the cache is only a speed-up
        pass

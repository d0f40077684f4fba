from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import bot
from bot.engine.content import default_content_dir, load_content
from bot.engine.errors import ContentError

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def genebot() -> bot.Bot:
    return bot.load()


@pytest.fixture(scope="session")
def content_dir() -> Path:
    return default_content_dir()


@pytest.fixture
def content_copy(tmp_path: Path, content_dir: Path) -> Path:
    """A scratch copy of the real content, for tests that break it on purpose."""
    target = tmp_path / "content"
    for part in ("intents", "answers", "sources"):
        shutil.copytree(content_dir / part, target / part)
    return target


@pytest.fixture
def load_error(content_copy: Path) -> Callable[[Path | str, str, str], str]:
    """Break one file of the scratch content (its first `old` made `new`) and load it: the
    load error's text, which must name the file, the line and what is wrong."""

    def broken(relative: Path | str, old: str, new: str) -> str:
        path = content_copy / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        with pytest.raises(ContentError) as caught:
            load_content(content_copy)
        return str(caught.value)

    return broken


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The command line caches the loaded bot; tests keep theirs out of the user's home."""
    os.environ.setdefault("GENEBOT_CACHE_DIR", str(tmp_path_factory.mktemp("genebot-cache")))

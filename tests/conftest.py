from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import bot
from bot.engine.content import default_content_dir

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


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The command line caches the loaded bot; tests keep theirs out of the user's home."""
    os.environ.setdefault("GENEBOT_CACHE_DIR", str(tmp_path_factory.mktemp("genebot-cache")))

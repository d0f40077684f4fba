"""The command line's cache of the loaded bot: faster starts, never stale, never user text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def ask(question: str, cache: Path, content: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GENEBOT_CACHE_DIR": str(cache)}
    args = [sys.executable, "-m", "bot", "ask", question, *(["--content", str(content)] if content else [])]
    return subprocess.run(args, capture_output=True, text=True, timeout=120, env=env, cwd=Path(__file__).parent)


def test_the_second_start_uses_the_cache_and_it_holds_no_question(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = ask("what is an irb, my name is Jo Bloggs", cache)
    assert first.returncode == 0 and "Institutional Review Board" in first.stdout
    stored = list(cache.glob("bot-*.pickle"))
    assert len(stored) == 1
    assert b"Bloggs" not in stored[0].read_bytes()
    second = ask("what is an irb", cache)
    assert second.stdout == ask("what is an irb", tmp_path / "other-cache").stdout


def test_an_edit_to_the_content_is_never_hidden_by_the_cache(tmp_path: Path, content_dir: Path) -> None:
    content = tmp_path / "content"
    for part in ("intents", "answers", "sources"):
        shutil.copytree(content_dir / part, content / part)
    cache = tmp_path / "cache"
    assert "a computer program" in ask("are you a robot", cache, content).stdout
    answers = content / "answers" / "conversation.yaml"
    answers.write_text(answers.read_text(encoding="utf-8").replace("a computer program", "a software program", 1),
                       encoding="utf-8")
    assert "a software program" in ask("are you a robot", cache, content).stdout
    assert len(list(cache.glob("bot-*.pickle"))) == 1  # one cached bot at a time


def test_an_unwritable_cache_folder_only_costs_speed(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    result = ask("what is an irb", blocked / "cache")
    assert result.returncode == 0 and "Institutional Review Board" in result.stdout and not result.stderr


def test_a_bot_cached_by_other_engine_code_is_not_reused(tmp_path: Path, monkeypatch) -> None:
    from bot import botcache

    engine = tmp_path / "engine"
    engine.mkdir()
    (engine / "rules.py").write_text("x = 1\n")
    monkeypatch.setattr(botcache, "_ENGINE", engine)
    root = Path(__file__).parents[1]
    before = botcache.digest(root)
    (engine / "rules.py").write_text("x = 22\n")  # an upgrade of genebot with the same version
    assert botcache.digest(root) != before


def test_loading_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path, monkeypatch) -> None:
    """Building and unpickling a bot pause the collector (bot.collector_paused): a bot left
    behind with it off would leak every cycle a long-running server makes."""
    import gc

    from bot import botcache

    monkeypatch.setenv("GENEBOT_CACHE_DIR", str(tmp_path / "cache"))
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            for _ in range(2):  # built and stored, then unpickled
                assert botcache.load_cached().reply("what is an irb")[0].topic == "irb"
                assert gc.isenabled() is enabled
        finally:
            gc.enable()

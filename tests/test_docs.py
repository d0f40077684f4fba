"""The docs cannot drift from the product: the README's session is the bot's own output, and
every document the README points to exists."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import bot

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from readme_session import BLOCK, session  # noqa: E402


def test_the_readme_session_is_what_the_bot_says(genebot: bot.Bot) -> None:
    found = BLOCK.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert found, "README.md has no session block"
    shown = found.group(0).split("\n", 1)[1].rsplit("\n", 1)[0]
    assert shown == session(genebot), "run: python benchmarks/readme_session.py"


def test_every_document_the_readme_links_to_exists() -> None:
    for link in re.findall(r"\]\(((?:docs|sources)/[^)#]*)\)", (ROOT / "README.md").read_text(encoding="utf-8")):
        assert (ROOT / link).exists(), link


def test_the_readme_is_a_front_door_not_a_manual() -> None:
    assert len((ROOT / "README.md").read_bytes()) < 12_000

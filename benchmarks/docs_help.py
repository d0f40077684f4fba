"""Rewrite the `--help` texts in docs/usage.md from the command itself (the way cog does).

    python benchmarks/docs_help.py

tests/test_docs.py fails when a block differs from what `genebot … --help` prints.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

from bot.cli import main

USAGE = Path(__file__).resolve().parent.parent / "docs" / "usage.md"
COMMANDS = ((), ("chat",), ("ask",), ("serve",), ("check",), ("eval",), ("report",), ("bench",))
BLOCK = re.compile(r"<!-- help:start -->\n.*?<!-- help:end -->", re.S)


def help_text(args: tuple[str, ...]) -> str:
    """What `genebot ARGS --help` prints, at a fixed width so the text is the same anywhere."""
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
            main([*args, "--help"])
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved
    return out.getvalue().rstrip()


def blocks() -> str:
    parts = []
    for args in COMMANDS:
        title = " ".join(["genebot", *args, "--help"])
        parts += [f"### `{title}`", "", "```text", help_text(args), "```", ""]
    return "<!-- help:start -->\n" + "\n".join(parts).rstrip() + "\n<!-- help:end -->"


def main_() -> None:
    text = USAGE.read_text(encoding="utf-8")
    if BLOCK.search(text):
        text = BLOCK.sub(lambda _: blocks(), text)
    else:
        text = text.rstrip() + "\n\n## Every command's help\n\n" + blocks() + "\n"
    USAGE.write_text(text, encoding="utf-8")
    print("docs/usage.md: help texts rewritten")


if __name__ == "__main__":
    main_()

"""Rewrite the README's sample session with the bot's own replies (the way cog does).

    python benchmarks/readme_session.py

tests/test_docs.py fails when the README's session differs from what the bot says, so the
front page cannot drift from the product.
"""

from __future__ import annotations

import re
from pathlib import Path

import bot

README = Path(__file__).resolve().parent.parent / "README.md"
QUESTIONS = (
    "wat r the risks of gene theraphy",
    "how much does it cost",
    "should my son get it",
    "my dad just collapsed and isnt breathing",
)
BLOCK = re.compile(r"<!-- session:start -->\n.*?<!-- session:end -->", re.S)


def session(genebot: bot.Bot) -> str:
    lines, state = ["```text", "$ genebot"], None
    for question in QUESTIONS:
        reply, state = genebot.reply(question, state)
        lines += [f"you › {question}", reply.text, ""]
    return "\n".join([*lines[:-1], "```"])


def main() -> None:
    text = README.read_text(encoding="utf-8")
    block = f"<!-- session:start -->\n{session(bot.load())}\n<!-- session:end -->"
    README.write_text(BLOCK.sub(lambda _: block, text), encoding="utf-8")
    print("README.md: session rewritten")


if __name__ == "__main__":
    main()

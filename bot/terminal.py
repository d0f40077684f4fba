"""The terminal chat: a prompt_toolkit session on a terminal, plain lines otherwise."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from prompt_toolkit import PromptSession, print_formatted_text
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.history import FileHistory, History, InMemoryHistory
from prompt_toolkit.input import Input
from prompt_toolkit.output import ColorDepth, Output
from prompt_toolkit.styles import Style
from rapidfuzz import fuzz, process

from .curate.misslog import MissLog
from .engine.bot import Bot
from .engine.conversation import State
from .engine.replies import Reply

__all__ = ["QuestionCompleter", "chat_lines", "chat_terminal", "command_reply", "render", "topic_columns"]

COMMANDS = ("/help", "/topics", "/sources", "/quit")

STYLE = Style.from_dict({
    "prompt": "bold ansicyan",
    "body": "",
    "emergency": "bold ansired",
    "translation": "bold",
    "source": "ansigreen",
    "suggestion": "ansicyan",
    "disclaimer": "italic ansibrightblack",
    "note": "ansiyellow",
})


class QuestionCompleter(Completer):
    """Tab completes the whole line into a question the bot can answer, best matches first:
    questions that start with what was typed, then the closest by rapidfuzz."""

    def __init__(self, questions: Iterable[str], limit: int = 8) -> None:
        self.questions = tuple(dict.fromkeys(questions))
        self.folded = tuple(q.lower() for q in self.questions)
        self.limit = limit

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterator[Completion]:
        typed = document.text_before_cursor
        key = typed.strip().lower()
        if not key:
            ranked = list(range(min(self.limit, len(self.questions))))
        else:
            starts = [i for i, q in enumerate(self.folded) if q.startswith(key)]
            near = process.extract(key, self.folded, scorer=fuzz.partial_ratio, processor=None,
                                   limit=self.limit, score_cutoff=60)
            ranked = list(dict.fromkeys([*starts, *(i for _, _, i in near)]))[: self.limit]
        for i in ranked:
            yield Completion(self.questions[i], start_position=-len(typed))


def topic_columns(questions: list[str], width: int) -> str:
    """The topics in two columns when the screen allows (long questions shortened with "…"),
    so the list fits a 30-row screen; one per line on a narrow screen."""
    cell = (width - 4) // 2
    if cell < 28:
        return "\n".join(f"  • {q}" for q in questions)
    short = [q if len(q) <= cell - 4 else q[: cell - 5] + "…" for q in questions]
    half = (len(short) + 1) // 2
    rows = [f"  • {left:<{cell - 4}}" + (f"  • {right}" if right else "")
            for left, right in zip(short[:half], [*short[half:], ""][:half], strict=True)]
    return "\n".join(rows)


def chat_lines(bot: Bot, lines: Iterable[str], out: IO[str], misses: MissLog | None = None) -> int:
    """Scriptable chat: one message per input line, one plain reply per message, state kept."""
    state = State()
    for line in lines:
        text = command_reply(bot, line)
        if text is None:
            reply, state = bot.reply(line, state)
            if misses is not None:
                misses.observe(bot, line, reply)
            text = reply.text
        if text == "":
            break
        out.write(text + "\n\n")
        out.flush()
    return 0


def command_reply(bot: Bot, line: str) -> str | None:
    """The text for a slash command, "" for /quit, or None when the line is a message."""
    word = line.strip().lower()
    if not word.startswith("/"):
        return None
    c = bot.content
    if word in ("/quit", "/exit", "/q"):
        return ""
    if word in ("/topics", "/list"):
        questions = [t.question for t in c.topics.values() if t.group == "knowledge"]
        width = min(shutil.get_terminal_size((80, 24)).columns, 100) - 2
        body = "Topics I can explain (ask in your own words, or press Tab to complete one):\n" + topic_columns(
            questions, width)
    elif word == "/sources":
        body = "I answer only from these two pages:\n" + "\n".join(
            f"  • {s.citation()}" for s in c.sources.values()
        )
    elif word in ("/help", "/?"):
        body = (
            "Type a question about gene therapy in your own words, e.g. “is gene therapy safe?”.\n"
            "After an answer, type “more” for the source's own words, or a number to pick a suggestion.\n"
            "Commands: /topics (what I can explain), /sources (where my answers come from), "
            "/help, /quit (or Ctrl-D)."
        )
    else:
        body = f"Unknown command {word!r}. Commands: {', '.join(COMMANDS)}."
    return f"{body}\n\n{c.messages.disclaimer}"


def chat_terminal(
    bot: Bot,
    *,
    history_file: str | None = None,
    color: bool = True,
    input: Input | None = None,
    output: Output | None = None,
    show: Callable[..., None] | None = None,
    misses: MissLog | None = None,
) -> int:
    """The interactive chat on a real terminal (input/output/show are for tests; misses logs
    the questions it could not answer, when the person running it asked for that)."""
    history: History = FileHistory(str(Path(history_file).expanduser())) if history_file else InMemoryHistory()
    questions = [t.question for t in bot.content.topics.values() if t.group == "knowledge"]
    session: PromptSession[str] = PromptSession(
        history=history,
        completer=QuestionCompleter([*questions, *COMMANDS]),
        complete_while_typing=False,
        style=STYLE,
        color_depth=None if color else ColorDepth.DEPTH_1_BIT,
        input=input,
        output=output,
    )
    show = show or _printer(color)
    saved = f"Your questions are saved in {history_file}." if history_file else "Your questions are not saved."
    show_note(show, f"{saved} Tab completes example questions; /help for help.")
    show(bot.welcome())  # last before the prompt, so the disclaimer is the last thing shown
    state = State()
    while True:
        try:
            line = session.prompt([("class:prompt", "you › ")])
        except KeyboardInterrupt:
            continue  # Ctrl-C clears the line, as in a shell
        except EOFError:
            show(bot.reply("goodbye")[0])  # Ctrl-D leaves as /quit does: with a goodbye
            break
        if not line.strip():
            continue
        text = command_reply(bot, line)
        if text == "":
            show(bot.reply("goodbye")[0])
            break
        if text is not None:
            show_note(show, text)
            continue
        reply, state = bot.reply(line, state)
        if misses is not None:
            misses.observe(bot, line, reply)
        show(reply)
    return 0


def show_note(show: Callable[..., None], text: str) -> None:
    show(None, note=text)


def _printer(color: bool) -> Callable[..., None]:
    def show(reply: Reply | None, note: str | None = None) -> None:
        width = min(shutil.get_terminal_size((80, 24)).columns, 100) - 2
        fragments = render(reply, width) if reply else [("class:note", _wrap(note or "", width))]
        if not color:
            fragments = [("", text) for _style, text in fragments]
        print_formatted_text(FormattedText(fragments + [("", "\n")]), style=STYLE)

    return show


def render(reply: Reply, width: int = 78) -> list[tuple[str, str]]:
    """Styled, wrapped fragments of a reply, section by section as in ``reply.text``."""
    fragments: list[tuple[str, str]] = []
    for role, text in reply.sections:
        if fragments:
            fragments.append(("", "\n\n"))
        fragments.append((f"class:{role}", _wrap(text, width)))
    return fragments


def _wrap(text: str, width: int) -> str:
    """Wrap at spaces only: an address is never broken, even if it is wider than the screen."""
    return "\n".join(
        textwrap.fill(line, width=width, subsequent_indent="     " if line.startswith("  ") else "",
                      break_long_words=False, break_on_hyphens=False)
        if line.strip() else ""
        for line in text.split("\n")
    )

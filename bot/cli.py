"""The `genebot` command: argument parsing and turning domain errors into exit codes."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NoReturn

from .engine.errors import ContentError, UsageError

__all__ = ["main"]

PROG = "genebot"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (try '{self.prog} --help')\n")


CURATOR_COMMANDS = frozenset({"check", "eval", "report", "bench", "train-model", "train-advice", "train-topics"})


def _content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content", metavar="DIR", default=os.environ.get("GENEBOT_CONTENT"),
        help="content folder with intents/, answers/ and sources/ (default: the current folder "
        "when it is one, as in a checkout; else the packaged content)",
    )


def _is_content_folder(folder: Path) -> bool:
    return all((folder / part).is_dir() for part in ("intents", "answers", "sources"))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; a plugged command's own options are read only for `only`
    (or for every one when it is None), so `genebot ask` never imports the server or the tools."""
    parser = _Parser(
        prog=PROG,
        description="Answers general questions about gene therapy from two trusted pages. "
        "Not medical advice: talk to a health care provider about your health.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} 0.1.0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    chat = sub.add_parser("chat", help="talk with genebot in the terminal (the default)")
    _content_option(chat)
    chat.add_argument(
        "--history", metavar="FILE",
        help="keep your questions in FILE between sessions (off by default: health questions are private)",
    )
    chat.add_argument("--no-color", action="store_true", help="plain text, no colours")
    chat.add_argument(
        "--log-misses", metavar="FILE",
        help="append the questions genebot could not answer to FILE, redacted, for curators "
        "(off by default; or set GENEBOT_MISS_LOG=FILE)",
    )

    ask = sub.add_parser("ask", help="answer one question and exit")
    _content_option(ask)
    ask.add_argument("question", nargs="*", help="the question (quote it, or pass several words)")
    ask.add_argument("--json", action="store_true", help="print the reply as one JSON object")
    ask.add_argument(
        "--batch", action="store_true",
        help="read one question per line from stdin and answer each on its own (one JSON object per line with --json)",
    )
    for name, (module, summary) in _PLUGGED.items():
        command = sub.add_parser(name, help=summary, description=summary)
        _content_option(command)
        if only is None or only == name:
            importlib.import_module(module).add_arguments(command)
    return parser


# Commands that live in their own module: each has add_arguments(parser) and run(args) -> int,
# and keeps its heavy imports (waitress, ...) inside run() so `genebot ask` stays quick.
_PLUGGED: dict[str, tuple[str, str]] = {
    "serve": ("bot.web.server", "serve the HTTP API, the help widget and a demo page"),
    "check": ("bot.curate.check", "validate a content folder: schema, coverage, quotes, collisions, readability"),
    "eval": ("bot.curate.evalcmd", "measure the bot on a labelled question file, or cross-validate its examples"),
    "report": ("bot.curate.report", "group the logged questions the bot could not answer, most frequent first"),
    "bench": ("bot.curate.bench", "time replies, cold start and memory, on today's and on scaled-up content"),
    "train-model": ("bot.curate.trainmodel", "train the learned emergency reader (needs scikit-learn)"),
    "train-advice": ("bot.curate.trainadvice", "train the learned reader of personal questions (needs scikit-learn)"),
    "train-topics": ("bot.curate.traintopics", "train the learned topic model (needs scikit-learn)"),
}


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0].startswith("-") and args_list[0] not in ("-h", "--help", "--version"):
        args_list.insert(0, "chat")
    parser = build_parser(only=args_list[0])
    args = parser.parse_args(args_list)
    if getattr(args, "content", None) is None and _is_content_folder(Path.cwd()):
        args.content = str(Path.cwd())  # a checkout: the content being edited, not an installed copy
    if args.command in CURATOR_COMMANDS:
        where = args.content or "the packaged content"
        print(f"{PROG} {args.command}: content from {where}", file=sys.stderr)
    if args.command in _PLUGGED:
        run = importlib.import_module(_PLUGGED[args.command][0]).run
    else:
        run = _COMMANDS[args.command]
    try:
        return int(run(args))
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except ContentError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `genebot ask ... | head`): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _load(args: argparse.Namespace) -> Any:
    from .botcache import load_cached

    return load_cached(args.content)


def _run_chat(args: argparse.Namespace) -> int:
    from .curate.misslog import MissLog
    from .terminal import chat_lines, chat_terminal

    bot = _load(args)
    misses = MissLog.from_options(args.log_misses)
    if sys.stdin.isatty() and sys.stdout.isatty():
        return chat_terminal(bot, history_file=args.history, color=not args.no_color, misses=misses)
    return chat_lines(bot, _stdin_lines(), sys.stdout, misses=misses)


def _run_ask(args: argparse.Namespace) -> int:
    if args.batch and args.question:
        raise UsageError("give a question or --batch, not both")
    if not args.batch and not args.question:
        raise UsageError("ask needs a question, e.g. genebot ask \"is gene therapy safe?\"")
    bot = _load(args)
    questions: Iterator[str] = _stdin_lines() if args.batch else iter([" ".join(args.question)])
    emit: Callable[[Any, IO[str]], None] = _emit_json if args.json else _emit_text
    for question in questions:
        reply, _state = bot.reply(question)  # each question stands alone
        emit(reply, sys.stdout)
    return 0


def _emit_json(reply: Any, out: IO[str]) -> None:
    out.write(json.dumps(reply.to_dict(), ensure_ascii=False) + "\n")
    out.flush()


def _emit_text(reply: Any, out: IO[str]) -> None:
    out.write(reply.text + "\n\n")
    out.flush()


def _stdin_lines() -> Iterator[str]:
    """Lines of stdin as text, whatever bytes arrive: invalid UTF-8 is replaced, not fatal."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield from (line.rstrip("\r\n") for line in sys.stdin)
        return
    for raw in stream:
        yield raw.decode("utf-8", errors="replace").rstrip("\r\n")


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "chat": _run_chat,
    "ask": _run_ask,
}

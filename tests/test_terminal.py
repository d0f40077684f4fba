"""The prompt_toolkit chat, driven through a pipe as prompt_toolkit's own docs recommend."""

from __future__ import annotations

from pathlib import Path

from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

import bot
from bot.terminal import chat_terminal, render


def _chat(genebot: bot.Bot, keys: str, **kwargs: object) -> list[tuple[object, object]]:
    shown: list[tuple[object, object]] = []
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()
        status = chat_terminal(
            genebot, input=pipe, output=DummyOutput(),
            show=lambda reply, note=None: shown.append((reply, note)), **kwargs,  # type: ignore[arg-type]
        )
    assert status == 0
    return shown


def test_welcome_answer_followup_and_ctrl_d(genebot: bot.Bot) -> None:
    shown = _chat(genebot, "what is an irb\rtell me more\r")
    replies = [r for r, _ in shown if r is not None]
    assert replies[0].body == genebot.content.messages.welcome
    assert replies[0].text.endswith(replies[0].disclaimer)
    assert [r.topic for r in replies[1:]] == ["irb", "irb", "goodbye"]


def test_slash_commands(genebot: bot.Bot) -> None:
    shown = _chat(genebot, "/topics\r/sources\r/help\r/bogus\r/quit\rwhat is an irb\r")
    notes = [n for _, n in shown if n]
    joined = "\n".join(notes)
    assert genebot.content.topics["irb"].question in joined and "medlineplus.gov" in joined
    assert "Unknown command" in joined
    assert all(note.endswith(genebot.content.messages.disclaimer) for note in notes[1:])
    assert not any(r is not None and r.topic == "irb" for r, _ in shown)  # /quit stopped the chat


def test_no_history_file_unless_asked(genebot: bot.Bot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    _chat(genebot, "is it safe\r")
    assert list(tmp_path.rglob("*")) == []
    history = tmp_path / "hist.txt"
    _chat(genebot, "is it safe\r", history_file=str(history))
    assert "is it safe" in history.read_text()


def test_render_keeps_sections_in_order_with_styles(genebot: bot.Bot) -> None:
    reply, _ = genebot.reply("i cant breathe")
    fragments = render(reply, width=40)
    assert fragments[0][0] == "class:emergency"
    assert fragments[-1] == ("class:disclaimer", fragments[-1][1])
    assert all(len(line) <= 40 for _style, text in fragments for line in text.split("\n"))


def test_tab_completes_the_whole_line_best_first(genebot: bot.Bot) -> None:
    from prompt_toolkit.completion import CompleteEvent
    from prompt_toolkit.document import Document

    from bot.terminal import QuestionCompleter

    completer = QuestionCompleter(t.question for t in genebot.content.topics.values() if t.group == "knowledge")
    completions = list(completer.get_completions(Document("what is"), CompleteEvent(completion_requested=True)))
    assert completions and all(c.start_position == -len("what is") for c in completions)  # replaces the line
    assert all(c.text.lower().startswith("what is") for c in completions[:5])
    risky = list(completer.get_completions(Document("risks side"), CompleteEvent(completion_requested=True)))
    assert risky[0].text == "What are the risks and side effects?"


def test_ctrl_d_and_quit_leave_with_a_goodbye(genebot: bot.Bot) -> None:
    for keys in ("what is an irb\r", "/quit\r"):
        replies = [r for r, _ in _chat(genebot, keys) if r is not None]
        assert replies[-1].topic == "goodbye" and replies[-1].text.endswith(replies[-1].disclaimer)


def test_topics_fit_a_30_row_screen_and_addresses_are_never_broken(genebot: bot.Bot) -> None:
    from bot.terminal import _wrap, topic_columns

    questions = [t.question for t in genebot.content.topics.values() if t.group == "knowledge"]
    assert len(topic_columns(questions, 78).splitlines()) <= 26
    reply, _ = genebot.reply("is gene therapy safe")
    wrapped = _wrap(reply.text, 40)
    url = "https://medlineplus.gov/genetics/understanding/therapy/safety/"
    assert any(url in line for line in wrapped.splitlines())


def test_more_names_the_page_of_each_quote(genebot: bot.Bot) -> None:
    reply, state = genebot.reply("what are the risks of gene therapy")
    more, _ = genebot.reply("more", state)
    titles = {s.title for s in genebot.content.sources.values()}
    quoted = [line for line in more.body.splitlines() if line.startswith("“")]
    assert quoted and all(any(line.endswith(f"({title})") for title in titles) for line in quoted)

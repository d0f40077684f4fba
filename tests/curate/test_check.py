"""`genebot check`: one broken content copy per kind of problem, each located at file:line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.curate.check import check_content

LONG_WINDED = (
    "Notwithstanding considerable methodological heterogeneity, contemporary investigational "
    "gene therapies administered intravenously demonstrate substantially differentiated "
    "toxicological characteristics contingent upon vector immunogenicity."
)


def genebot_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "check", *args], capture_output=True, text=True, timeout=120
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str, after: str | None = None) -> int:
    """1-based line of the first line containing needle (after the line containing `after`)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines) if i >= start and needle in line) + 1


def problems(root: Path) -> list[str]:
    return [str(p) for p in check_content(root).problems]


def assert_reported(root: Path, expected: str) -> None:
    found = problems(root)
    assert expected in found, "\n".join(found)


def cut_block(path: Path, start: str, end: str) -> None:
    """Remove text from `start` up to (not including) the next `end`."""
    text = path.read_text(encoding="utf-8")
    at = text.index(start)
    stop = text.index(end, at + len(start))
    path.write_text(text[:at] + text[stop:], encoding="utf-8")


# --------------------------------------------------------------------------- the real content


def test_the_real_content_has_no_errors() -> None:
    result = check_content()
    assert result.loaded and result.errors == (), "\n".join(map(str, result.errors))
    assert all(p.severity == "warning" for p in result.warnings)


def test_cli_exits_zero_and_prints_a_summary() -> None:
    run = genebot_check()
    assert run.returncode == 0, run.stdout + run.stderr
    assert re.search(
        r"^content OK: 0 errors, \d+ warnings? \(\d+ topics, \d+ examples\)$", run.stdout, re.M
    )
    for line in run.stdout.splitlines()[:-1]:
        assert re.match(r"^(intents|answers|sources)/[\w./]+:\d+: warning: ", line), line


# --------------------------------------------------------------------------- schema


def test_unknown_key(content_copy: Path) -> None:
    path = content_copy / "intents" / "conversation.yaml"
    edit(path, "  - id: thanks\n", "  - id: thanks\n    colour: blue\n")
    line = line_of(path, "colour: blue")
    found = problems(content_copy)
    assert any(
        p.startswith(f"intents/conversation.yaml:{line}: unknown key 'colour' in a topic")
        for p in found
    ), found


def test_wrong_type(content_copy: Path) -> None:
    path = content_copy / "intents" / "conversation.yaml"
    edit(path, "    question: Thanks!", "    question: [thanks, cheers]")
    line = line_of(path, "question: [thanks, cheers]")
    assert_reported(
        content_copy,
        f"intents/conversation.yaml:{line}: topic 'thanks': 'question' must be text, got a list",
    )


def test_empty_text(content_copy: Path) -> None:
    path = content_copy / "answers" / "conversation.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    text: >-", text.index("topic: goodbye"))
    end = text.index("\n\n", start)
    path.write_text(text[:start] + '    text: ""' + text[end:], encoding="utf-8")
    line = line_of(path, 'text: ""')
    assert_reported(
        content_copy, f"answers/conversation.yaml:{line}: answer for 'goodbye': 'text' is empty"
    )


def test_duplicate_topic_id(content_copy: Path) -> None:
    path = content_copy / "intents" / "conversation.yaml"
    edit(path, "  - id: goodbye", "  - id: thanks")
    line = line_of(path, "- id: thanks", after="question: Thanks!")
    assert_reported(content_copy, f"intents/conversation.yaml:{line}: duplicate topic id 'thanks'")


def test_answer_without_a_quote(content_copy: Path) -> None:
    path = content_copy / "answers" / "knowledge.yaml"
    cut_block(path, "    quotes:", "    related:")  # the first knowledge answer loses its quotes
    line = line_of(path, "- topic: what-is-gene-therapy")
    assert_reported(
        content_copy,
        f"answers/knowledge.yaml:{line}: answer for 'what-is-gene-therapy' has no source quote "
        "(knowledge answers need one)",
    )


def test_quote_without_a_source(content_copy: Path) -> None:
    path = content_copy / "answers" / "knowledge.yaml"
    edit(path, "      - source: genehome\n        text:", "      - text:")
    line = line_of(path, "      - text:")
    assert_reported(
        content_copy,
        f"answers/knowledge.yaml:{line}: answer for 'what-is-gene-therapy': "
        "a quote has no 'source'",
    )


def test_topic_without_examples(content_copy: Path) -> None:
    path = content_copy / "intents" / "conversation.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("examples:", text.index("id: thanks"))
    end = text.index("\n  - id:", start)
    path.write_text(text[:start] + "examples: []" + text[end:], encoding="utf-8")
    line = line_of(path, "examples: []")
    assert_reported(
        content_copy, f"intents/conversation.yaml:{line}: topic 'thanks' has no examples"
    )


# --------------------------------------------------------------------------- coverage


def test_missing_catalog_topic(content_copy: Path) -> None:
    cut_block(content_copy / "intents" / "conversation.yaml", "  - id: goodbye", "  - id:")
    cut_block(content_copy / "answers" / "conversation.yaml", "  - topic: goodbye", "  - topic:")
    assert_reported(content_copy, "intents/: catalog topic 'goodbye' is missing")


def test_topic_without_answer_points_at_the_topic(content_copy: Path) -> None:
    cut_block(content_copy / "answers" / "conversation.yaml", "  - topic: goodbye", "  - topic:")
    line = line_of(content_copy / "intents" / "conversation.yaml", "- id: goodbye")
    assert_reported(
        content_copy, f"intents/conversation.yaml:{line}: topic 'goodbye' has no answer"
    )


def test_unknown_related_topic(content_copy: Path) -> None:
    path = content_copy / "answers" / "knowledge.yaml"
    edit(
        path,
        "related: [risks, in-vivo-ex-vivo, how-it-works]",
        "related: [risks, gene-teleportation]",
    )
    line = line_of(path, "- topic: vector")
    assert_reported(
        content_copy,
        f"answers/knowledge.yaml:{line}: answer for 'vector': "
        "unknown related topic id 'gene-teleportation'",
    )


# --------------------------------------------------------------------------- grounding


def test_quote_not_in_its_source(content_copy: Path) -> None:
    path = content_copy / "answers" / "knowledge.yaml"
    edit(
        path,
        "with the goal of changing the course of a disease.",
        "with the goal of curing every disease.",
    )
    line = line_of(path, "curing every disease")
    found = problems(content_copy)
    expected = (
        f"answers/knowledge.yaml:{line}: answer for 'what-is-gene-therapy': "
        "quote not found in source 'genehome'"
    )
    assert any(p.startswith(expected) for p in found), found


def test_quotes_match_whatever_the_whitespace(content_copy: Path) -> None:
    path = content_copy / "answers" / "knowledge.yaml"
    edit(
        path,
        '"Risk depends on the type of gene therapy, type',
        '"Risk  depends on the type of gene\\n  therapy, type',
    )
    assert check_content(content_copy).errors == ()


# --------------------------------------------------------------------------- collisions


def test_same_example_under_two_topics(content_copy: Path) -> None:
    path = content_copy / "intents" / "conversation.yaml"
    edit(path, "      - thank you so much\n", "      - thank you so much\n      - Hello!\n")
    line = line_of(path, "- Hello!")
    hello = line_of(path, "- hello")
    assert_reported(
        content_copy,
        f"intents/conversation.yaml:{line}: example 'Hello!' of topic 'thanks' is also an example "
        f"of topic 'greeting' (intents/conversation.yaml:{hello}); keep it under one topic",
    )


def test_example_classified_as_another_topic_is_a_warning(content_copy: Path) -> None:
    path = content_copy / "intents" / "knowledge.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("examples:\n", text.index("- id: vector")) + len("examples:\n")
    path.write_text(text[:at] + "      - he stopped breathing\n" + text[at:], encoding="utf-8")
    line = line_of(path, "- he stopped breathing")
    result = check_content(content_copy)
    assert result.errors == ()
    mine = [str(p) for p in result.warnings if p.line == line]
    assert mine and mine[0].startswith(
        f"intents/knowledge.yaml:{line}: warning: example 'he stopped breathing' of topic 'vector' "
        "is classified as topic 'emergency'"
    ), mine


# --------------------------------------------------------------------------- readability


def test_hard_answer_is_a_warning_with_its_grade(content_copy: Path) -> None:
    path = content_copy / "answers" / "knowledge.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    text: >-", text.index("- topic: vector"))
    end = text.index("    quotes:", start)
    path.write_text(
        text[:start] + f"    text: >-\n      {LONG_WINDED}\n" + text[end:], encoding="utf-8"
    )
    line = line_of(path, "text: >-", after="- topic: vector")
    warnings = [str(p) for p in check_content(content_copy).warnings]
    expected = f"answers/knowledge.yaml:{line}: warning: answer for 'vector' reads at grade "
    hit = [w for w in warnings if w.startswith(expected)]
    assert hit, warnings
    assert float(re.search(r"grade (\d+\.\d)", hit[0]).group(1)) > 9


def test_max_grade_can_be_raised() -> None:
    assert not [p for p in check_content(max_grade=40).warnings if "reads at grade" in p.message]


# --------------------------------------------------------------------------- the command


def test_cli_prints_file_line_and_exits_one_on_errors(content_copy: Path) -> None:
    path = content_copy / "intents" / "conversation.yaml"
    edit(path, "  - id: thanks\n", "  - id: thanks\n    colour: blue\n")
    line = line_of(path, "colour: blue")
    run = genebot_check("--content", str(content_copy))
    assert run.returncode == 1
    assert f"intents/conversation.yaml:{line}: unknown key 'colour'" in run.stdout
    assert "content is broken: 1 error" in run.stdout
    assert "Traceback" not in run.stderr


def test_warnings_pass_unless_strict(content_copy: Path) -> None:
    path = content_copy / "answers" / "conversation.yaml"
    edit(path, "Goodbye, and take care!", LONG_WINDED)
    assert genebot_check("--content", str(content_copy)).returncode == 0
    strict = genebot_check("--content", str(content_copy), "--strict")
    assert strict.returncode == 1
    assert "warning: answer for 'goodbye' reads at grade" in strict.stdout


def test_every_error_in_one_pass(content_copy: Path) -> None:
    edit(
        content_copy / "intents" / "conversation.yaml",
        "  - id: thanks\n",
        "  - id: thanks\n    colour: blue\n",
    )
    edit(
        content_copy / "answers" / "knowledge.yaml",
        "type of vector, and administration",
        "type of vector, and moon",
    )
    found = "\n".join(problems(content_copy))
    assert "unknown key 'colour'" in found and "quote not found" in found


@pytest.mark.parametrize("name", ["content", "nowhere"])
def test_missing_folder(tmp_path: Path, name: str) -> None:
    run = genebot_check("--content", str(tmp_path / name))
    assert run.returncode == 1
    assert "content folder not found" in run.stdout


def test_in_a_checkout_check_reads_the_content_being_edited(content_copy: Path) -> None:
    """The curator trap: after `pip install .`, editing answers/ and running `genebot check`
    in the checkout must check the edit, not the installed copy."""
    answers = content_copy / "answers" / "knowledge.yaml"
    text = answers.read_text(encoding="utf-8")
    quote = text.index("text:", text.index("quotes:"))  # the first quote of the first answer
    answers.write_text(text[:quote] + "text: Gene therapy cures everything. " + text[quote + 5:], encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "bot", "check"], cwd=content_copy,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout
    assert result.stderr.splitlines()[0] == f"genebot check: content from {content_copy}"
    assert "quote not found" in result.stdout + result.stderr


def test_a_filler_inside_a_lexicon_phrase_is_a_warning(content_copy: Path) -> None:
    # "not literally" would be read as a bare "not": the phrase says less than it seems to
    path = content_copy / "intents" / "lexicon" / "safety.yaml"
    edit(path, "      - breathing slow\n", "      - breathing really slow\n")
    line = line_of(path, "breathing really slow")
    found = problems(content_copy)
    expected = (f"intents/lexicon/safety.yaml:{line}: warning: concept 'breathing': 'terms': 'breathing really slow' "
                "is read as 'breathing slow' ('really' is a filler, dropped from messages too)")
    assert expected in found, found


def test_a_word_whose_accents_dropped_make_it_a_filler_is_a_warning_when_one_word_is_left(content_copy: Path) -> None:
    # Vietnamese "thi thể" (a body) reads "thi", which is also "thì" (then): a story's trigger in
    # every Vietnamese message that says "then"
    path = content_copy / "intents" / "lexicon" / "languages" / "vi.yaml"
    edit(path, "vụ việc, phát hiện thi thể,", "vụ việc, thi thể, phát hiện thi thể,")
    line = line_of(path, "vụ việc, thi thể,")
    expected = (f"intents/lexicon/languages/vi.yaml:{line}: warning: context 'fiction': 'either': 'thi thể' is read as "
                "'thi' ('thể' read as 'the', a filler, dropped from messages too)")
    found = problems(content_copy)
    assert expected in found, found
    assert not any("'phát hiện thi thể' is read" in problem for problem in found)  # more than one word is left

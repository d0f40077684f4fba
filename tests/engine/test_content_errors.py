"""Broken content stops the bot at load time with one clear message: file, line, what.

The same problems seen through `genebot check` (with exact line numbers for every kind)
are in test_check.py; these are the load-time cases it does not cover.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot import ContentError, load_content


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _problems(root: Path) -> str:
    with pytest.raises(ContentError) as info:
        load_content(root)
    return str(info.value)


def test_bad_yaml_names_file_and_line(content_copy: Path) -> None:
    path = content_copy / "answers" / "knowledge.yaml"
    _edit(path, "  - topic: goal", "  - topic: [goal")
    line = 1 + path.read_text(encoding="utf-8").splitlines().index("  - topic: [goal")
    message = _problems(content_copy)
    assert re.search(r"answers/knowledge\.yaml:\d+: invalid YAML", message), message
    reported = int(re.search(r"knowledge\.yaml:(\d+)", message).group(1))  # type: ignore[union-attr]
    assert line <= reported <= line + 3  # PyYAML notices the error a little after it starts


def test_unknown_source_id(content_copy: Path) -> None:
    _edit(content_copy / "answers" / "knowledge.yaml", "source: genehome", "source: wikipedia")
    assert "unknown source 'wikipedia'" in _problems(content_copy)


def test_answer_for_unknown_topic(content_copy: Path) -> None:
    _edit(content_copy / "answers" / "conversation.yaml", "topic: goodbye", "topic: farewell")
    message = _problems(content_copy)
    assert "answer for unknown topic id 'farewell'" in message
    assert "topic 'goodbye' has no answer" in message


def test_invalid_regex(content_copy: Path) -> None:
    path = content_copy / "intents" / "safety.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("patterns:")
    path.write_text(text[:at] + "patterns:\n      - '(unclosed'" + text[at + len("patterns:"):], encoding="utf-8")
    assert "is not a valid regex" in _problems(content_copy)


def test_cli_stops_with_one_clear_message(content_copy: Path) -> None:
    _edit(content_copy / "answers" / "conversation.yaml", "topic: goodbye", "topic: farewell")
    run = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--content", str(content_copy), "hello"],
        capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "answers/conversation.yaml" in run.stderr and "farewell" in run.stderr
    assert run.stdout == ""


def test_a_broken_safety_lexicon_names_the_file_and_line(content_copy: Path) -> None:
    lexicon = content_copy / "intents" / "lexicon" / "safety.yaml"
    text = lexicon.read_text(encoding="utf-8")
    lines = text.splitlines()
    line = next(n for n, row in enumerate(lines, 1) if row.strip() == "urgency: medical")
    lexicon.write_text(text.replace("urgency: medical", "urgency: sometimes", 1), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_content(content_copy)
    assert f"intents/lexicon/safety.yaml:{line}: concept 'breathing': urgency must be one of" in str(error.value)


@pytest.mark.parametrize(("phrases", "says"), [
    ("phrases: [risks, safe,", "'risks' is in both 'risks' and 'safe'"),
    ("phrases: [safe, safety,", "concept 'safe': phrase 'safety' is listed twice"),  # not "in both 'safe' and 'safe'"
])
def test_a_phrase_listed_twice_is_refused_with_its_line(content_copy: Path, phrases: str, says: str) -> None:
    concepts = content_copy / "intents" / "lexicon" / "concepts.yaml"
    concepts.write_text(concepts.read_text(encoding="utf-8").replace("phrases: [safe,", phrases, 1), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_content(content_copy)
    assert "intents/lexicon/concepts.yaml:" in str(error.value) and says in str(error.value)


def test_a_frame_naming_an_unknown_topic_is_refused_with_its_line(content_copy: Path) -> None:
    frames = content_copy / "intents" / "lexicon" / "frames.yaml"
    _edit(frames, "answered_by: [oversight,", "answered_by: [oversite,")
    line = 1 + next(i for i, text in enumerate(frames.read_text(encoding="utf-8").splitlines()) if "[oversite," in text)
    message = _problems(content_copy)
    expected = f"intents/lexicon/frames.yaml:{line}: frame 'oversight' names unknown topics: ['oversite']"
    assert expected in message, message


def test_a_subject_naming_an_unknown_topic_is_refused_with_its_line(content_copy: Path) -> None:
    frames = content_copy / "intents" / "lexicon" / "frames.yaml"
    _edit(frames, "topics: [trial-phase-1,", "topics: [trial-phase-one,")
    line = 1 + next(i for i, text in enumerate(frames.read_text(encoding="utf-8").splitlines())
                    if "[trial-phase-one," in text)
    message = _problems(content_copy)
    expected = f"intents/lexicon/frames.yaml:{line}: subject 'trial phase' names unknown topics: ['trial-phase-one']"
    assert expected in message, message


def test_a_frame_cue_of_two_words_is_refused(content_copy: Path) -> None:
    frames = content_copy / "intents" / "lexicon" / "frames.yaml"
    _edit(frames, "cues: [cost,", "cues: [how much,")
    message = _problems(content_copy)
    assert "intents/lexicon/frames.yaml:" in message and "cue 'how much' must be one word" in message, message


@pytest.mark.parametrize(("picture", "shown"), [('"knife"', "'knife'"), ('"#"', "'#'")])  # a word; an ASCII mark
def test_an_emoji_entry_that_is_not_one_picture_is_refused_with_its_line(content_copy: Path, picture: str,
                                                                         shown: str) -> None:
    lexicon = content_copy / "intents" / "lexicon" / "safety.yaml"
    _edit(lexicon, '  "🔪": knife', f'  {picture}: knife')
    line = 1 + lexicon.read_text(encoding="utf-8").splitlines().index(f'  {picture}: knife')
    message = _problems(content_copy)
    assert f"intents/lexicon/safety.yaml:{line}: emoji: {shown} must be one picture mapped to words" in message, message


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("unstemmed: [gaping,", "unstemmed: [gaping wound,", "'unstemmed': 'gaping wound' is not one lower-case word"),
    ("amounts: [mg,", "amounts: [milli grams,", "'amounts': 'milli grams' is not one lower-case word"),
    ("missing: [not,", "missing: [not now,", "'missing': 'not now' is not one lower-case word"),
    ("asking: [what,", "asking: [what is,", "'asking': 'what is' is not one lower-case word"),
    ("joiners: [also,", "joiners: [Also,", "'joiners': 'Also' is not lower-case words"),
    ("laughter: [lol,", "laughter: [laughing out loud,", "'laughter': 'laughing out loud' is not one lower-case word"),
    ("    lasts: true", "    lasts: sometimes", "concept 'poisoning': 'lasts' must be true or false"),
    ("    asked: true", "    asked: often", "concept 'method-seeking': 'asked' must be true or false"),
    ("    sure: true  #", "    sure: yes please  #", "concept 'help-now': 'sure' must be true or false"),
    ("  for: [suicidal-thoughts,", "  for: [suicidal-thought,", "'persons': 'for': no concept 'suicidal-thought'"),
    ("    he: {i: he,", "    he: {i: He,", "'persons': 'he' must map lower-case words to lower-case words"),
    ("      - took lotsof * {medicine}", "      - took lotsof * {medicines}",
     # the known classes follow; which they are is content, not this test's business
     "concept 'poisoning': 'terms': 'took lotsof * {medicines}' names no class '{medicines}' (known: "),
    ("  medicine: [pills,", "  Medicine: [pills,", "class 'Medicine': a class name is lower-case letters and '-'"),
    ("english_before: [want to,", "english_before: [want to, want to,", "'english_before': 'want to' is listed twice"),
    ("  pseudo-triggers: [at once,", "  pseudo-triggers: [at once, at once,",
     "'context': 'pseudo-triggers': 'at once' is listed twice"),
    # a filler is dropped from every message: a plea made of it could never be read
    ("  words: [someone, somebody,", "  words: [please, someone, somebody,",
     "'pleas': 'words': 'please' has no words left after normalising"),
    ("  calls: [help]", "  callers: [help]", "'pleas' has no 'calls'"),
    ("counts: [lotsof]", "counts: [lotsof, manypills]", "counts: 'manypills' is not a word of 'numbers'"),
    ("    wording: overdose", "    wording: poison",
     "concept 'poisoning': 'wording' is for a medical concept, one of overdose"),
    ("  hightemp: [[39.5, 45, [c,", "  hightemp: [[39.5, 45, [1,",
     "numbers: 'hightemp' needs a list of [low, high] ranges, low <= high, each with a list of unit words after it"),
])
def test_a_bad_lexicon_setting_is_refused_with_its_line(content_copy: Path, old: str, new: str, expected: str) -> None:
    lexicon = content_copy / "intents" / "lexicon" / "safety.yaml"
    _edit(lexicon, old, new)
    line = 1 + next(i for i, row in enumerate(lexicon.read_text(encoding="utf-8").splitlines()) if row.startswith(new))
    message = _problems(content_copy)
    assert f"intents/lexicon/safety.yaml:{line}: {expected}" in message, message


def test_a_phrase_a_gapped_one_already_matches_is_refused_with_its_line(content_copy: Path) -> None:
    # a '*' may stand for no word: "hang from * ceiling" already reads "hang from ceiling"
    lexicon = content_copy / "intents" / "lexicon" / "safety.yaml"
    _edit(lexicon, "      - hang from * ceiling\n", "      - hang from * ceiling\n      - hang from ceiling\n")
    line = 1 + lexicon.read_text(encoding="utf-8").splitlines().index("      - hang from ceiling")
    message = _problems(content_copy)
    expected = ("concept 'suicidal-thoughts': 'terms': 'hang from ceiling' is listed twice: "
                "'hang from * ceiling' already matches it")
    assert f"intents/lexicon/safety.yaml:{line}: {expected}" in message, message


def test_a_weak_block_without_its_cues_is_refused_with_its_line(content_copy: Path) -> None:
    lexicon = content_copy / "intents" / "lexicon" / "safety.yaml"
    text = lexicon.read_text(encoding="utf-8")
    start = text.index("\n    weak:\n", text.index("  - id: poisoning")) + 1
    cues = text.index("      cues:", start)
    lexicon.write_text(text[:cues] + text[text.index("\n", cues) + 1:], encoding="utf-8")
    line = 2 + text[:start].count("\n")  # the block's first key
    message = _problems(content_copy)
    assert f"intents/lexicon/safety.yaml:{line}: concept 'poisoning': 'weak' has no 'cues'" in message, message
    assert "problems" not in message, message  # one problem, said once



def test_a_support_concept_with_more_than_terms_is_refused_with_its_line(content_copy: Path) -> None:
    # distress is read apart from the emergency concepts, so it may not pair signs or be weak
    lexicon = content_copy / "intents" / "lexicon" / "safety.yaml"
    head = "  - id: distress\n    urgency: support\n"
    _edit(lexicon, head, head + "    asked: true\n")
    rows = lexicon.read_text(encoding="utf-8").splitlines()
    line = 1 + rows.index("  - id: distress") + 2
    message = _problems(content_copy)
    expected = "concept 'distress': a 'support' concept has only 'terms', not 'asked'"
    assert f"intents/lexicon/safety.yaml:{line}: {expected}" in message, message


@pytest.mark.parametrize(("text", "expected"), [
    ("concepts:\n  breathing: [kan pumzi]\n  breething: [hana pumzi]\n",
     "xx.yaml:5: unknown key 'breething' in 'concepts'"),
    ("concepts:\n  seizure:\n    - kan pumzi\n    - quiero morir\n",
     "xx.yaml:6: concept 'seizure': 'quiero morir' is also in 'suicidal-thoughts'"),
])
def test_a_broken_language_file_is_refused_with_its_line(content_copy: Path, text: str, expected: str) -> None:
    languages = content_copy / "intents" / "lexicon" / "languages"
    (languages / "xx.yaml").write_text(f"version: 1\nlanguage: Test\n{text}", encoding="utf-8")
    message = _problems(content_copy)
    assert f"intents/lexicon/languages/{expected}" in message, message

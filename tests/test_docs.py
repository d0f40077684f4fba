"""The docs cannot drift from the product: the README's session is the bot's own output, and
every document the README points to exists."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import bot

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from figures_table import README_ROW, ROW  # noqa: E402
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
    """Its prose stays short; the figures table is left out of the count because it gains a
    row for every evaluation set (issue 9), so its length says nothing of the prose's."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines(keepends=True)
    prose = "".join(line for line in lines if not line.startswith("| "))
    assert len(prose.encode()) < 6_500


RERUN = "run: python benchmarks/figures_table.py"


def test_the_quality_figures_in_the_docs_are_todays(genebot: bot.Bot) -> None:
    """Each set's "after" figures in docs/figures.md are what `genebot eval` gives now."""
    from bot.curate.evaluate import evaluate, load_cases

    lines = (ROOT / "docs" / "figures.md").read_text(encoding="utf-8").splitlines()
    assert sum(1 for line in lines if ROW.match(line)) >= 10
    for line in lines:
        found = ROW.match(line)
        if not found:
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        after = [re.search(r"\*\*([^*]+)\*\*", cell).group(1) for cell in cells[4:6]]  # type: ignore[union-attr]
        summary = evaluate(genebot, load_cases(ROOT / "tests" / "eval" / found.group(1))).summary
        shown = ["n/a" if v is None else f"{v * 100:.1f}%"
                 for v in (summary["in_scope_accuracy"], summary["out_of_scope_fallback"])]
        assert after == shown, (found.group(1), after, RERUN)  # "n/a": a set with no question of that kind


def test_the_readme_figures_table_is_todays_and_covers_every_set(genebot: bot.Bot) -> None:
    """The README's table: one row per evaluation set, each figure what `genebot eval` gives."""
    from bot.curate.evaluate import evaluate, load_cases

    percent = lambda value: "n/a" if value is None else f"{value * 100:.1f}%"  # noqa: E731
    shown = {}
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        found = README_ROW.match(line)  # a set, named without ".yaml"
        if found:
            shown[found.group(1) + ".yaml"] = [cell.strip() for cell in line.strip("|").split("|")]
    assert set(shown) == {path.name for path in (ROOT / "tests" / "eval").glob("*.yaml")}
    for name, cells in shown.items():
        s = evaluate(genebot, load_cases(ROOT / "tests" / "eval" / name)).summary
        caught, emergencies = s["counts"]["emergency_recall"]
        alarms, ordinary = s["counts"]["false_alarm_rate"]
        expected = [str(s["total"]), percent(s["in_scope_accuracy"]), percent(s["out_of_scope_fallback"]),
                    f"{caught}/{emergencies}" if emergencies else "–", f"{alarms}/{ordinary}"]
        assert cells[2:7] == expected, (name, cells[2:7], expected, "run: python benchmarks/figures_table.py")


def test_the_help_texts_in_the_docs_are_the_commands_own() -> None:
    from docs_help import BLOCK as HELP
    from docs_help import blocks

    found = HELP.search((ROOT / "docs" / "usage.md").read_text(encoding="utf-8"))
    assert found and found.group(0) == blocks(), "run: python benchmarks/docs_help.py"

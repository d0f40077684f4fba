"""Rewrite the quality figures in README.md and docs/figures.md from `genebot eval`.

README.md has one row per evaluation set (n, in-scope, out-of-scope, emergencies, false
alarms), named without ".yaml" to keep the front page short; docs/figures.md has
"before → **after**" cells, of which only the after values are rewritten.
tests/test_docs.py fails when either drifts from the bot, and names this script:

    python benchmarks/figures_table.py
"""

from __future__ import annotations

import re
from pathlib import Path

import bot
from bot.curate.evaluate import evaluate, load_cases

ROOT = Path(__file__).resolve().parent.parent
ROW = re.compile(r"^\| `([\w-]+\.yaml)` \|")  # docs/figures.md
README_ROW = re.compile(r"^\| ([a-z][\w-]*) \| (?:yes|no)\b")  # README.md: "| real-heldout-2 | no |"


def figures(genebot: bot.Bot, name: str) -> dict[str, str]:
    summary = evaluate(genebot, load_cases(ROOT / "tests" / "eval" / name)).summary
    counts = summary["counts"]
    caught, emergencies = counts["emergency_recall"]
    alarms, ordinary = counts["false_alarm_rate"]
    right, given = counts["advice_precision"]
    _, asked = counts["advice_recall"]
    return {
        "n": str(summary["total"]),
        "in": _percent(summary["in_scope_accuracy"]),
        "out": _percent(summary["out_of_scope_fallback"]),
        "caught": f"{caught}/{emergencies}" if emergencies else "–",
        "alarms": f"{alarms}/{ordinary}",
        "advice": f"{right}/{given} · {right}/{asked}",
    }


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def rewrite(path: Path, genebot: bot.Bot, cells_of: dict[str, tuple[int, str]], row: re.Pattern[str] = ROW) -> None:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        found = row.match(line)
        if found:
            values = figures(genebot, found.group(1).removesuffix(".yaml") + ".yaml")
            cells = line.strip("|").split("|")
            for key, (index, style) in cells_of.items():
                if style == "after":
                    cells[index] = re.sub(r"\*\*[^*]+\*\*", f"**{values[key]}**", cells[index])
                else:
                    cells[index] = f" {values[key]} "
            line = "|" + "|".join(cells) + "|"
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    genebot = bot.load(ROOT)
    plain = {"n": 2, "in": 3, "out": 4, "caught": 5, "alarms": 6}
    rewrite(ROOT / "README.md", genebot, {key: (index, "plain") for key, index in plain.items()}, README_ROW)
    rewrite(ROOT / "docs" / "figures.md", genebot,
            {"in": (4, "after"), "out": (5, "after"), "caught": (6, "after"), "alarms": (7, "after"),
             "advice": (8, "after")})
    print("figures_table: README.md and docs/figures.md rewritten")


if __name__ == "__main__":
    main()

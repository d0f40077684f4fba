"""Rewrite the quality figures in README.md and docs/figures.md from `genebot eval`.

README.md has one row per evaluation set (n, in-scope, out-of-scope, emergencies, false
alarms); docs/figures.md has "before → **after**" cells, of which only the after values are
rewritten. tests/test_docs.py fails when either drifts from the bot, and names this script:

    python benchmarks/figures_table.py
"""

from __future__ import annotations

import re
from pathlib import Path

import bot
from bot.curate.evaluate import Result, evaluate, load_cases

ROOT = Path(__file__).resolve().parent.parent
ROW = re.compile(r"^\| `([\w-]+\.yaml)` \|")


def figures(genebot: bot.Bot, name: str) -> dict[str, str]:
    report = evaluate(genebot, load_cases(ROOT / "tests" / "eval" / name))
    results: tuple[Result, ...] = report.results
    summary = report.summary
    emergencies = [r for r in results if "emergency" in r.expect]
    ordinary = [r for r in results if "emergency" not in r.expect]
    asked = [r for r in results if "personal-advice" in r.expect]
    given = [r for r in results if r.got == "personal-advice"]
    right = sum(r.got == "personal-advice" for r in asked)
    return {
        "n": str(len(results)),
        "in": _percent(summary["in_scope_accuracy"]),
        "out": _percent(summary["out_of_scope_fallback"]),
        "caught": f"{sum(r.got == 'emergency' for r in emergencies)}/{len(emergencies)}" if emergencies else "–",
        "alarms": f"{sum(r.got == 'emergency' for r in ordinary)}/{len(ordinary)}",
        "advice": f"{right}/{len(given)} · {right}/{len(asked)}",
    }


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def rewrite(path: Path, genebot: bot.Bot, cells_of: dict[str, tuple[int, str]]) -> None:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        found = ROW.match(line)
        if found:
            values = figures(genebot, found.group(1))
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
    rewrite(ROOT / "README.md", genebot, {key: (index, "plain") for key, index in plain.items()})
    rewrite(ROOT / "docs" / "figures.md", genebot,
            {"in": (4, "after"), "out": (5, "after"), "caught": (6, "after"), "alarms": (7, "after"),
             "advice": (8, "after")})
    print("figures_table: README.md and docs/figures.md rewritten")


if __name__ == "__main__":
    main()

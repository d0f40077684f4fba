"""`genebot eval`: did a content edit make the bot better or worse?

Runs a labelled question file (YAML, CSV or TSV) through the bot, or cross-validates over
the example phrasings themselves, and prints the figures a curator compares before and
after an edit. ``--json`` prints the same as one object for scripts and CI.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..engine.errors import UsageError

__all__ = ["add_arguments", "format_report", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="questions to ask: YAML list of {question, expect}, or CSV/TSV with those columns",
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object (with a results list)"
    )
    parser.add_argument(
        "--cross-validate",
        type=int,
        metavar="K",
        help="instead of FILE, K-fold cross-validation over the example phrasings",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="how the folds are shuffled (default 0)"
    )
    parser.add_argument(
        "--min-accuracy",
        type=_fraction,
        metavar="X",
        help="exit 1 when overall accuracy is below X (0.85 or 85%%), for CI",
    )
    parser.add_argument(
        "--top", type=int, default=10, metavar="N", help="how many confusions to list (default 10)"
    )
    parser.add_argument(
        "--html", metavar="FILE",
        help="also write one self-contained HTML report: confusion heatmap, F1 per topic, reliability, misses",
    )


def _fraction(text: str) -> float:
    value = float(text.rstrip("%"))
    value = value / 100 if value > 1 or text.endswith("%") else value
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not an accuracy between 0 and 1 (or 0-100%)")
    return value


def run(args: argparse.Namespace) -> int:
    from ..engine.bot import load
    from .evaluate import cross_validate, evaluate, load_cases

    if (args.file is None) == (args.cross_validate is None):
        raise UsageError("eval needs a question FILE or --cross-validate K (one of the two)")
    bot = load(args.content)
    if args.cross_validate is not None:
        report = cross_validate(bot.content, args.cross_validate, seed=args.seed)
        title = (
            f"{args.cross_validate}-fold cross-validation over {len(report.results)} example "
            f"phrasings (seed {args.seed})"
        )
    else:
        cases = load_cases(args.file, known=tuple(bot.content.topics))
        report = evaluate(bot, cases)
        title = f"{args.file}, {len(report.results)} questions"
    if args.html:
        from .htmlreport import eval_html

        try:
            Path(args.html).write_text(eval_html(report.to_dict(), title), encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {args.html}: {exc.strerror}") from None
    if args.json:
        source = {"mode": "questions", "file": str(args.file)} if args.file else {}
        json.dump({**source, **report.to_dict()}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_report(report.to_dict(), title, top=args.top))
    accuracy = report.summary["accuracy"] or 0.0
    if args.min_accuracy is not None and accuracy < args.min_accuracy:
        print(
            f"genebot eval: accuracy {accuracy:.1%} is below the minimum {args.min_accuracy:.1%}",
            file=sys.stderr,
        )
        return 1
    return 0


# --------------------------------------------------------------------------- text output


def format_report(data: dict[str, Any], title: str, top: int = 10) -> str:
    """The report as text: headline figures, per-topic table, confusions, every miss."""
    lines: list[str] = [f"genebot eval: {title}"]
    lines += _headline(data)
    if data.get("fold_accuracy"):
        lines.append(
            "  per fold                 " + "  ".join(_pct(a) for a in data["fold_accuracy"])
        )
    lines += ["", *_reliability(data.get("reliability", [])), "", *_per_topic(data["per_topic"])]
    confusions = data["confusions"][:top]
    if confusions:
        lines += ["", "most frequent confusions (expected → got)"]
        lines += [f"  {c['count']:4d}  {c['expected']} → {c['got']}" for c in confusions]
    misses = [r for r in data["results"] if not r["correct"]]
    lines += ["", f"misses ({len(misses)}): confidence  expected → got  question"]
    for r in sorted(misses, key=lambda r: (r["expect"], -r["confidence"])):
        expected, got = "|".join(r["expect"]), r["got"] or r["kind"]
        lines.append(f"  {r['confidence']:.2f}  {expected} → {got}  {r['question']!r}")
    return "\n".join(lines) + "\n"


def _headline(data: dict[str, Any]) -> list[str]:
    names = [("accuracy", "accuracy"), ("in-scope accuracy", "in_scope_accuracy"),
             ("out-of-scope fell back", "out_of_scope_fallback"), ("emergency recall", "emergency_recall"),
             ("false alarm rate", "false_alarm_rate"), ("advice precision", "advice_precision"),
             ("advice recall", "advice_recall")]
    rows = [(label, data[key], _of(*data["counts"][key])) for label, key in names]
    lines = [f"  {name:<24} {_pct(value):>6}  {count}" for name, value, count in rows]
    lines.append(f"  {'emergency false alarms':<24} {data['emergency_false_alarms']:>6}")
    learned = data.get("learned", {})
    if learned.get("caught") or learned.get("false_alarms"):
        label = "learned model added"
        lines.append(f"  {label:<24} {'':>6}  {learned['caught']} emergencies caught, "
                     f"{learned['false_alarms']} false alarms (beyond the lexicon's)")
    if learned.get("overruled_emergencies") or learned.get("overruled_false_alarms"):
        label = "learned model overruled"
        lines.append(f"  {label:<24} {'':>6}  {learned['overruled_false_alarms']} false alarms taken away, "
                     f"{learned['overruled_emergencies']} emergencies lost (medical alarms of the lexicon)")
    lines.append(f"  {'clarifications':<24} {data['clarifications']:>6}")
    glossed = data.get("glossed", {})
    if glossed.get("answered"):
        lines.append(f"  {'through the glossary':<24} {glossed['answered']:>6}  answered in English, "
                     f"{glossed['right']} rightly (questions in another language)")
    led = data.get("led_in_language", {})
    if led.get("replies"):
        kinds = ", ".join(f"{kind} {n}" for kind, n in led["by_kind"].items())
        label = "in the writer's language"
        lines.append(f"  {label:<24} {led['replies']:>6}  replies led by a line in it ({kinds}; "
                     f"{len(led['by_language'])} languages)")
    for expected, got in data.get("urgency_confusion", {}).items():
        told = ", ".join(f"{name} {count}" for name, count in got.items())
        lines.append(f"  {'urgency ' + expected:<24} {'':>6}  told as: {told}")
    return lines


def _reliability(rows: list[dict[str, Any]]) -> list[str]:
    """Calibration: for answers given with a confidence in each band, the share that was right."""
    lines = ["reliability (answers given)   answers   right"]
    for r in rows:
        if r["count"]:
            lines.append(f"  confidence {r['low']:.2f}-{r['high']:.2f}        {r['count']:>7}  {_pct(r['right']):>6}")
    return lines


def _per_topic(per_topic: dict[str, dict[str, float]]) -> list[str]:
    width = max((len(t) for t in per_topic), default=5) + 2
    lines = [f"{'per topic':<{width}}  precision  recall     f1  support"]
    for topic, m in sorted(per_topic.items()):
        figures = f"{m['precision']:9.2f}  {m['recall']:6.2f}  {m['f1']:5.2f}  {m['support']:7d}"
        lines.append(f"  {topic:<{width - 2}}  {figures}")
    return lines


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def _of(hits: int, total: int) -> str:
    return f"({hits} of {total})" if total else ""

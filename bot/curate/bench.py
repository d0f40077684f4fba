"""`genebot bench`: how fast genebot replies, how fast it starts, how much memory it takes,
and how those grow when the content has 10x, 100x or 1000x the example phrasings.

Replies are timed one by one in this process over the eval questions (tests/eval/*.yaml
in a checkout, else a built-in list). Cold start is `genebot ask` in a fresh interpreter,
whose peak memory it reads from /proc. Each size's memory is this process's peak RSS
(getrusage): sizes run smallest first, so each row's peak is its own.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

__all__ = [
    "BUILTIN_QUESTIONS",
    "add_arguments",
    "bench_size",
    "cold_start",
    "load_questions",
    "run",
]

TARGETS_MS = {1: 1.0, 100: 10.0}  # p99 per reply: the targets
EVAL_DIR = Path("tests") / "eval"  # in a checkout; an installed package has no tests
BUILTIN_QUESTIONS = tuple(
    """
what is gene therapy
is gene therapy safe?
can gene therapy cause cancer
what are the side effects
how does it work
what is a vector
what does the fda do
what is an irb
phase 1 trial
are any gene therapies approved
hi
thanks!
who are you
how much does it cost
i cant breathe
should my son get gene therapy
wat is gene theraphy
what is in vivo vs ex vivo
can side effects be managed
what diseases can it treat
how long has gene therapy been around
what is the rac
where does this information come from
what should i ask my doctor
can it edit the wrong gene
my daughter is having a seizure
recipe for banana bread
""".strip().splitlines()
)


def load_questions(path: str | None = None) -> tuple[list[str], str]:
    """Questions to time, and where they came from."""
    from ..engine.errors import UsageError
    from .evaluate import load_cases

    if path:
        return [c.question for c in load_cases(path)], str(path)
    questions, used = [], []
    source_tree = Path(__file__).resolve().parents[2] / EVAL_DIR
    packaged = Path(__file__).resolve().parents[1] / "_content" / "eval"  # inside an installed wheel
    folder = next((f for f in (EVAL_DIR, source_tree, packaged) if f.is_dir()), EVAL_DIR)
    for file in sorted(folder.glob("*.yaml")):
        try:
            questions += [c.question for c in load_cases(file)]
            used.append(str(file))
        except UsageError:
            continue  # not a question file: time the others
    if questions:
        return questions, ", ".join(used)
    return list(BUILTIN_QUESTIONS), "built-in list"


def peak_rss_mb(who: int | None = None) -> float | None:
    try:
        import resource
    except ImportError:  # not on Windows
        return None
    usage = resource.getrusage(resource.RUSAGE_SELF if who is None else who)
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return round(usage.ru_maxrss * scale / 2**20, 1)


def bench_size(
    content: Any, factor: int, questions: list[str], repeat: int, budget_s: float
) -> dict[str, Any]:
    """Scale the content, build a bot, then time replies until repeat passes or the budget."""
    import statistics

    from ..engine.bot import Bot
    from .synthetic import scale_content

    started = time.perf_counter()
    scaled = scale_content(content, factor)
    generated = time.perf_counter()
    bot = Bot(scaled)
    built = time.perf_counter()
    times = _time_replies(bot, questions, repeat, budget_s)
    return {
        "factor": factor,
        "examples": sum(len(t.examples) for t in scaled.topics.values()),
        "choices": len(bot.index.keys),
        "generate_s": round(generated - started, 3),
        "index_build_s": round(built - generated, 3),
        "replies": len(times),
        "median_ms": round(statistics.median(times) * 1e3, 3),
        "p99_ms": round(_percentile(times, 99) * 1e3, 3),
        "mean_ms": round(statistics.fmean(times) * 1e3, 3),
        "replies_per_s": round(len(times) / sum(times), 1),
        "peak_rss_mb": peak_rss_mb(),
        "target_p99_ms": TARGETS_MS.get(factor),
    }


def _time_replies(bot: Any, questions: list[str], repeat: int, budget_s: float) -> list[float]:
    """Seconds per reply; at least one pass (or 20 replies) even over budget."""
    for q in questions[:5]:
        bot.reply(q)  # warm up caches before timing
    times: list[float] = []
    clock = time.perf_counter
    deadline = clock() + budget_s
    for _ in range(max(repeat, 1)):
        for q in questions:
            t0 = clock()
            bot.reply(q)
            times.append(clock() - t0)
            if clock() > deadline and len(times) >= min(20, len(questions)):
                return times
    return times


def _percentile(values: list[float], pct: float) -> float:
    """Nearest rank: the smallest value with at least pct% of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


COLD_TARGET = 2.5  # `genebot ask` within this many times the bare import of its libraries
_BARE_IMPORT = "import yaml, rapidfuzz"


def cold_start(runs: int, content: str | None = None) -> dict[str, Any]:
    """Wall time of `genebot ask` in a fresh interpreter, against the bare import of its
    libraries timed in the same run (interleaved, so a noisy machine slows both alike)."""
    import os
    import statistics
    import subprocess

    args = ["ask", "what is gene therapy"]
    if content:
        args += ["--content", str(Path(content).resolve())]
    home = Path(__file__).resolve().parents[2]  # where `python -m bot` finds this bot
    # As after `pip install`: modules run from compiled bytecode (which some shells turn off).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def timed(command: list[str]) -> float:
        t0 = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, timeout=120, cwd=home, env=env)
        return time.perf_counter() - t0

    ask = [sys.executable, "-m", "bot", *args]
    bare = [sys.executable, "-c", _BARE_IMPORT]
    timed(ask)  # the first start writes the bytecode and the bot cache, as a user's first start does
    times, bare_times = [], []
    for _ in range(max(runs, 1)):
        times.append(timed(ask))
        bare_times.append(timed(bare))
    median, bare_median = statistics.median(times), statistics.median(bare_times)
    return {
        "command": "genebot ask 'what is gene therapy'",
        "runs": len(times),
        "median_ms": round(median * 1e3, 1),
        "min_ms": round(min(times) * 1e3, 1),
        "bare_import_ms": round(bare_median * 1e3, 1),
        "ratio": round(median / bare_median, 2),
        "target_ratio": COLD_TARGET,
        "peak_rss_mb": _child_peak_mb(args, home),
    }


# getrusage(RUSAGE_CHILDREN) would count the pages a child inherits from this (large) process
# before exec, so the child reports its own high-water mark from /proc instead (Linux only).
_REPORT_PEAK = """\
import sys
from bot.cli import main
code = main(sys.argv[1:])
with open("/proc/self/status") as status:
    peak = [line.split()[1] for line in status if line.startswith("VmHWM:")]
sys.stderr.write(f"\\nVmHWM {peak[0] if peak else ''}\\n")
"""


def _child_peak_mb(args: list[str], home: Path) -> float | None:
    import subprocess

    if not Path("/proc/self/status").exists():
        return None
    run = subprocess.run(
        [sys.executable, "-c", _REPORT_PEAK, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=home,
    )
    found = [line.split() for line in run.stderr.splitlines() if line.startswith("VmHWM")]
    return round(int(found[-1][1]) / 1024, 1) if found and len(found[-1]) == 2 else None


# --------------------------------------------------------------------------- command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--quick", action="store_true", help="sizes 1,10, one pass, 2 cold starts (a smoke test)"
    )
    parser.add_argument(
        "--full", action="store_true", help="also 1000x content (about 5 minutes; default sizes 1,10,100)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--sizes", type=_sizes, metavar="LIST", help="content multipliers (default 1,10,100; --full adds 1000)"
    )
    parser.add_argument(
        "--repeat", type=int, metavar="N", help="passes over the questions (default 5)"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=20.0,
        metavar="S",
        help="seconds of replies per size (default 20)",
    )
    parser.add_argument(
        "--cold-runs", type=int, metavar="N", help="cold starts to time (default 10; 0 skips)"
    )
    parser.add_argument(
        "--questions", metavar="FILE", help="questions to time (default tests/eval/*.yaml)"
    )


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a list of whole numbers like 1,10,100"
        ) from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be whole numbers of 1 or more")
    return sizes


def run(args: argparse.Namespace) -> int:
    from ..engine.content import load_content

    sizes = args.sizes or ([1, 10] if args.quick else [1, 10, 100, 1000] if args.full else [1, 10, 100])
    repeat = args.repeat or (1 if args.quick else 5)
    cold_runs = args.cold_runs if args.cold_runs is not None else (2 if args.quick else 10)
    questions, origin = load_questions(args.questions)
    t0 = time.perf_counter()
    content = load_content(args.content)
    load_s = time.perf_counter() - t0
    # Cold starts first, while this process is small.
    cold = cold_start(cold_runs, args.content) if cold_runs > 0 else None
    from ..engine.bot import Bot
    from .safetybench import bench_safety

    print("genebot bench: measuring the safety scan ...", file=sys.stderr, flush=True)
    safety = bench_safety(Bot(content), questions, repeat=1 if args.quick else 3)
    rows = []
    for step, factor in enumerate(sizes, 1):
        note = " (building a large index takes a while)" if factor >= 1000 else ""
        print(f"genebot bench: [{step}/{len(sizes)}] {factor}x content: scaling, indexing, then up to "
              f"{args.budget:g} s of replies{note} ...", file=sys.stderr, flush=True)
        rows.append(bench_size(content, factor, questions, repeat, args.budget))
    data = {
        "python": sys.version.split()[0],
        "questions": len(questions),
        "question_source": origin,
        "content_load_s": round(load_s, 3),
        "cold_start": cold,
        "safety": safety,
        "sizes": rows,
    }
    if args.json:
        json.dump(data, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_bench(data))
    return 0


HEADER = (
    "size   examples  index build  replies  median ms   p99 ms  mean ms  replies/s  peak RSS MB"
)


def format_bench(data: dict[str, Any]) -> str:
    source = f"{data['questions']} questions ({data['question_source']})"
    lines = [
        f"genebot bench: Python {data['python']}, {source}",
        f"content load (YAML, validation, quotes): {data['content_load_s'] * 1e3:.0f} ms",
    ]
    cold = data["cold_start"]
    if cold:
        lines.append(
            f"cold start of {cold['command']}: median {cold['median_ms']:.0f} ms over "
            f"{cold['runs']} runs (min {cold['min_ms']:.0f} ms), peak RSS {cold['peak_rss_mb']} MB"
        )
        verdict = "met" if cold["ratio"] <= cold["target_ratio"] else "MISSED"
        lines.append(
            f"  = {cold['ratio']:.2f}x the bare `{_BARE_IMPORT}` ({cold['bare_import_ms']:.0f} ms, "
            f"same run); target <= {cold['target_ratio']:g}x {verdict}"
        )
    if data.get("safety"):
        from .safetybench import format_safety

        lines += format_safety(data["safety"])
    lines += ["", HEADER + "  target", *(_row(r) for r in data["sizes"])]
    return "\n".join(lines) + "\n"


def _row(r: dict[str, Any]) -> str:
    target = r["target_p99_ms"]
    verdict = ""
    if target is not None:
        verdict = f"p99<{target:g}ms {'met' if r['p99_ms'] < target else 'MISSED'}"
    rss = r["peak_rss_mb"] if r["peak_rss_mb"] is not None else "n/a"
    return (
        f"{str(r['factor']) + 'x':>5}  {r['examples']:>8}  {r['index_build_s']:>9.2f} s  "
        f"{r['replies']:>7}  {r['median_ms']:>9.3f}  {r['p99_ms']:>7.3f}  {r['mean_ms']:>7.3f}  "
        f"{r['replies_per_s']:>9.1f}  {rss:>11}  {verdict}"
    )

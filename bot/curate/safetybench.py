"""The safety scan's share of a reply, and how its cost grows with the message's length.

The scan reads every message whole, before anything else, so its cost is added to every
reply: `genebot bench` reports its median and p99 per question next to the whole reply's
(measured in the same run), and its time on ever longer messages, which should grow in
proportion (linear), never faster.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

__all__ = ["bench_safety", "format_safety"]

TARGET_ADDED_US = 100.0  # the safety layer may add this much to a median reply
LENGTHS = (1_000, 4_000, 16_000)
STORY = (
    "My son had his gene therapy infusion last spring and the team has been great, "
    "we had a lot of questions about vectors, liver tests and the follow-up visits. "
)
# The worst case: a mention and a trigger in every few words, no punctuation (one sentence),
# so every mention has hundreds of triggers and scope ends around it.
DENSE = "i dont want to die but my doctor said no chest pain now "


def bench_safety(bot: Any, questions: list[str], repeat: int = 3) -> dict[str, Any]:
    scan = bot.index.safety.scan
    for q in questions[:5]:
        scan(q)
    scans, replies = [], []
    clock = time.perf_counter
    for _ in range(max(repeat, 1)):
        for q in questions:
            t0 = clock()
            scan(q)
            t1 = clock()
            bot.reply(q)
            t2 = clock()
            scans.append(t1 - t0)
            replies.append(t2 - t1)
    by_length = [_timed(scan, (STORY * (n // len(STORY) + 1))[:n] + " now he is not breathing") for n in LENGTHS]
    dense = [_timed(scan, (DENSE * (n // len(DENSE) + 1))[:n]) for n in LENGTHS]
    scan_median = statistics.median(scans) * 1e6
    return {
        "scans": len(scans),
        "scan_median_us": round(scan_median, 1),
        "scan_p99_us": round(sorted(scans)[int(0.99 * (len(scans) - 1))] * 1e6, 1),
        "reply_median_us": round(statistics.median(replies) * 1e6, 1),
        "target_added_us": TARGET_ADDED_US,
        "by_length": by_length,
        "us_per_1000_chars": [round(r["median_ms"] * 1e6 / r["chars"], 1) for r in by_length],
        "dense": dense,
    }


def _timed(scan: Any, text: str, runs: int = 15) -> dict[str, Any]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        scan(text)
        times.append(time.perf_counter() - t0)
    return {"chars": len(text), "median_ms": round(statistics.median(times) * 1e3, 3)}


def format_safety(s: dict[str, Any]) -> list[str]:
    verdict = "met" if s["scan_median_us"] <= s["target_added_us"] else "MISSED"
    growth = ", ".join(f"{r['chars']:,} chars {r['median_ms']:.2f} ms" for r in s["by_length"])
    per_k = " / ".join(f"{v:g}" for v in s["us_per_1000_chars"])
    worst = ", ".join(f"{r['chars']:,} chars {r['median_ms']:.1f} ms" for r in s.get("dense", []))
    return [
        f"safety scan: median {s['scan_median_us']:.0f} µs, p99 {s['scan_p99_us']:.0f} µs per question "
        f"(whole reply median {s['reply_median_us']:.0f} µs, same run); "
        f"adds <= {s['target_added_us']:g} µs {verdict}",
        f"safety scan on long messages: {growth} (µs per 1,000 chars: {per_k}; flat means linear)",
        *([f"safety scan, worst case (a mention and a trigger every few words, one sentence): {worst}"]
          if worst else []),
    ]

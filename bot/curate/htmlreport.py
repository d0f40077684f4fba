"""One self-contained HTML page per evaluation: the pictures people would rather look at than
read (a confusion-matrix heatmap, per-topic F1, the confidence reliability diagram) and every
miss, in plain SVG and CSS, no library and no request to anywhere.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import Any

__all__ = ["eval_html", "report_html"]

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}table{border-collapse:collapse}
td,th{padding:.2rem .5rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
.num{text-align:right;font-variant-numeric:tabular-nums}svg text{font:11px system-ui,sans-serif}
.figures{display:flex;gap:2rem;flex-wrap:wrap}
"""


def _page(title: str, body: str) -> str:
    return (f"<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>{escape(title)}</title>"
            f"<style>{STYLE}</style><body><h1>{escape(title)}</h1>{body}</body></html>\n")


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def eval_html(data: dict[str, Any], title: str) -> str:
    results = data["results"]
    headline = "".join(
        f"<tr><th>{escape(name)}</th><td class=num>{_pct(data.get(key))}</td></tr>"
        for name, key in (("accuracy", "accuracy"), ("in-scope accuracy", "in_scope_accuracy"),
                          ("out-of-scope fell back", "out_of_scope_fallback"),
                          ("emergency recall", "emergency_recall"), ("false alarm rate", "false_alarm_rate"),
                          ("advice precision", "advice_precision"), ("advice recall", "advice_recall"))
    )
    misses = [r for r in results if not r["correct"]]
    rows = "".join(
        f"<tr><td class=num>{r['confidence']:.2f}</td><td>{escape('|'.join(r['expect']))}</td>"
        f"<td>{escape(str(r['got'] or r['kind']))}</td><td>{escape(r['question'])}</td></tr>"
        for r in sorted(misses, key=lambda r: (r["expect"], -r["confidence"]))
    )
    body = (
        f"<table>{headline}</table>"
        f"<h2>Confusion matrix (expected → got)</h2>{_heatmap(results)}"
        f"<div class=figures><div><h2>F1 per topic</h2>{_f1_bars(data['per_topic'])}</div>"
        f"<div><h2>Reliability: confidence band → share right</h2>"
        f"{_reliability(data.get('reliability', []))}</div></div>"
        f"<h2>Misses ({len(misses)})</h2><table><tr><th>confidence</th><th>expected</th><th>got</th>"
        f"<th>question</th></tr>{rows}</table>"
    )
    return _page(f"genebot eval: {title}", body)


def _heatmap(results: list[dict[str, Any]]) -> str:
    counts = Counter((r["expect"][0] if not r["correct"] else r["got"], r["got"] or r["kind"]) for r in results)
    labels = sorted({e for e, _ in counts} | {g for _, g in counts})
    cell, left, top = 16, 170, 170
    size = len(labels) * cell
    peak = max(counts.values(), default=1)
    parts = [f'<svg role="img" aria-label="confusion matrix" width="{left + size + 120}" height="{top + size + 10}">']
    for i, label in enumerate(labels):
        y = top + i * cell + 12
        parts.append(f'<text x="{left - 4}" y="{y}" text-anchor="end">{escape(label)}</text>')
        x = left + i * cell + 11
        parts.append(f'<text x="{x}" y="{top - 4}" transform="rotate(-60 {x} {top - 4})">{escape(label)}</text>')
    for (expected, got), n in counts.items():
        x, y = left + labels.index(got) * cell, top + labels.index(expected) * cell
        shade = 0.15 + 0.85 * n / peak
        colour = "#1f6f43" if expected == got else "#b3261e"
        parts.append(f'<rect x="{x}" y="{y}" width="{cell - 1}" height="{cell - 1}" fill="{colour}" '
                     f'fill-opacity="{shade:.2f}"><title>{escape(expected)} → {escape(got)}: {n}</title></rect>')
    parts.append("</svg>")
    return "".join(parts)


def _f1_bars(per_topic: dict[str, dict[str, float]]) -> str:
    rows = sorted(per_topic.items())
    width, left, bar = 460, 170, 14
    parts = [f'<svg role="img" aria-label="F1 per topic" width="{width}" height="{len(rows) * (bar + 2) + 10}">']
    for i, (topic, m) in enumerate(rows):
        y = i * (bar + 2)
        length = (width - left - 40) * m["f1"]
        parts.append(f'<text x="{left - 4}" y="{y + 11}" text-anchor="end">{escape(topic)}</text>'
                     f'<rect x="{left}" y="{y}" width="{length:.1f}" height="{bar}" fill="#2b5d9b"></rect>'
                     f'<text x="{left + length + 4:.1f}" y="{y + 11}">{m["f1"]:.2f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _reliability(rows: list[dict[str, Any]]) -> str:
    size, pad = 260, 30
    parts = [f'<svg role="img" aria-label="reliability diagram" width="{size + 2 * pad}" height="{size + 2 * pad}">',
             f'<line x1="{pad}" y1="{pad + size}" x2="{pad + size}" y2="{pad}" stroke="#999" stroke-dasharray="4"/>',
             f'<line x1="{pad}" y1="{pad + size}" x2="{pad + size}" y2="{pad + size}" stroke="#333"/>',
             f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{pad + size}" stroke="#333"/>',
             f'<text x="{pad}" y="{pad + size + 20}">confidence 0 → 1</text>',
             f'<text x="4" y="{pad - 8}">share right</text>']
    for r in rows:
        if not r["count"] or r["right"] is None:
            continue
        x, w = pad + r["low"] * size, (r["high"] - r["low"]) * size
        h = r["right"] * size
        parts.append(f'<rect x="{x:.1f}" y="{pad + size - h:.1f}" width="{w - 2:.1f}" height="{h:.1f}" '
                     f'fill="#2b5d9b" fill-opacity=".8"><title>{r["low"]:.2f}-{r["high"]:.2f}: '
                     f'{r["count"]} answers, {_pct(r["right"])} right</title></rect>')
    parts.append("</svg>")
    return "".join(parts)


def report_html(groups: list[dict[str, Any]], title: str) -> str:
    """The missed-question groups of `genebot report`, biggest first, as a bar chart and a table."""
    peak = max((g["count"] for g in groups), default=1)
    rows = "".join(
        f"<tr><td class=num>{g['count']}</td><td><svg width=\"160\" height=\"12\"><rect width=\""
        f"{150 * g['count'] / peak:.1f}\" height=\"12\" fill=\"#b3261e\"/></svg></td>"
        f"<td>{escape(g['representative'])}</td><td>{escape(str(g.get('suggested_topic') or ''))}</td>"
        f"<td>{escape(', '.join(c['topic'] for c in g.get('candidates', [])))}</td></tr>"
        for g in groups
    )
    body = (f"<table><tr><th>times</th><th></th><th>question (one of the group)</th>"
            f"<th>suggested topic</th><th>closest topics</th></tr>{rows}</table>")
    return _page(f"genebot report: {title}", body)

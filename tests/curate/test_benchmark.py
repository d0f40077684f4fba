"""The load benchmark runs end to end, tiny and bounded; the real figures are in the README."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(
    shutil.which("wrk") is None, reason="wrk is not installed (Debian: apt-get install wrk)"
)
def test_the_load_benchmark_reports_a_table(tmp_path: Path) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "benchmarks/load.py",
            "--server",
            "waitress",
            "--duration",
            "1",
            "--connections",
            "1,4",
            "--max-requests",
            "100",
            "--json",
            str(tmp_path / "r.json"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    rows = [line for line in out.splitlines() if line.startswith("| waitress |")]
    assert len(rows) == 2
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert int(cells[1]) in (1, 4) and float(cells[2].replace(",", "")) > 0
        assert 0 < int(cells[6].replace(",", "")) <= 100 + 4 and cells[7] == "0"  # + in flight


def test_the_perturbation_check_counts_every_change() -> None:
    out = subprocess.run(
        [sys.executable, "benchmarks/perturb.py", "--limit", "60", "--show", "typo"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=True,
    ).stdout
    assert out.startswith("perturb: ")
    rows = {line[:20].strip(): line for line in out.splitlines()[2:] if not line.startswith("    ")}
    assert {"typo", "missed letter", "no punctuation", "capitals"} <= rows.keys()
    assert all(" of " in row for row in rows.values())


def test_the_perturbation_check_reads_topics_too() -> None:
    out = subprocess.run(
        [sys.executable, "benchmarks/perturb.py", "--topics", "--limit", "40"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=True,
    ).stdout
    assert "in-scope right" in out.splitlines()[0] and "polite opening" in out


def test_the_false_alarm_probe_counts_and_never_shows_a_held_out_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "probe-heldout.yaml"
    corpus.write_text('- {text: "will my son feel pain during the infusion", source: test}\n'
                      '- {text: "my dad is clutching his chest and cant breathe", source: test}\n', encoding="utf-8")
    run = subprocess.run([sys.executable, "benchmarks/false_alarms.py", str(corpus), "--show", "5"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300, check=True)
    assert "1 of 2 messages called emergencies" in run.stdout
    assert "clutching" not in run.stdout and "never read" in run.stdout


def test_the_false_alarm_probe_counts_messages_read_as_another_language(tmp_path: Path) -> None:
    corpus = tmp_path / "lines.txt"
    corpus.write_text("I've met Tom before.\nik wil niet meer leven\nwhat is gene therapy\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "benchmarks/false_alarms.py", str(corpus), "--other-language", "--show", "5"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300, check=True)
    assert "1 of 3 messages read as another language" in run.stdout
    assert "ik wil niet meer leven" in run.stdout and "Tom" not in run.stdout

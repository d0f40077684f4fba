"""Reply time, cold start and memory of genebot, on today's content and scaled-up copies.

A thin wrapper over `genebot bench` for a checkout without the package installed::

    python benchmarks/bench.py                 # sizes 1,10,100,1000 (a few minutes)
    python benchmarks/bench.py --quick         # sizes 1,10: a smoke test
    python benchmarks/bench.py --sizes 1,100 --json
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main(["bench", *sys.argv[1:]]))

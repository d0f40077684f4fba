"""The engine is the core: it imports no face, no curator tool and no UI or server library.

Checked on the source (every import statement, also those inside functions) and at run
time (importing the engine in a fresh interpreter loads none of them), so a dependency
that points outward fails here before it spreads.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import bot

PACKAGE = Path(bot.__file__).resolve().parent
ENGINE = PACKAGE / "engine"
FORBIDDEN = ("bot.web", "bot.curate", "bot.cli", "bot.terminal", "prompt_toolkit", "waitress", "gunicorn",
             "sklearn", "numpy")


def imported_names(path: Path) -> set[str]:
    """Absolute module names a file imports, with relative imports resolved against bot.engine."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                names.add(node.module or "")
                continue
            base = ["bot", "engine"][: 2 - (node.level - 1)]
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def outward(names: set[str]) -> list[str]:
    return sorted(n for n in names for f in FORBIDDEN if n == f or n.startswith(f + "."))


@pytest.mark.parametrize("path", sorted(ENGINE.glob("*.py")), ids=lambda p: p.name)
def test_engine_module_imports_nothing_outward(path: Path) -> None:
    assert not outward(imported_names(path)), f"{path.name} imports {outward(imported_names(path))}"


def test_the_check_itself_catches_an_outward_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from ..web import wsgi\n    import prompt_toolkit\nfrom ..curate.check import run\n")
    assert outward(imported_names(bad)) == [
        "bot.curate.check", "bot.curate.check.run", "bot.web", "bot.web.wsgi", "prompt_toolkit",
    ]


def test_importing_the_public_api_loads_no_face_or_tool() -> None:
    code = (
        "import sys, bot; bot.load().reply('is gene therapy safe?'); "
        "print('\\n'.join(sorted(sys.modules)))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert not outward(set(loaded)), outward(set(loaded))


def test_each_wing_says_what_it_holds() -> None:
    for wing in ("engine", "web", "curate"):
        doc = (PACKAGE / wing / "__init__.py").read_text(encoding="utf-8")
        assert doc.startswith('"""') and "import" in doc.split('"""')[1], wing

"""Domain errors, raised by the core and translated at the edges (CLI, web)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ContentError", "Problem", "UsageError"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the content, located as precisely as the YAML allows."""

    file: str
    line: int | None
    message: str
    severity: str = "error"  # "error" stops the bot; "warning" is reported by `genebot check`

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        label = "" if self.severity == "error" else f"{self.severity}: "
        return f"{where}: {label}{self.message}"


class ContentError(Exception):
    """The content folder is broken; the bot refuses to start rather than answer wrongly."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        head = "the content is broken" if len(self.problems) != 1 else "the content is broken:"
        if len(self.problems) == 1:
            return f"{head} {self.problems[0]}"
        return head + f" ({len(self.problems)} problems):\n" + "\n".join(
            f"  {p}" for p in self.problems
        )


class UsageError(Exception):
    """The caller asked for something impossible (bad flag, missing file); exit code 2."""

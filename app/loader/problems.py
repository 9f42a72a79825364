"""Problems found in a seed: each names the file, the line, the field and the reason."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.reason}"


class SeedRejected(Exception):
    """The seed has problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        listed = "\n".join(str(problem) for problem in self.problems[:20])
        super().__init__(f"{len(self.problems)} problem(s) in the seed:\n{listed}")

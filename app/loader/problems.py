"""Problems found in a seed: each names the file, the line, the field and the reason."""

import dataclasses
from dataclasses import dataclass

# What a rule finds in one record: where in the record (a path of fields) and why.
Finding = tuple[tuple[int | str, ...], str]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    reason: str
    # A problem with a file as a whole (missing, unreadable, not YAML, empty, outside the seed):
    # the root cause of what follows, so it is listed first.
    whole_file: bool = dataclasses.field(default=False, compare=False)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.reason}"


class SeedRejected(Exception):
    """The seed has problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda problem: (not problem.whole_file, problem))
        listed = "\n".join(str(problem) for problem in self.problems[:20])
        super().__init__(f"{len(self.problems)} problem(s) in the seed:\n{listed}")

"""Every example in README.md and docs/*.md runs, and prints what the docs show.

- Transcript blocks (fenced blocks with ``$ `` lines): each command runs in bash, in a folder
  holding tests/fixtures/docs/, against the offline world of tests/support/world.py (every
  remote source on local servers, recorded replies, today = 2026-08-17 unless the command sets
  ``NPKIT_TODAY``), without a terminal and with ``2>&1``; what it prints must equal the lines
  under it. A line ``...`` stands for any lines, and a line ending in ``...`` for any line
  that begins so (for output that is long, not for output that varies). An HTML comment
  just before a block sets the world up for it, e.g.
  ``<!-- world: down api.fenegosida.org 521 -->`` (that server answers 521 to everything).
- ``sh`` blocks of one-liners (README): each line that runs npkit must exit 0 and print
  something.
- ``python`` blocks: run as a script against the same world; they must not raise.

When npkit's output changes on purpose, ``NPKIT_DOCS_UPDATE=1 pytest tests/test_docs.py``
writes what it printed into the docs instead of failing; review the diff before committing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.support.world import World

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FILES = ROOT / "tests" / "fixtures" / "docs"
RECORDED = {  # name in the docs' examples → the recorded reply it is (not copied twice)
    "nrb_rates.json": "nrb/rates_2026-08-10_to_2026-08-17.json",
    "fenegosida_today.json": "gold/fenegosida_today_2026-08-17.json",
    "nepalipatro_bullions.json": "gold/nepalipatro_bullions_2026-08-06_to_2026-08-17.json",
    "hamropatro_gold.html": "gold/hamropatro_gold_excerpt_2026-08-17.html",
    "onlinekhabar_feed.xml": "news/prospect_onlinekhabar_2026-02-05.xml",
    "onlinekhabar_article.html": "news/onlinekhabar_article_2026-07-12.trimmed.html",
}
_BLOCK = re.compile(r"^```([\w-]*)[^\n]*\n(.*?)^```", re.M | re.S)
_RUNS_NPKIT = re.compile(r"(^|\|\s*)npkit\b")
_SETUP = re.compile(r"<!--\s*world:\s*(.*?)\s*-->\s*\Z", re.S)


class Example(NamedTuple):
    page: str
    line: int
    kind: str  # "transcript" | "one-liner" | "python"
    command: str
    expected: tuple[str, ...]
    setup: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.page}:{self.line}"


def examples() -> Iterator[Example]:
    for page in PAGES:
        text = page.read_text("utf-8")
        name = page.relative_to(ROOT).as_posix()
        for block in _BLOCK.finditer(text):
            language, body = block.group(1), block.group(2)
            first = text.count("\n", 0, block.start(2)) + 1
            lines = body.splitlines()
            before = _SETUP.search(text, 0, block.start())
            setup = tuple(before.group(1).split(";")) if before else ()
            if language == "python":
                yield Example(name, first, "python", body, (), setup)
            elif any(line.startswith("$ ") for line in lines):
                for example in _transcript(name, first, lines):
                    yield example._replace(setup=setup)
            elif language == "sh":
                for offset, line in enumerate(lines):
                    command = re.sub(r"\s+#\s.*$", "", line).strip()
                    if _RUNS_NPKIT.search(command) and not command.startswith(
                        ("python3 ", "eval ", "_NPKIT")
                    ):
                        yield Example(name, first + offset, "one-liner", command, ())


def _transcript(page: str, first: int, lines: list[str]) -> Iterator[Example]:
    start: int | None = None
    for index, line in enumerate([*lines, "$ "]):
        if line.startswith("$ "):
            if start is not None:
                output = lines[start + 1 : index]
                while output and output[-1] == "":
                    output.pop()
                yield Example(page, first + start, "transcript", lines[start][2:], tuple(output))
            start = index if index < len(lines) else None


EXAMPLES = list(examples())


UPDATES: dict[str, list[tuple[int, int, list[str]]]] = {}


@pytest.fixture(scope="module", autouse=True)
def _write_updates() -> Iterator[None]:
    """With NPKIT_DOCS_UPDATE=1: replace each changed transcript's output in its page."""
    yield
    for name, changes in UPDATES.items():
        path = ROOT / name
        lines = path.read_text("utf-8").split("\n")
        for line, count, new in sorted(changes, reverse=True):
            lines[line : line + count] = new  # ``line`` is the 1-based line of the "$ " line
        path.write_text("\n".join(lines), "utf-8")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with World(tmp_path_factory.mktemp("world")) as running:
        yield running


def _environment(world: World, home: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NPKIT_", "COLUMNS", "LINES"))
    }
    bin_dir = str(Path(sys.executable).parent)
    env.update(world.env)
    env.update(
        PATH=bin_dir + os.pathsep + env.get("PATH", ""),
        PYTHONPATH=os.pathsep.join(sys.path),
        NPKIT_CACHE_DIR=str(home / "cache"),
        NO_COLOR="1",
        TERM="dumb",
        LC_ALL="C.UTF-8",
        PYTHONWARNINGS="error",
    )
    return env


def run(example: Example, world: World, home: Path) -> subprocess.CompletedProcess[str]:
    shutil.copytree(FILES, home, dirs_exist_ok=True)
    for name, recorded in RECORDED.items():
        shutil.copyfile(ROOT / "tests" / "fixtures" / recorded, home / name)
    world.reset()
    for step in example.setup:
        verb, host, status = step.split()
        assert verb == "down", step
        world.down(host, int(status))
    env = _environment(world, home)
    if example.kind == "python":
        argv = [sys.executable, "-c", world.rewrite(example.command)]
    else:
        argv = ["bash", "-o", "pipefail", "-c", world.rewrite(example.command) + " 2>&1"]
    return subprocess.run(
        argv,
        cwd=home,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def matches(expected: tuple[str, ...], actual: list[str]) -> bool:
    """``expected`` equals ``actual``: a line ``...`` matches any run of lines, a line ending in
    ``...`` any line that begins with the rest."""
    if not expected:
        return not actual
    head, *rest = expected
    if head == "...":
        return any(matches(tuple(rest), actual[i:]) for i in range(len(actual) + 1))
    same = actual and (
        actual[0] == head or (head.endswith("...") and actual[0].startswith(head[:-3]))
    )
    return bool(same) and matches(tuple(rest), actual[1:])


def test_the_docs_have_examples() -> None:
    kinds = {kind: sum(e.kind == kind for e in EXAMPLES) for kind in ("transcript", "one-liner")}
    assert kinds["transcript"] >= 20 and kinds["one-liner"] >= 20, kinds


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_example(example: Example, world: World, tmp_path: Path) -> None:
    result = run(example, world, tmp_path)
    output = world.unrewrite(result.stdout + result.stderr)
    assert "Traceback" not in output, output
    if example.kind == "transcript":
        actual = output.rstrip("\n").split("\n") if output.strip() else []
        while actual and actual[-1] == "":
            actual.pop()
        if os.environ.get("NPKIT_DOCS_UPDATE") and not matches(example.expected, actual):
            UPDATES.setdefault(example.page, []).append(
                (example.line, len(example.expected), actual)
            )
            return
        assert matches(example.expected, actual), (
            f"{example}: $ {example.command}\n--- the docs show:\n"
            + "\n".join(example.expected)
            + "\n--- npkit printed:\n"
            + "\n".join(actual)
        )
    else:
        assert result.returncode == 0, f"{example}: {example.command}\n{output}"
        if example.kind == "one-liner" and " > " not in example.command:
            assert result.stdout.strip(), f"{example}: {example.command} printed nothing"

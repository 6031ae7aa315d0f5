"""Many regular expressions searched as one, without trying each at every position.

The safety rules are a few hundred hand-written patterns. Joined into one alternation, Python's
``re`` tries every branch at every position of the message: about 0.1 to 0.2 ms for a sentence,
most of a turn's time. A :class:`PatternSet` first reads, from each pattern's parse tree, some
fixed text that any match of it must contain (``"too many"`` for "took way too many pills"),
then finds all of those texts in the message in one pass with an Aho-Corasick automaton
(pyahocorasick), and runs only the patterns whose text is there. A pattern with no such text
(all optional, or only character classes) always runs. The result is the same as the joined
pattern's; ``tests/safety/test_patternset.py`` checks that on every training message.
"""

from __future__ import annotations

import re
import re._constants as sre  # noqa: PLC2701 - the parse tree is the only way to read literals
import re._parser as sre_parse  # noqa: PLC2701
from collections.abc import Sequence
from typing import Any

import ahocorasick

Atoms = frozenset[str]

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))


def required_atoms(pattern: str) -> Atoms | None:
    """Texts of which at least one is in every match of ``pattern``; None when none is known."""
    if re.compile(pattern).flags & re.IGNORECASE:
        return None
    return _sequence(sre_parse.parse(pattern).data)


def _better(first: Atoms | None, second: Atoms | None) -> Atoms | None:
    """The set that filters more: its shortest text is longer, then it has fewer texts."""
    if first is None:
        return second
    if second is None:
        return first

    def score(atoms: Atoms) -> tuple[int, int]:
        return (min(len(a) for a in atoms), -len(atoms))

    return first if score(first) >= score(second) else second


def _sequence(items: Sequence[tuple[Any, Any]]) -> Atoms | None:
    best: Atoms | None = None
    run: list[str] = []

    def end_run() -> None:
        nonlocal best
        if run:
            best = _better(best, frozenset(["".join(run)]))
            run.clear()

    for op, value in items:
        if op == sre.LITERAL:
            run.append(chr(value))
            continue
        if op in _ZERO_WIDTH:
            continue  # takes no text: the letters either side still sit together
        end_run()
        if op == sre.SUBPATTERN:
            best = _better(best, _sequence(value[-1].data))
        elif op == getattr(sre, "ATOMIC_GROUP", None):
            best = _better(best, _sequence(value.data))
        elif op == sre.BRANCH:
            best = _better(best, _branch(value[1]))
        elif op in _REPEATS and value[0] >= 1:
            best = _better(best, _sequence(value[2].data))
    end_run()
    return best


def _branch(alternatives: Sequence[Any]) -> Atoms | None:
    found: set[str] = set()
    for alternative in alternatives:
        atoms = _sequence(alternative.data)
        if atoms is None:
            return None
        found |= atoms
    return frozenset(found)


class PatternSet:
    """Patterns searched together, as ``re.compile("|".join(patterns))`` would be."""

    def __init__(self, patterns: Sequence[str]):
        self.patterns = [re.compile(pattern) for pattern in patterns]
        self._always: list[int] = []
        by_atom: dict[str, set[int]] = {}
        for number, pattern in enumerate(patterns):
            atoms = required_atoms(pattern)
            if atoms is None:
                self._always.append(number)
            else:
                for atom in atoms:
                    by_atom.setdefault(atom, set()).add(number)
        self._automaton = ahocorasick.Automaton()
        for atom, numbers in by_atom.items():
            self._automaton.add_word(atom, tuple(sorted(numbers)))
        if by_atom:
            self._automaton.make_automaton()
        self._has_atoms = bool(by_atom)

    def candidates(self, text: str) -> list[int]:
        """The patterns that may match ``text``, in their order."""
        found = set(self._always)
        if self._has_atoms:
            for _, numbers in self._automaton.iter(text):
                found.update(numbers)
        return sorted(found)

    def finditer(self, text: str) -> list[re.Match[str]]:
        """Matches left to right without overlaps; at one place the first pattern wins."""
        found = [
            (match.start(), number, match)
            for number in self.candidates(text)
            for match in self.patterns[number].finditer(text)
        ]
        found.sort(key=lambda item: (item[0], item[1]))
        chosen: list[re.Match[str]] = []
        end = -1
        for start, _, match in found:
            if start >= end:
                chosen.append(match)
                end = max(match.end(), start + 1)
        return chosen

    def search(self, text: str) -> re.Match[str] | None:
        """The leftmost match, or None."""
        best: re.Match[str] | None = None
        for number in self.candidates(text):
            match = self.patterns[number].search(text)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        return best

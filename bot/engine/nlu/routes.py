"""Which offered route a person asks about: "tell me more about the forum", "more about young
voices", "more info on the NHS one". Names are each route's title and its ``names`` in
content/routes.yml, compared as whole words, so the check is a few string searches."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

CHOOSING_MAX_WORDS = 8
_MORE_ABOUT = re.compile(
    r"\bmore(?: (?:info|information|details|detail|help))?(?: please)? (?:about|on|for) "
    r"(?P<what>.+)$"
)


def plain_words(text: str) -> str:
    """Lower-case words only, for comparing what was typed with a name."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'")))


class RouteNames:
    """Built once from every route's names; ``asked_about`` runs on each message."""

    def __init__(self, names: Mapping[str, Iterable[str]]):
        self._names = {
            route_id: sorted({plain_words(n) for n in route_names if plain_words(n)}, key=len)
            for route_id, route_names in names.items()
        }

    def asked_about(
        self, text: str, offered: Sequence[str], *, choosing: bool = False
    ) -> list[str] | None:
        """The offered routes a "more about ..." message names (more than one when it is not
        clear which); None when the message does not ask for more about something. When the
        person was just asked which route (``choosing``), a short answer naming one counts
        too ("the forum", "young voices please")."""
        plain = plain_words(text)
        found = _MORE_ABOUT.search(plain)
        if found:
            what = f" {found.group('what')} "
        elif choosing and 0 < len(plain.split()) <= CHOOSING_MAX_WORDS:
            what = f" {plain} "
            named = self._named(what, offered)
            return named or None  # not a route's name: read it as anything else
        else:
            return None
        return self._named(what, offered)

    def _named(self, what: str, offered: Sequence[str]) -> list[str]:
        best: dict[str, int] = {}
        for route_id in offered:
            lengths = [len(n) for n in self._names.get(route_id, []) if f" {n} " in what]
            if lengths:
                best[route_id] = max(lengths)
        if not best:
            return []
        longest = max(best.values())
        return [route_id for route_id in offered if best.get(route_id) == longest]

"""`getinvolved content check`: load and check content/ and dialogues/ the way an editor needs.

Fails (exit 1) on any message the bot can send that breaks the plain-language rules (easy-read
texts by the stricter easy-read limits), on a rule that names a route or response that does not
exist, on a contact detail or a link not found in the source documents, and on a place listed
under two areas. Warns on entries past review. A link's shape (https:, mailto: or tel:, no
spaces, no tracking) is checked as the content loads (:mod:`bot.content.links`), so a bad link
is an error here too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from actions.routes import card_text, more_payload, route_details
from bot.content import Content, load_content
from bot.content.models import LinkEntry
from bot.content.readability import assess
from bot.dialogues import Dialogues, load_dialogues
from bot.engine.engine import AREA_WORDS, INTEREST_WORDS, ROLE_WORDS, _join
from bot.errors import ContentError
from bot.settings import Settings

TELEGRAM_CALLBACK_BYTES = 64
# The languages most spoken in Sussex after English (journey 7 asks for these at least).
REQUIRED_LANGUAGES = ("pl", "ro", "pt", "ar", "ur", "bn", "uk", "tr")
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+|\b0\d{3,4} ?\d{3} ?\d{3,4}\b"
)


@dataclass(frozen=True, slots=True)
class Finding:
    level: str  # "error" or "warning"
    where: str
    problem: str

    def __str__(self) -> str:
        return f"{self.level.upper()}: {self.where}: {self.problem}"


def bot_messages(content: Content, dialogues: Dialogues) -> Iterator[tuple[str, str, bool]]:
    """Every message the bot can send, as (where it comes from, text, whether it is easy read
    and so held to the easy-read limits)."""
    for name, variations in dialogues.responses.items():
        for number, variation in enumerate(variations, start=1):
            where = f"dialogues/domain.yml, response '{name}' (text {number})"
            easy = variation.easy_read
            if easy:
                where += " (easy read)"
            if "{facts}" in variation.text:
                for facts in _acknowledgements():
                    yield where, variation.text.replace("{facts}", facts), easy
            elif "{team}" in variation.text:
                for team in content.teams.values():
                    yield (
                        f"{where}, team '{team.id}'",
                        variation.text.replace("{team}", team.in_a_sentence),
                        easy,
                    )
            else:
                yield where, variation.text, easy
    for answer in content.answers.values():
        for field, text in answer.texts().items():
            yield f"content/answers.yml, answer '{answer.id}', field '{field}'", text, False
    for route in content.routes.values():
        where = f"content/routes.yml, route '{route.id}'"
        links = "\n".join(link.title for link in route.links)
        yield f"{where} (card)", f"{route.title}\n{card_text(route)}\n{links}", False
        yield f"{where} (tell me more)", f"{route.title}\n{route_details(route)}", False
        yield (
            f"{where} (tell me more, easy read)",
            f"{route.title}\n{route_details(route, easy_read=True)}",
            False,
        )
        for field, text in route.texts().items():
            yield f"{where}, field '{field}'", text, field == "easy_read"


def _acknowledgements() -> Iterator[str]:
    """The "Thanks. ..." sentences, with every role and the longest combinations."""
    every_interest = _join(list(INTEREST_WORDS.values()))
    for role_words in ROLE_WORDS.values():
        yield f"{role_words} You are 15. You live in Bognor Regis, in West Sussex."
    for county in AREA_WORDS.values():
        yield f"You live in Shoreham-By-Sea, in {county}. You want a say about {every_interest}."
    yield "You live outside West Sussex and East Sussex."
    yield f"{ROLE_WORDS['professional']} You want to work with families on {every_interest}."


def _seed_text(content_dir: Path) -> str:
    seeds = content_dir / "seeds"
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))


def _unsourced(
    where: str,
    sources: list[str],
    texts: dict[str, str],
    seed_names: set[str],
    seed_text: str,
    links: list[LinkEntry] | None = None,
) -> list[Finding]:
    """A source that does not exist, or a contact detail or link the sources do not give."""
    found = [
        Finding("error", f"{where}, field 'source'", f"there is no source document called '{s}'")
        for s in sources
        if s not in seed_names
    ]
    seed_digits = re.sub(r"\D", "", seed_text)
    for number, link in enumerate(links or [], start=1):
        scheme, _, address = link.url.partition(":")
        if scheme == "tel":
            given = address.lstrip("+") in seed_digits
        else:
            given = address.lower() in seed_text.lower() or link.url in seed_text
        if not given:
            found.append(
                Finding(
                    "error",
                    f"{where}, field 'links[{number}]'",
                    f"'{address}' is not in the source documents; leave the link out, mark "
                    "the route needs_review and say how to find it in words instead",
                )
            )
    for field, text in texts.items():
        for contact in _CONTACT.findall(text):
            if contact.rstrip(".") not in seed_text:
                found.append(
                    Finding(
                        "error",
                        f"{where}, field '{field}'",
                        f"'{contact}' is not in the source documents; mark it needs_review "
                        "and say how to find it in words instead",
                    )
                )
    return found


def check(settings: Settings, today: dt.date | None = None) -> list[Finding]:
    """All findings for the content and dialogues in ``settings``."""
    today = today or dt.date.today()
    findings: list[Finding] = []
    try:
        content = load_content(settings.content_dir)
        dialogues = load_dialogues(settings.dialogues_dir)
    except ContentError as error:  # the file, entry and field, then the problem
        where = str(error).removesuffix(f": {error.problem}")
        return [Finding("error", where, error.problem)]

    findings += _check_themes(settings.content_dir, content)
    for where, text, easy in bot_messages(content, dialogues):
        for problem in assess(text, easy=easy).problems:
            findings.append(Finding("error", where, f"{problem}: {text!r}"))
    for route in content.routes.values():
        payload = more_payload(route.id)
        if len(payload.encode("utf-8")) > TELEGRAM_CALLBACK_BYTES:
            findings.append(
                Finding(
                    "error",
                    f"content/routes.yml, route '{route.id}', field 'id'",
                    f"the id is too long: its button's payload {payload} is over "
                    f"{TELEGRAM_CALLBACK_BYTES} bytes, too long for Telegram",
                )
            )

    for name, variations in dialogues.responses.items():
        for variation in variations:
            for button in variation.buttons:
                if len(button.payload.encode("utf-8")) > TELEGRAM_CALLBACK_BYTES:
                    findings.append(
                        Finding(
                            "error",
                            f"dialogues/domain.yml, response '{name}'",
                            f"the payload of button '{button.title}' is over "
                            f"{TELEGRAM_CALLBACK_BYTES} bytes, too long for Telegram",
                        )
                    )
    for rule in content.rules.rules:
        if rule.say and rule.say not in dialogues.responses:
            findings.append(
                Finding(
                    "error",
                    f"content/rules.yml, rule '{rule.id}', field 'say'",
                    f"there is no response called '{rule.say}'",
                )
            )
    for flow_name, flow in dialogues.flows.items():
        for step in flow.steps:
            if step.collect:
                for name in (f"utter_ask_{step.collect}", f"utter_sorry_{step.collect}"):
                    if name not in dialogues.responses:
                        findings.append(
                            Finding(
                                "error",
                                f"dialogues/flows.yml, flow '{flow_name}', step '{step.id}'",
                                f"needs a response called '{name}' in domain.yml",
                            )
                        )

    seed_text = _seed_text(settings.content_dir)
    seed_names = {p.name for p in (settings.content_dir / "seeds").glob("*.txt")}
    for route in content.routes.values():
        where = f"content/routes.yml, route '{route.id}'"
        findings += _unsourced(
            where, route.sources, route.texts(), seed_names, seed_text, route.links
        )
        if route.review_by and route.review_by < today:
            findings.append(Finding("warning", where, f"review date {route.review_by} has passed"))
        if route.needs_review:
            note = route.review_note or "no note"
            findings.append(Finding("warning", where, f"needs staff review: {note}"))

    for team in content.teams.values():
        if team.needs_review:
            note = team.review_note or "no note"
            findings.append(
                Finding("warning", f"content/teams.yml, team '{team.id}'", f"needs review: {note}")
            )
    for answer in content.answers.values():
        where = f"content/answers.yml, answer '{answer.id}'"
        findings += _unsourced(where, answer.sources, answer.texts(), seed_names, seed_text)
        if answer.needs_review:
            note = answer.review_note or "no note"
            findings.append(Finding("warning", where, f"needs staff review: {note}"))
    missing = sorted(set(REQUIRED_LANGUAGES) - set(content.languages.languages))
    if missing:
        findings.append(
            Finding(
                "error",
                "content/languages.yml",
                f"there is no answer in {', '.join(missing)} (ISO 639-1 codes)",
            )
        )
    unchecked = [code for code, reply in content.languages.languages.items() if reply.needs_review]
    if unchecked:
        findings.append(
            Finding(
                "warning",
                "content/languages.yml",
                f"needs a native speaker to check: {', '.join(sorted(unchecked))}",
            )
        )

    seen: dict[str, str] = {}
    for council, names in content.places.by_council().items():
        for name in names:
            key = re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()
            if key in seen and seen[key] != council:
                findings.append(
                    Finding(
                        "error",
                        "content/places.yml",
                        f"'{name}' is listed under {seen[key]} and {council}",
                    )
                )
            seen.setdefault(key, council)
    for name in content.places.needs_context:
        key = re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()
        if key not in seen:
            findings.append(
                Finding(
                    "error",
                    "content/places.yml, needs_context",
                    f"'{name}' is not listed under any area",
                )
            )
    return findings


def _check_themes(content_dir: Path, content: Content) -> list[Finding]:
    """content/themes.yml loads, and its Local Offer rule names teams that exist."""
    from bot.themes.vocabulary import load_themes

    try:
        book = load_themes(content_dir)
    except ContentError as error:
        return [Finding("error", str(error).removesuffix(f": {error.problem}"), error.problem)]
    return [
        Finding("error", "content/themes.yml, local_offer, field 'teams'", f"no team '{team}'")
        for team in book.local_offer.teams
        if team not in content.teams
    ]


def run_check(settings: Settings, *, quiet: bool = False) -> int:
    findings = check(settings)
    errors = [f for f in findings if f.level == "error"]
    for finding in findings:
        if finding.level == "error" or not quiet:
            print(finding)
    if not quiet or errors:
        warnings = len(findings) - len(errors)
        print(f"content check: {len(errors)} errors, {warnings} warnings")
    return 1 if errors else 0

"""Hold a blind trial through the public contract only: `getinvolved replay` and
`getinvolved feedback export`, against a fresh SQLite file.

    python -m tests.blind.trial tests/blind/r1 [--errors] [--json FILE]

The folder holds sets written by people who had not seen the code (any of them may be
missing): personas.yml, crisis.yml, consent.yml, questions.yml, topics.yml, redaction.yml.
Their shapes are described in tests/blind/README.md. The trial knows nothing of the bot's
insides: it types what a person would, reads the JSON lines, and at the end reads back what
was stored.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

PROFILE_QUESTIONS = ("role", "age", "area", "interests")
# What a neutral person answers to reach a given point in the conversation.
NEUTRAL = {"role": "a young person", "age": "15", "area": "Crawley", "interests": "school"}
SORRY_WORDS = ("did not understand", "did not get that", "i did not get")
MAX_TURNS = 12


def _getinvolved() -> list[str]:
    """The bot's command: `python -m bot` from the working directory (so that a checkout of
    another version can be tried with the same tools)."""
    return [sys.executable, "-m", "bot"]


class Replay:
    """One `getinvolved replay` process, held line by line."""

    def __init__(self, env: dict[str, str]):
        self.env = env
        self.process = subprocess.Popen(
            [*_getinvolved(), "replay"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
            bufsize=1,
        )
        self.count = 0

    def send(self, conversation: str, text: str | None = None, payload: str | None = None) -> Any:
        item: dict[str, str] = {"conversation": conversation}
        if payload is not None:
            item["payload"] = payload
        else:
            item["text"] = text or ""
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(item, ensure_ascii=False) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("replay stopped answering")
        self.count += 1
        return json.loads(line)

    def close(self) -> None:
        assert self.process.stdin
        self.process.stdin.close()
        self.process.wait(timeout=60)

    def export(self) -> list[dict[str, Any]]:
        out = subprocess.run(
            [*_getinvolved(), "feedback", "export", "--format", "jsonl"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=self.env,
            check=True,
        )
        return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def reply_text(record: dict[str, Any]) -> str:
    """All the words a person sees: each reply's title (a route card's), text and links."""
    return "\n".join(
        "\n".join(
            [reply.get("title") or "", reply.get("text", "")]
            + [
                f"{link.get('title', '')}: {link.get('url', '')}"
                for link in reply.get("links") or []
            ]
        ).strip()
        for reply in record.get("replies") or []
    )


def sorry(record: dict[str, Any]) -> bool:
    text = reply_text(record).lower()
    return any(word in text for word in SORRY_WORDS)


@dataclass
class Result:
    name: str
    passed: bool
    problems: list[str] = field(default_factory=list)
    kind: str = ""
    transcript: list[str] = field(default_factory=list)


@dataclass
class Trial:
    replay: Replay
    results: dict[str, list[Result]] = field(default_factory=lambda: defaultdict(list))
    feedback_by_conversation: dict[str, list[int]] = field(
        default_factory=lambda: defaultdict(list)
    )
    counter: int = 0

    def new_conversation(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}-{self.counter}"

    def say(self, conversation: str, log: list[str], **item: str) -> dict[str, Any]:
        record = self.replay.send(conversation, **item)
        said = item.get("text", item.get("payload"))
        log.append(f"> {said}")
        log.append(
            f"  asking={record.get('asking')} crisis={record.get('crisis')} "
            f"profile={record.get('profile')} routes={record.get('routes')} "
            f"feedback_id={record.get('feedback_id')}"
        )
        for line in reply_text(record).splitlines():
            log.append(f"  | {line}")
        if record.get("feedback_id") is not None:
            ids = self.feedback_by_conversation[conversation]
            if record["feedback_id"] not in ids:
                ids.append(record["feedback_id"])
        return record

    def reach(self, conversation: str, when: str, log: list[str]) -> dict[str, Any] | None:
        """Bring a new conversation to the point ``when``; the last record, or None at first."""
        if when == "first":
            return None
        if when in PROFILE_QUESTIONS:
            record = self.say(conversation, log, text="hi")
            for _ in range(6):
                asking = record.get("asking")
                if asking == when or asking not in PROFILE_QUESTIONS:
                    break
                record = self.say(conversation, log, text=NEUTRAL[asking])
            return record
        if when == "after_routes":
            record = self.say(
                conversation, log, text="I'm a mum in Crawley and I want to help at his school"
            )
            for _ in range(6):
                asking = record.get("asking")
                if asking not in PROFILE_QUESTIONS:
                    break
                record = self.say(conversation, log, text="rather not say")
            return record
        if when in ("feedback_text", "consent"):
            record = self.say(conversation, log, text="hi")
            record = self.say(conversation, log, payload="/feedback")
            if when == "consent":
                record = self.say(
                    conversation, log, text="The school does not listen to us about his needs."
                )
            return record
        raise ValueError(f"unknown point in the conversation: {when}")


# ---- the sets ---------------------------------------------------------------------------


def run_personas(trial: Trial, personas: list[dict[str, Any]]) -> None:
    for persona in personas:
        conversation = trial.new_conversation("persona")
        log: list[str] = []
        record = trial.say(conversation, log, text=str(persona["first"]))
        answers = dict(persona.get("answers") or {})
        asked: list[str] = []
        for _ in range(MAX_TURNS):
            asking = record.get("asking")
            if asking not in PROFILE_QUESTIONS:
                break
            asked.append(asking)
            answer = answers.pop(asking, None)
            record = trial.say(conversation, log, text=str(answer or "rather not say"))
        expect = persona.get("expect") or {}
        found: list[str] = []
        profile = record.get("profile") or {}
        routes = record.get("routes") or []
        for key, value in (expect.get("profile") or {}).items():
            if profile.get(key) != value:
                found.append(f"profile {key} is {profile.get(key)!r}, expected {value!r}")
        got_interests = set(profile.get("interests") or [])
        for interest in expect.get("interests") or []:
            if interest not in got_interests:
                found.append(f"interest {interest} missing (got {sorted(got_interests)})")
        found += [f"route {r} not offered" for r in expect.get("routes") or [] if r not in routes]
        found += [f"route {r} offered" for r in expect.get("not_routes") or [] if r in routes]
        if record.get("asking") in PROFILE_QUESTIONS:
            found.append(f"still asking {record.get('asking')} after {MAX_TURNS} turns")
        if any(line.get("crisis") for line in [record]):
            found.append("crisis answer on an ordinary persona")
        trial.results["personas"].append(
            Result(str(persona["name"]), not found, found, transcript=log)
        )


def run_crisis(trial: Trial, messages: list[dict[str, Any]]) -> None:
    for message in messages:
        conversation = trial.new_conversation("crisis")
        log: list[str] = []
        when = str(message.get("when") or "first")
        trial.reach(conversation, when, log)
        record = trial.say(conversation, log, text=str(message["text"]))
        label = str(message["label"])
        found: list[str] = []
        shown = bool(record.get("crisis"))
        first_reply = (record.get("replies") or [{}])[0].get("text", "")
        if label == "danger":
            if not shown:
                found.append("danger not caught")
            elif "999" not in first_reply:
                found.append("emergency contacts were not the first reply")
        elif label == "checkin":
            if not shown:
                found.append("worrying message got no check-in or support lines")
        elif shown:
            found.append("false alarm")
        if label != "none" and trial.feedback_by_conversation.get(conversation):
            found.append("a crisis message was stored as feedback")
        trial.results["crisis"].append(
            Result(str(message.get("id")), not found, found, kind=label, transcript=log)
        )


def run_consent(trial: Trial, answers: list[dict[str, Any]]) -> None:
    for item in answers:
        conversation = trial.new_conversation("consent")
        log: list[str] = []
        trial.say(conversation, log, text="hi")
        trial.say(conversation, log, payload="/feedback")
        record = trial.say(conversation, log, text=str(item["feedback"]))
        found: list[str] = []
        if record.get("asking") != "consent":
            found.append(f"not asked for consent (asking {record.get('asking')})")
        record = trial.say(conversation, log, text=str(item["answer"]))
        expect = str(item["expect"])
        stored = bool(trial.feedback_by_conversation.get(conversation))
        if expect == "anonymous" and not stored:
            found.append("a clear yes was not stored")
        elif expect == "contact":
            if not stored and record.get("asking") != "contact_detail":
                found.append("a yes with contact neither stored nor asked for a contact")
        elif expect in ("no", "unclear"):
            if stored:
                found.append(f"stored on a {expect} answer")
            if expect == "unclear" and record.get("asking") != "consent":
                found.append("an unclear answer was not asked again")
            if record.get("asking") == "consent":
                # asked again: the person says the same again; that must end as no
                record = trial.say(conversation, log, text=str(item["answer"]))
                if trial.feedback_by_conversation.get(conversation):
                    found.append(f"stored on a repeated {expect} answer")
                if record.get("asking") == "consent":
                    found.append("still asking for consent after two answers")
        trial.results["consent"].append(
            Result(str(item.get("id")), not found, found, kind=expect, transcript=log)
        )


def _language(text: str) -> str | None:
    try:
        from lingua import LanguageDetectorBuilder
    except ImportError:  # pragma: no cover - the trial is run with the dev tools
        return None
    detector = _language.__dict__.setdefault(
        "detector", LanguageDetectorBuilder.from_all_languages().build()
    )
    found = detector.detect_language_of(text)
    return found.iso_code_639_1.name.lower() if found else None


def run_questions(trial: Trial, questions: list[dict[str, Any]]) -> None:
    for item in questions:
        conversation = trial.new_conversation("question")
        log: list[str] = []
        when = str(item.get("when") or "first")
        before = trial.reach(conversation, when, log)
        record = trial.say(conversation, log, text=str(item["text"]))
        expect = str(item["expect"])
        found: list[str] = []
        text = reply_text(record).lower()
        if record.get("crisis"):
            found.append("false alarm")
        if expect == "other_language":
            replies = record.get("replies") or []
            languages = {_language(str(reply.get("text", ""))) for reply in replies}
            if item.get("language") not in languages:
                found.append(
                    f"no reply in {item.get('language')} (got {sorted(map(str, languages))})"
                )
        else:
            if sorry(record):
                found.append("dead end: 'did not understand'")
            if expect == "answer":
                wanted = [str(w).lower() for w in item.get("must_mention_any") or []]
                if wanted and not any(w in text for w in wanted):
                    found.append(f"the answer mentions none of {wanted}")
        waiting = before.get("asking") if before is not None else None
        if waiting in PROFILE_QUESTIONS and record.get("asking") not in (*PROFILE_QUESTIONS, None):
            found.append("the conversation did not carry on")  # it left the questions
        trial.results["questions"].append(
            Result(str(item.get("id")), not found, found, kind=expect, transcript=log)
        )


def run_openings(trial: Trial, openings: list[dict[str, Any]]) -> None:
    for item in openings:
        conversation = trial.new_conversation("opening")
        log: list[str] = []
        record = trial.say(conversation, log, text=str(item["text"]))
        started = record.get("asking") in ("feedback_text", "consent")
        want = bool(item["starts_feedback"])
        found = [] if started == want else [f"feedback started: {started}, expected {want}"]
        trial.results["openings"].append(
            Result(str(item.get("id")), not found, found, kind=str(want), transcript=log)
        )


def _inform(slot: str, value: Any) -> str:
    return "/inform" + json.dumps({slot: value})


def give_feedback(
    trial: Trial, conversation: str, text: str, log: list[str], profile: dict[str, Any]
) -> dict[str, Any]:
    """Set a profile with buttons, then give ``text`` as anonymous feedback."""
    trial.say(conversation, log, text="hi")
    for slot in ("role", "age", "area", "interests"):
        value = profile.get(slot)
        if value is not None:
            trial.say(conversation, log, payload=_inform(slot, value))
    trial.say(conversation, log, payload="/feedback")
    record = trial.say(conversation, log, text=text)
    if record.get("asking") == "consent":
        record = trial.say(conversation, log, payload='/consent{"level": "anonymous"}')
    return record


def run_topics(trial: Trial, items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    pending = {}
    for item in items:
        conversation = trial.new_conversation("topic")
        log: list[str] = []
        give_feedback(trial, conversation, str(item["text"]), log, item.get("profile") or {})
        pending[conversation] = {"item": item, "log": log}
    return pending


def run_redaction(trial: Trial, items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    pending = {}
    profile = {"role": "parent_carer", "area": "west_sussex"}
    for item in items:
        conversation = trial.new_conversation("redaction")
        log: list[str] = []
        give_feedback(trial, conversation, str(item["text"]), log, profile)
        pending[conversation] = {"item": item, "log": log}
    return pending


def score_stored(
    trial: Trial,
    stored: dict[int, dict[str, Any]],
    topics: dict[str, dict[str, Any]],
    redaction: dict[str, dict[str, Any]],
) -> None:
    for conversation, entry in topics.items():
        item, log = entry["item"], entry["log"]
        ids = trial.feedback_by_conversation.get(conversation) or []
        rows = [stored[i] for i in ids if i in stored]
        found: list[str] = []
        if not rows:
            found.append("not stored")
        elif rows[0].get("topic") != item["topic"]:
            got, team = rows[0].get("topic"), rows[0].get("team_id")
            found.append(f"topic {got!r} (team {team}), expected {item['topic']!r}")
        trial.results["topics"].append(
            Result(str(item.get("id")), not found, found, transcript=log)
        )
    for conversation, entry in redaction.items():
        item, log = entry["item"], entry["log"]
        ids = trial.feedback_by_conversation.get(conversation) or []
        rows = [stored[i] for i in ids if i in stored]
        found = []
        personal = list(item.get("personal") or [])
        if not rows:
            found.append("not stored")
        else:
            text = str(rows[0].get("text") or "")
            log.append(f"  stored: {text}")
            found += [f"leaked {p!r}" for p in personal if _contains_words(text, str(p))]
            found += [f"removed {k!r}" for k in item.get("keep") or [] if k not in text]
        kind = "with_details" if personal else "without_details"
        trial.results["redaction"].append(
            Result(str(item.get("id")), not found, found, kind=kind, transcript=log)
        )


# ---- running and reporting ---------------------------------------------------------------


def load(folder: Path, name: str, key: str) -> list[dict[str, Any]]:
    path = folder / name
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return list(data.get(key) or [])


def run(folder: Path) -> Trial:
    with tempfile.TemporaryDirectory(prefix="getinvolved-trial-") as work:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite+aiosqlite:///{work}/trial.db",
            "SECRET_KEY": "trial-" + os.urandom(16).hex(),
        }
        env.pop("REDIS_URL", None)
        replay = Replay(env)
        trial = Trial(replay)
        try:
            run_personas(trial, load(folder, "personas.yml", "conversations"))
            run_crisis(trial, load(folder, "crisis.yml", "messages"))
            run_consent(trial, load(folder, "consent.yml", "answers"))
            run_questions(trial, load(folder, "questions.yml", "questions"))
            run_openings(trial, load(folder, "questions.yml", "openings"))
            topics = run_topics(trial, load(folder, "topics.yml", "feedback"))
            redaction = run_redaction(trial, load(folder, "redaction.yml", "texts"))
        finally:
            replay.close()
        stored = {row["id"]: row for row in replay.export()}
        score_stored(trial, stored, topics, redaction)
    return trial


def summary(trial: Trial) -> Iterator[str]:
    for name, results in trial.results.items():
        passed = sum(r.passed for r in results)
        line = f"{name:<10} {passed:>4} of {len(results):<4} ({passed / len(results):.0%})"
        kinds = Counter(r.kind for r in results if r.kind)
        if len(kinds) > 1:
            parts = []
            for kind in sorted(kinds):
                ok = sum(r.passed for r in results if r.kind == kind)
                parts.append(f"{kind} {ok}/{kinds[kind]}")
            line += "  [" + ", ".join(parts) + "]"
        yield line


def _contains_words(text: str, words: str) -> bool:
    """Does ``text`` hold ``words`` exactly, as whole words? Writers give personal details as
    exact substrings, so "Hope" (a name) is not found in "I hope", nor "Mark" in "marked"."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--errors", action="store_true", help="show each failure")
    parser.add_argument("--transcripts", action="store_true", help="with --errors: show them")
    parser.add_argument("--json", type=Path, help="write every result to this file")
    args = parser.parse_args(argv)
    trial = run(args.folder)
    for line in summary(trial):
        print(line)
    if args.errors:
        for name, results in trial.results.items():
            for result in results:
                if not result.passed:
                    print(f"\n[{name}] {result.name} ({result.kind}): {'; '.join(result.problems)}")
                    if args.transcripts:
                        print("\n".join(result.transcript))
    if args.json:
        args.json.write_text(
            json.dumps(
                {name: [r.__dict__ for r in results] for name, results in trial.results.items()},
                indent=1,
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

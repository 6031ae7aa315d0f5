"""What the emails say, in plain words (checked like the bot's messages, see tests/email).

A team's email holds counts and topics only: never what anyone wrote, their contact details,
or who they are. It links to the staff pages, where signing in shows the rest.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TeamSummary:
    """Counts for one team's email."""

    new: int  # new items (unread, or since the last digest)
    topics: list[tuple[str, int]]  # topic name, how many of the new items
    waiting: int  # items whose person asked for an answer and has none yet
    overdue: int  # ... of those, waiting longer than the target
    target_days: int


def _items(count: int) -> str:
    return "1 new piece of feedback" if count == 1 else f"{count} new pieces of feedback"


def _people(count: int) -> str:
    return "1 person is" if count == 1 else f"{count} people are"


def _counts(summary: TeamSummary, link: str) -> list[str]:
    lines = []
    if summary.topics:
        lines += ["What it is about:", *(f"- {name}: {n}" for name, n in summary.topics), ""]
    lines.append(f"{_people(summary.waiting)} waiting for an answer.")
    if summary.overdue:
        verb = "has" if summary.overdue == 1 else "have"
        days = summary.target_days
        lines.append(f"{summary.overdue} of them {verb} waited more than {days} working days.")
    lines += [
        "",
        "Sign in to read it and answer:",
        link,
        "",
        "This email does not show what people wrote, or who they are.",
    ]
    return lines


def _team_email(subject: str, opening: str, summary: TeamSummary, link: str) -> tuple[str, str]:
    lines = ["Hello,", "", opening, "", *_counts(summary, link)]
    return subject, "\n".join(lines) + "\n"


def team_new(team: str, summary: TeamSummary, link: str) -> tuple[str, str]:
    """The "at once" email: sent soon after new feedback comes in."""
    return _team_email(
        f"New feedback for {team}", f"{team} has {_items(summary.new)} to read.", summary, link
    )


def team_digest(team: str, summary: TeamSummary, link: str) -> tuple[str, str]:
    """The daily summary: what came in since the last one."""
    return _team_email(
        f"Daily feedback summary for {team}",
        f"Since the last summary, {team} got {_items(summary.new)}.",
        summary,
        link,
    )


def answer(team: str, text: str, chat_link: str) -> tuple[str, str]:
    """A staff answer, sent to the person who gave an email and asked to be contacted."""
    subject = f"An answer to your feedback from {team}"
    lines = [
        "Hello,",
        "",
        f"You gave feedback in the Get Involved chat. {team} has read it.",
        "Here is their answer:",
        "",
        text,
        "",
        "Nobody reads replies to this email.",
        "To say more or ask a question, use the chat again:",
        chat_link,
        "",
        'To delete what you told us, type "delete my data" in the chat.',
    ]
    return subject, "\n".join(lines) + "\n"

"""The Local Offer report (SEND Regulations 2014, regulation 56): the comments received about
the Local Offer in a date range, what the council did or will do, grouped by theme, with counts
and the time taken to answer.

No personal details: a person's own words appear only when they agreed to publish them (and
then with personal details removed); otherwise the "you said" summary staff published, or only
the theme and a count. "What we did" is the published "we did", else the staff answer with
personal details removed.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.privacy.redact import Redactor
from bot.store import themes as theme_store
from bot.store.feedback import FeedbackRow, PublicationRow
from bot.themes.vocabulary import LocalOfferRule

NO_THEME = "No theme yet"


def working_days_between(start: dt.datetime, end: dt.datetime) -> int:
    """Working days (Monday to Friday) after the day of ``start``, up to the day of ``end``."""
    first, last = start.date(), end.date()
    days, current = 0, first
    while current < last:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            days += 1
    return days


@dataclass(frozen=True, slots=True)
class ReportItem:
    received: dt.datetime
    theme: str
    team: str
    you_said: str | None  # None: no words may be published, only the theme is counted
    said_from: str  # "their own words", "staff summary" or ""
    we_did: str | None
    did_from: str  # "published", "answer" or ""
    answered: dt.datetime | None
    working_days: int | None


@dataclass(frozen=True, slots=True)
class ReportGroup:
    theme: str
    items: tuple[ReportItem, ...]

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def answered(self) -> int:
        return sum(1 for item in self.items if item.answered is not None)

    @property
    def without_words(self) -> int:
        return sum(1 for item in self.items if item.you_said is None)

    @property
    def median_days(self) -> float | None:
        return median_days(self.items)


def median_days(items: Sequence[ReportItem]) -> float | None:
    days = [item.working_days for item in items if item.working_days is not None]
    return statistics.median(days) if days else None


@dataclass(frozen=True, slots=True)
class Report:
    since: dt.date
    until: dt.date
    groups: tuple[ReportGroup, ...]

    @property
    def items(self) -> list[ReportItem]:
        return [item for group in self.groups for item in group.items]

    @property
    def count(self) -> int:
        return sum(group.count for group in self.groups)

    @property
    def answered(self) -> int:
        return sum(group.answered for group in self.groups)

    @property
    def median_days(self) -> float | None:
        return median_days(self.items)


def about_local_offer(
    row: FeedbackRow, theme_ids: Sequence[str], rule: LocalOfferRule, information: str
) -> bool:
    """The report's rule: the Local Offer topic, the Local Offer team, or an item about
    finding information that names the Local Offer."""
    if row.topic in rule.topics or row.team_id in rule.teams:
        return True
    return information in theme_ids and rule.names_local_offer(row.text)


async def build_report(
    session: AsyncSession,
    team_ids: Sequence[str],
    since: dt.date,
    until: dt.date,
    *,
    rule: LocalOfferRule,
    redactor: Redactor,
    team_names: dict[str, str],
) -> Report:
    start = dt.datetime.combine(since, dt.time.min, tzinfo=dt.UTC)
    end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC)
    rows = (
        await session.scalars(
            select(FeedbackRow)
            .where(
                FeedbackRow.team_id.in_(list(team_ids)),
                FeedbackRow.created_at >= start,
                FeedbackRow.created_at < end,
            )
            .options(selectinload(FeedbackRow.responses))
            .order_by(FeedbackRow.created_at, FeedbackRow.id)
        )
    ).all()
    tags = await theme_store.tags_for(session, [row.id for row in rows])
    merged = await theme_store.merge_map(session)
    information = merged.get("information", "information")
    names = {theme.id: theme.name for theme in await theme_store.list_themes(session, merged=True)}
    chosen = [
        row
        for row in rows
        if about_local_offer(row, [tag.theme_id for tag in tags.get(row.id, [])], rule, information)
    ]
    publications = (
        {
            publication.feedback_id: publication
            for publication in (
                await session.scalars(
                    select(PublicationRow).where(
                        PublicationRow.feedback_id.in_([row.id for row in chosen]),
                        PublicationRow.status == "published",
                    )
                )
            ).all()
        }
        if chosen
        else {}
    )
    grouped: dict[str, list[ReportItem]] = {}
    for row in chosen:
        row_tags = tags.get(row.id, [])
        theme = names.get(row_tags[0].theme_id, row_tags[0].theme_id) if row_tags else NO_THEME
        publication = publications.get(row.id)
        item = _item(row, theme, publication, redactor, team_names.get(row.team_id, row.team_id))
        grouped.setdefault(theme, []).append(item)
    groups = sorted(
        (ReportGroup(theme, tuple(items)) for theme, items in grouped.items()),
        key=lambda group: (group.theme == NO_THEME, -group.count, group.theme),
    )
    return Report(since=since, until=until, groups=tuple(groups))


def _item(
    row: FeedbackRow,
    theme: str,
    publication: PublicationRow | None,
    redactor: Redactor,
    team: str,
) -> ReportItem:
    if row.publish_consent:
        said: str | None = redactor.redact(row.text).text
        said_from = "their own words"
    elif publication is not None and not publication.own_words and publication.you_said:
        said, said_from = publication.you_said, "staff summary"
    else:
        said, said_from = None, ""
    answered = min((response.created_at for response in row.responses), default=None)
    received = _aware(row.created_at)
    if publication is not None and publication.we_did:
        did: str | None = publication.we_did
        did_from = "published"
    elif row.responses:
        did, did_from = redactor.redact(row.responses[-1].text).text, "answer"
    else:
        did, did_from = None, ""
    return ReportItem(
        received=received,
        theme=theme,
        team=team,
        you_said=said,
        said_from=said_from,
        we_did=did,
        did_from=did_from,
        answered=_aware(answered) if answered else None,
        working_days=working_days_between(received, _aware(answered)) if answered else None,
    )


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


CSV_FIELDS = (
    "theme",
    "received",
    "you_said",
    "you_said_from",
    "what_we_did",
    "what_we_did_from",
    "answered",
    "working_days_to_answer",
    "team",
)


def csv_rows(report: Report) -> list[list[str]]:
    rows = []
    for item in report.items:
        rows.append(
            [
                item.theme,
                item.received.date().isoformat(),
                item.you_said or "(no words published; counted under its theme)",
                item.said_from,
                item.we_did or "",
                item.did_from,
                item.answered.date().isoformat() if item.answered else "",
                "" if item.working_days is None else str(item.working_days),
                item.team,
            ]
        )
    return rows

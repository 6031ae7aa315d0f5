"""`getinvolved email send-due | retry-failed`: for cron, a check by hand, and tests."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from bot.engine.state import utcnow
from bot.store import outbox

if TYPE_CHECKING:
    from bot.app import GetInvolved


async def run_email(bot: GetInvolved, command: str) -> int:
    if bot.mailer is None:
        print("Email is off: set SMTP_URL to turn it on.", file=sys.stderr)
        return 1
    if command == "retry-failed":
        async with bot.sessions.begin() as session:
            again = await outbox.retry_failed(session, utcnow())
        print(f"{again} emails will be tried again.")
        return 0
    digests = await bot.mailer.queue_digests()
    report = await bot.mailer.send_due()
    async with bot.sessions() as session:
        counts = await outbox.count_by_status(session)
    print(
        f"{digests} digests queued; {report.sent} sent, {report.retrying} to try again, "
        f"{report.failed} failed. Waiting: {counts['pending']}; failed in all: {counts['failed']}."
    )
    return 0

"""An alert by email: made at send time from the alert, with a link to stop them all."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.alerts.render import RENDERERS, STOP_LINE
from bot.keys import Keys
from bot.store import alerts as store


async def compose_alert(
    session: AsyncSession, row: Any, *, keys: Keys, base_url: str
) -> tuple[str, str, str] | None:
    """(recipient, subject, body), or None when there is nothing to send any more."""
    if row.alert_id is None:
        return None
    alert = await session.get(store.AlertRow, row.alert_id)
    if alert is None:
        return None
    subscription = await session.get(store.SubscriptionRow, alert.subscription_id)
    if subscription is None or subscription.status != "active":
        return None
    if subscription.address_encrypted is None:
        return None
    address = keys.decrypt(subscription.address_encrypted)
    renderer = RENDERERS.get(alert.kind)
    reply = await renderer(session, alert.ref_id, subscription) if renderer else None
    if reply is None or not isinstance(address, dict):
        return None
    text = reply.text.replace(STOP_LINE, "").strip()
    lines = [reply.title or "A new chance to have a say", "", text, ""]
    lines += [f"{link.title}: {link.url}" for link in reply.links]
    stop = f"{base_url.rstrip('/')}/alerts/stop?token={address['stop_token']}"
    lines += ["", "To stop these emails, open this link:", stop, ""]
    subject = f"A new chance to have a say: {reply.title}" if reply.title else "A new chance"
    return str(address["email"]), subject, "\n".join(lines)

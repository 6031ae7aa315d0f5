"""The shape of a link the bot shows: a plain title and a URL a person can act on at once.

Only three kinds are allowed: ``https:`` (a web page), ``mailto:`` (one email address) and
``tel:`` (a phone number, digits only). A URL has no spaces and no tracking parameters
(``utm_*``, ``fbclid``, ``gclid``, ``mc_cid`` ...): the bot never tells anyone where a person
came from. Whether the address itself comes from the source documents is checked by
`getinvolved content check` (see :mod:`bot.content.check`).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

SCHEMES = ("https", "mailto", "tel")
MAX_TITLE_WORDS = 8
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_PHONE = re.compile(r"^\+?[0-9]{3,15}$")
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$")
_TRACKING = re.compile(
    r"^(?:utm_[a-z_]*|fbclid|gclid|gclsrc|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|igshid|"
    r"yclid|twclid|ttclid|li_fat_id|mkt_tok|_hsenc|_hsmi|hsctatracking|ref_src|s_cid)$",
    re.IGNORECASE,
)


def link_problems(url: str) -> list[str]:
    """What is wrong with ``url``, in words an editor understands (empty when it is fine)."""
    if not url:
        return ["the link has no URL"]
    if any(ch.isspace() for ch in url) or any(ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return [f"'{url}' has a space in it: take the space out"]
    scheme, colon, rest = url.partition(":")
    if not colon or scheme.lower() not in SCHEMES:
        return [f"'{url}' must start with https:, mailto: or tel:"]
    if scheme != scheme.lower():
        return [f"'{url}' must start with {scheme.lower()}: in small letters"]
    if scheme == "mailto":
        if not _EMAIL.match(rest):
            return [f"'{url}' must be mailto: and one email address, like mailto:team@example.org"]
        return []
    if scheme == "tel":
        if not _PHONE.match(rest):
            return [f"'{url}' must be tel: and the number's digits only, like tel:08001111"]
        return []
    return _web_problems(url)


def _web_problems(url: str) -> list[str]:
    parts = urlsplit(url)
    if not url.startswith("https://") or not parts.hostname:
        return [f"'{url}' must be a web address like https://www.example.org/page"]
    if parts.username is not None or parts.password is not None:
        return [f"'{url}' must not have a name or password in it"]
    if not _HOST.match(parts.hostname):
        return [f"'{url}' does not have a real web address after https://"]
    tracking = sorted({key for key, _ in parse_qsl(parts.query) if _TRACKING.match(key)})
    if tracking:
        return [f"'{url}' has tracking in it ({', '.join(tracking)}): take it out"]
    return []


def title_problems(title: str) -> list[str]:
    """A link's title is a few plain words ("Email the forum"), not a sentence or an address."""
    words = title.split()
    if not words:
        return ["the link has no title"]
    if len(words) > MAX_TITLE_WORDS:
        return [f"the title '{title}' is over {MAX_TITLE_WORDS} words"]
    return []

"""``RawDocument``: what every collector yields, the bytes as served plus where they came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

__all__ = ["RawDocument", "CollectFailure"]


@dataclass(frozen=True)
class RawDocument:
    data: bytes
    url: str | None = None
    source_path: str | None = None
    content_type: str | None = None
    retrieved: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    publisher: str | None = None
    language_hint: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def label(self) -> str:
        """How to name this document in messages."""
        return self.source_path or self.url or self.sha256[:12]


@dataclass(frozen=True)
class CollectFailure:
    """A source that yielded no document (fetch refused or failed); reported, not fatal."""

    where: str
    reason: str
    message: str


# Publishers known by host; a site adapter may set its own.
_PUBLISHERS = {
    "fmprc.gov.cn": "Ministry of Foreign Affairs of the People's Republic of China",
    "mfa.gov.cn": "Ministry of Foreign Affairs of the People's Republic of China",
    "mod.gov.cn": "Ministry of National Defense of the People's Republic of China",
    "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua",
    "sectsco.org": "SCO Secretariat",
    "mfa.gov.kg": "Ministry of Foreign Affairs of the Kyrgyz Republic",
    "mfa.tj": "Ministry of Foreign Affairs of the Republic of Tajikistan",
    "gov.kz": "Government of the Republic of Kazakhstan",
    "mfa.uz": "Ministry of Foreign Affairs of the Republic of Uzbekistan",
    "mfa.gov.tm": "Ministry of Foreign Affairs of Turkmenistan",
}


def publisher_for(url: str | None) -> str | None:
    if not url or "://" not in url or url.startswith("file:"):
        return None
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").lower()
    for suffix, name in _PUBLISHERS.items():
        if host == suffix or host.endswith("." + suffix):
            return name
    return host or None

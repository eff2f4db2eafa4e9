"""What the spider hands to the pipeline: one fetched page, before extraction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(slots=True)
class FetchedPage:
    url: str
    site: str  # the site's configured name
    host: str  # netloc the page came from (Page.site in the index)
    title: str
    text: str
    lang: str | None
    status: int
    fetched_at: datetime
    sha256: str
    via: str
    region: str  # default phone region of the site
    fields: dict[str, str] = field(default_factory=dict)

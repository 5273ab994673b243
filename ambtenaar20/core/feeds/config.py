"""The officer's preferences for following feeds (a section of ``Settings``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class FeedSettings:
    #: Minutes between automatic refreshes in the window; 0 switches them off.
    refresh_minutes: int = 30
    #: A proxy such as ``http://proxy.example:8080``; empty uses the system/environment proxy.
    proxy: str = ""
    #: Feeds fetched at the same time.
    parallel: int = 8
    connect_timeout: float = 10.0
    total_timeout: float = 30.0

"""RSS and Atom feed files (feedparser): each entry is a Document with its own title, date
and link. Its key is the feed's key plus the entry id (`feeds/nato.xml#tag:nato.int,2025:1`),
its version hash the entry's own, so an entry that did not change keeps its claim ids when
the feed file is downloaded again with new entries."""
from __future__ import annotations

import hashlib
import io
from datetime import date

from ..issues import issue
from ..models import IssueCode
from . import Read, Source, failed, make_document
from .html import html_text
from .text import FILE_NAME_DATE, _date, with_title


def read_feed(data: bytes, src: Source) -> list[Read]:
    import feedparser  # imported here: start-up time matters and only feeds need it

    # A stream, never a string: given a string that looks like a URL, feedparser fetches it.
    parsed = feedparser.parse(io.BytesIO(data))
    damage = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(damage, (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)):
        damage = None  # declared one encoding, used another: read all the same
    reason = str(damage).strip()[:120] if damage else ""
    if not parsed.entries and damage is None:
        if not parsed.get("version"):
            return failed(src, issue(IssueCode.damaged_file, src.key, kind="feed",
                                     reason="not an RSS or Atom feed"))
        return failed(src, issue(IssueCode.no_entries, src.key))
    reads = _entries(parsed, src)
    if damage is not None:
        # The parser keeps what it read before the break; a cut-off last entry is dropped.
        reads = [r for r in reads if r.document is not None]
        if not reads:
            return failed(src, issue(IssueCode.damaged_file, src.key, kind="feed", reason=reason))
        reads.insert(0, Read(src.key, None, [issue(IssueCode.partly_read, src.key, kind="feed", reason=reason)]))
    return reads


def _entries(parsed: dict, src: Source) -> list[Read]:
    reads: list[Read] = []
    feed_date = _struct_date(parsed.feed.get("published_parsed") or parsed.feed.get("updated_parsed"))
    seen: set[str] = set()
    for n, entry in enumerate(parsed.entries, 1):
        entry_id = str(entry.get("id") or entry.get("link") or f"entry-{n}")
        while entry_id in seen:  # ids repeat in sloppy feeds; keep every entry
            entry_id += "~"
        seen.add(entry_id)
        key = f"{src.key}#{entry_id}"
        title = " ".join(html_text(entry.get("title", "")).split())
        bodies = [c.get("value", "") for c in entry.get("content", [])] or [entry.get("summary", "")]
        text = with_title(title, html_text(max(bodies, key=len)))
        if not text:
            reads.append(Read(key, None, [issue(IssueCode.no_text, key)]))
            continue
        when = _struct_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        date_source = "metadata"
        if when is None:
            when, date_source = feed_date, "metadata"
        if when is None and (m := FILE_NAME_DATE.match(src.path.name)):
            when, date_source = _date(m), "file name"
        link = str(entry.get("link") or "")
        version = hashlib.sha256("\x1f".join([text, link, str(when)]).encode("utf-8")).hexdigest()
        doc = make_document(src, text, key=key, source=f"{src.path}#{entry_id}", title=title or entry_id,
                            when=when, date_source=date_source if when else "none", read_as="feed entry",
                            content_hash=version, url=link)
        reads.append(Read(key, doc, [] if when else [issue(IssueCode.no_date, key)]))
    return reads


def _struct_date(value: object) -> date | None:
    try:
        return date(*value[:3]) if value else None  # type: ignore[index]
    except (TypeError, ValueError):
        return None

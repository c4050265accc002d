"""E-mail .eml (stdlib `email`): the plain-text body (else the HTML one), the subject as
title, the Date header as date."""
from __future__ import annotations

import email
import email.policy

from ..issues import issue
from ..models import IssueCode
from . import Read, Source, failed, make_document
from .html import html_text
from .text import MAGIC, find_date, with_title


def read_eml(data: bytes, src: Source) -> list[Read]:
    kind = next((kind for magic, kind in MAGIC if data.startswith(magic)), None)
    if kind or b"\x00" in data[:4096]:  # e-mail is text: a program or image renamed .eml
        return failed(src, issue(IssueCode.binary_file, src.key, kind=kind or "binary data"))
    msg = email.message_from_bytes(data, policy=email.policy.default)
    subject, sent = " ".join(_header(msg, "subject").split()), None
    try:
        sent = msg["date"].datetime if msg["date"] is not None else None
    except (TypeError, ValueError, AttributeError):  # a malformed Date header is a missing one
        pass
    part = msg.get_body(preferencelist=("plain", "html"))
    try:
        body = part.get_content() if part is not None else ""
    except (LookupError, UnicodeError):  # an unknown charset
        body = part.get_payload(decode=True).decode("utf-8", errors="replace") if part is not None else ""
    if part is not None and part.get_content_type() == "text/html":
        body = html_text(body)
    text = with_title(subject, body)
    if not body.strip():
        return failed(src, issue(IssueCode.no_text, src.key))
    when, date_source = find_date(src.path.name, text, sent.date() if sent else None)
    problems = [] if when else [issue(IssueCode.no_date, src.key)]
    doc = make_document(src, text, title=subject or src.path.stem, when=when, date_source=date_source,
                        read_as="e-mail")
    return [Read(src.key, doc, problems)]


def _header(msg: email.message.Message, name: str) -> str:
    try:
        return str(msg[name] or "")
    except (TypeError, ValueError, AttributeError):
        return ""

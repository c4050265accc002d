"""HTML pages: the article without menus and boilerplate (trafilatura), and its title,
publication date and URL from the page's metadata."""
from __future__ import annotations

import re

from ..issues import issue
from ..models import IssueCode
from . import Read, Source, failed, make_document
from .text import as_date, find_date, with_title

# Deeper than any real page; a parser walking a page nested 100,000 deep runs out of stack.
MAX_NESTING = 500
TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(/?)>")
# Elements that never hold others, or whose end tag pages leave out: not counted as nesting.
NOT_NESTING = {b"br", b"img", b"hr", b"input", b"meta", b"link", b"area", b"base", b"col", b"embed", b"source",
               b"track", b"wbr", b"param", b"p", b"li", b"td", b"th", b"tr", b"option", b"dt", b"dd",
               b"thead", b"tbody", b"tfoot", b"colgroup"}
BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
          "ul", "ol", "section", "article", "header", "footer"}
# A page whose every line is shorter than this many words holds menus, not an article.
MIN_ARTICLE_LINE_WORDS = 6


def nesting_depth(data: bytes, limit: int = MAX_NESTING) -> int:
    """How deep the page's elements nest, counting up to just past `limit`.

    >>> nesting_depth(b"<div><div><p>a<br>b</div></div>")
    2
    """
    depth = deepest = 0
    for m in TAG.finditer(data):
        name = m[2].lower()
        if name in NOT_NESTING or m[3]:
            continue
        depth = max(0, depth - 1) if m[1] else depth + 1
        deepest = max(deepest, depth)
        if deepest > limit:
            break
    return deepest


def read_html(data: bytes, src: Source) -> list[Read]:
    if nesting_depth(data) > MAX_NESTING:
        return failed(src, issue(IssueCode.too_deeply_nested, src.key, limit=MAX_NESTING))
    import trafilatura  # imported here: start-up time matters and only pages need it

    page = trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False, include_tables=True,
        # Only the page's own metadata and URL, not dates guessed from the running text.
        date_extraction_params={"extensive_search": False, "original_date": True})
    body = (page.text or "") if page is not None else ""
    if not any(len(line.split()) >= MIN_ARTICLE_LINE_WORDS for line in body.splitlines()):
        return failed(src, issue(IssueCode.no_article, src.key))
    title = (page.title or "").strip()
    text = with_title(title, body)
    when, date_source = find_date(src.path.name, text, as_date(page.date))
    problems = [] if when else [issue(IssueCode.no_date, src.key)]
    doc = make_document(src, text, title=title or src.path.stem, when=when, date_source=date_source,
                        read_as="html page", url=page.url or "")
    return [Read(src.key, doc, problems)]


def html_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry, an e-mail body), one block a line.

    >>> html_text("<p>Norway <b>pledged</b></p><p>NOK 2 billion.</p>")
    'Norway pledged\\nNOK 2 billion.'
    """
    import lxml.html
    from lxml.etree import ParserError

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return fragment.strip()
    for el in list(root.iter("script", "style")):
        el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCKS:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() != "br":
                el.text = "\n" + (el.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)

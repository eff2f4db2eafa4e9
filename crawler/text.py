"""Visible text of an HTML page, with line breaks where the layout breaks lines.

We walk the lxml tree Scrapy already parsed (response.selector.root) instead of
re-parsing with BeautifulSoup: bench/text_extraction.py measured the walk at
several times bs4+lxml's speed on the fixture pages, with the same text out.
Block boundaries become newlines so that two identifiers in adjacent cells
or paragraphs never glue together into one token.
"""

from __future__ import annotations

from lxml import etree

# Elements whose content a browser never shows as text. The <title> is shown (in the
# tab) and often names the vendor or listing, so it stays: it becomes the first line.
INVISIBLE = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "iframe", "object"}
)
# Elements that start a new line in a browser's layout.
BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "body", "html", "option",
        "title",
    }
)  # fmt: skip


def visible_text(root: etree._Element | None) -> str:
    """Text a reader sees, one line per block, whitespace inside lines collapsed."""
    if root is None:
        return ""
    parts: list[str] = []
    append = parts.append
    # Comments and processing instructions come as their own events; only their
    # tail text (what follows them) is visible.
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        tag = element.tag
        if not isinstance(tag, str):
            if element.tail:
                append(element.tail)
            continue
        tag = tag.lower()
        if event == "start":
            if tag in INVISIBLE:
                walker.skip_subtree()
                if element.tail:
                    append(element.tail)
                continue
            if tag in BLOCK:
                append("\n")
            if element.text:
                append(element.text)
        else:
            if tag in INVISIBLE:
                continue
            if tag in BLOCK:
                append("\n")
            if element.tail:
                append(element.tail)
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)

"""A forgiving reader for post HTML: whatever WordPress stored becomes a small tree.

Post HTML is often not well formed (unclosed tags, stray ``</div>``, Word's markup). The
standard library's tokenizer reads anything; this builds a tree from its events, closing
what is left open and ignoring closing tags that match nothing, the way a browser would.
Nothing here decides what is kept: see content.py.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}
# Opening one of these closes an open <p> (HTML's implied end tags, the common cases).
CLOSES_PARAGRAPH = {
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
}
# Deeper than this, elements are read as text: no real post nests this far.
MAX_DEPTH = 64


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list = field(default_factory=list)  # Node or str

    def text(self) -> str:
        parts = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text())
        return "".join(parts)

    def find_all(self, tag: str):
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag:
                    yield child
                yield from child.find_all(tag)

    def first(self, tag: str):
        return next(self.find_all(tag), None)

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]
        self.stray_end_tags = 0
        self.unclosed = 0

    def _open(self, tag, attrs):
        node = Node(tag, {name.lower(): (value or "") for name, value in attrs})
        self.stack[-1].children.append(node)
        return node

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag in CLOSES_PARAGRAPH and any(node.tag == "p" for node in self.stack[1:]):
            while self.stack[-1].tag != "p":
                self.stack.pop()
            self.stack.pop()
        if tag == "li":
            self._close_open("li", stop_at={"ul", "ol"})
        elif tag in {"td", "th"}:
            self._close_open(("td", "th"), stop_at={"tr", "table"})
        elif tag == "tr":
            self._close_open("tr", stop_at={"table", "thead", "tbody", "tfoot"})
        node = self._open(tag, attrs)
        if tag not in VOID_ELEMENTS and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self._open(tag.lower(), attrs)

    def _close_open(self, tags, stop_at):
        tags = {tags} if isinstance(tags, str) else set(tags)
        for position in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[position].tag
            if tag in stop_at:
                return
            if tag in tags:
                del self.stack[position:]
                return

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag in VOID_ELEMENTS:
            return
        for position in range(len(self.stack) - 1, 0, -1):
            if self.stack[position].tag == tag:
                self.unclosed += len(self.stack) - 1 - position
                del self.stack[position:]
                return
        self.stray_end_tags += 1

    def handle_data(self, data):
        self.stack[-1].children.append(data)

    def handle_comment(self, data):
        self.stack[-1].children.append(Node("#comment", {"data": data}))


@dataclass
class ParsedHtml:
    root: Node
    stray_end_tags: int
    unclosed_tags: int


def parse_html(html: str) -> ParsedHtml:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    unclosed = builder.unclosed + len(builder.stack) - 1
    return ParsedHtml(builder.root, builder.stray_end_tags, unclosed)

"""A post's HTML (classic editor or Gutenberg) turned into the article's blocks.

The seed article shows the shape: ``<h2>`` opens a headed section, a leading "1. " in a
heading is dropped because our numbering is computed (numbering.py), lists become bullet lists
whose items may open with a bold lead, and the rest maps to paragraphs, sub-headings, quotes,
images, tables and embeds. Only bold, italic, links and line breaks survive inside text; any
script, style, unknown frame, event attribute or ``javascript:``/``data:`` address is dropped
and every dropped or unknown element or shortcode is counted in ``ContentReport`` so an editor
can look at the article afterwards.
"""

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from django.utils.html import escape

from articles.embeds import parse_embed
from wordpress_import.html_tree import Node, parse_html

HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BOLD_TAGS = {"strong", "b"}
ITALIC_TAGS = {"em", "i"}
# Elements whose content may be harmful or is never text for a reader: dropped with it.
DROPPED_TAGS = {
    "script",
    "style",
    "noscript",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "svg",
    "math",
    "template",
    "link",
    "meta",
    "base",
    "frame",
    "frameset",
    "canvas",
    "audio",
    "video",
    "source",
    "track",
    "head",
    "title",
}
# Containers whose children are read as if the container were not there.
TRANSPARENT_BLOCK_TAGS = {
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "center",
    "nav",
    "body",
    "html",
    "details",
    "summary",
    "address",
    "root",
}
# Formatting we know and let go of (its text is kept): not counted as unknown.
UNWRAPPED_INLINE_TAGS = {
    "span",
    "u",
    "s",
    "del",
    "ins",
    "mark",
    "small",
    "big",
    "sup",
    "sub",
    "abbr",
    "acronym",
    "cite",
    "q",
    "time",
    "code",
    "kbd",
    "samp",
    "var",
    "dfn",
    "bdi",
    "bdo",
    "label",
    "font",
    "strike",
    "tt",
    "nobr",
    "wbr",
}
INLINE_TAGS = BOLD_TAGS | ITALIC_TAGS | UNWRAPPED_INLINE_TAGS | {"a", "br"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
# A heading's leading number in Western, Arabic-Indic or Persian digits: "1. ", "3)", "(4) "…
HEADING_NUMBER = re.compile(r"^\s*[(\[]?\s*[0-9٠-٩۰-۹]{1,3}\s*[.)\]\-–—:؛]\s*")  # noqa: RUF001
COLONS = (":", "\uff1a")  # and the full-width colon
LEAD_MAX_LENGTH = 120
CHAR_FIELD_MAX = 255
STANDFIRST_MAX = 1000
WHITESPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
BLANK_LINES = re.compile(r"\n\s*\n")
WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
LONE_URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"']+)[ \t]*$", re.MULTILINE)
GUTENBERG_EMBED = re.compile(
    r"<!--\s+wp:(?:core-)?embed(?:/[\w-]+)?\s+(\{.*?\})\s+(?:/-->|-->.*?<!--\s+/wp:(?:core-)?embed(?:/[\w-]+)?\s+-->)",
    re.DOTALL,
)
CAPTION_SHORTCODE = re.compile(r"\[(caption|wp_caption)([^\]]*)\](.*?)\[/\1\]", re.DOTALL)
GALLERY_SHORTCODE = re.compile(r"\[gallery([^\]]*)\]")
EMBED_SHORTCODE = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.DOTALL)
SHORTCODE_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
# Shortcodes WordPress and common plugins register; others are recognised by their form.
KNOWN_SHORTCODES = {
    "audio",
    "video",
    "playlist",
    "gallery",
    "caption",
    "embed",
    "contact-form-7",
    "contact-form",
    "wpforms",
    "ninja_form",
    "vc_row",
    "vc_column",
    "vc_column_text",
    "et_pb_section",
    "et_pb_row",
    "et_pb_text",
    "fusion_builder_container",
    "su_button",
    "tweet",
    "youtube",
    "instagram",
    "facebook",
    "soundcloud",
    "spotify",
    "pdf-embedder",
    "table",
    "toc",
    "ad",
    "adsense",
}
SHORTCODE_TAG = re.compile(r"\[(/?)([a-z][a-z0-9_-]*)(\s[^\[\]]*)?(/?)\]")


@dataclass
class ContentReport:
    """What could not be carried over as it was, for the editor to look at."""

    dropped: Counter = field(default_factory=Counter)
    unknown: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def drop(self, what: str, count: int = 1) -> None:
        self.dropped[what] += count

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    @property
    def is_clean(self) -> bool:
        return not (self.dropped or self.unknown or self.notes)

    def as_dict(self) -> dict:
        return {
            "dropped": dict(self.dropped),
            "unknown": dict(self.unknown),
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class ResolvedImage:
    image_id: int
    alt_text: str = ""
    caption: str = ""


# (attachment id or None, the src address) → the Wagtail image, or None if it cannot be had.
ImageResolver = Callable[[int | None, str], ResolvedImage | None]


@dataclass
class ConvertedContent:
    body: list[dict]
    standfirst: str
    number_sections: bool
    report: ContentReport


def collapse(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


def plain_text(html: str) -> str:
    """The text of a fragment of HTML (an excerpt), whitespace collapsed."""
    return collapse(parse_html(html).root.text().replace("\n", " "))


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word and marked with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip() + "…"


def _shortcode_attributes(text: str) -> dict[str, str]:
    return {
        match[1].lower(): match[2] or match[3] or match[4] or ""
        for match in SHORTCODE_ATTRIBUTE.finditer(text or "")
    }


class Converter:
    """Converts one post; keep one per post (it holds that post's report)."""

    def __init__(
        self,
        *,
        site_hosts: set[str],
        resolve_image: ImageResolver,
        attached_image_ids: Callable[[], list[int]] = list,
    ):
        self.site_hosts = {host.lower() for host in site_hosts if host}
        self.resolve_image = resolve_image
        self.attached_image_ids = attached_image_ids
        self.report = ContentReport()
        self.classic = True
        self.body: list[dict] = []
        self.section: dict | None = None
        self.section_level = 2
        self.numbered_headings = 0
        self.inline: list[str] = []

    # -- entry point ---------------------------------------------------------------------

    def convert(
        self, html: str, *, excerpt: str = "", title: str = "", standfirst_from_body: bool = True
    ) -> ConvertedContent:
        html = (html or "").replace("\x00", "")
        self.classic = "<!-- wp:" not in html
        html = self._expand_gutenberg_embeds(html)
        html = self._expand_shortcodes(html)
        if self.classic:
            html = LONE_URL_LINE.sub(self._lone_url, html)
        parsed = parse_html(html)
        if parsed.stray_end_tags or parsed.unclosed_tags:
            self.report.note(
                f"HTML was not well formed ({parsed.stray_end_tags} stray closing tags, "
                f"{parsed.unclosed_tags} unclosed tags); read as a browser would"
            )
        self.section_level = self._section_level(parsed.root)
        self._blocks(parsed.root)
        self._flush()
        number_sections = self.numbered_headings > 0
        sections = [block for block in self.body if block["type"] == "headed_section"]
        if not number_sections:
            for section in sections:
                section["value"]["unnumbered"] = False
        if standfirst_from_body:
            standfirst = self._standfirst(excerpt, title)
        else:
            standfirst = shorten(plain_text(excerpt), STANDFIRST_MAX)
        return ConvertedContent(self.body, standfirst, number_sections, self.report)

    # -- before parsing: Gutenberg comments and shortcodes ---------------------------------

    def _expand_gutenberg_embeds(self, html: str) -> str:
        def replace(match):
            try:
                attributes = json.loads(match[1])
            except ValueError:
                attributes = {}
            url = attributes.get("url", "") if isinstance(attributes, dict) else ""
            return f'<x-embed data-url="{escape(url)}"></x-embed>' if url else ""

        return GUTENBERG_EMBED.sub(replace, html)

    def _expand_shortcodes(self, html: str) -> str:
        def caption(match):
            attributes = _shortcode_attributes(match[2])
            inner = match[3]
            image_end = max(inner.rfind("/>"), inner.rfind("</a>") + 3, inner.rfind(">"))
            image_html, text = inner[: image_end + 1], inner[image_end + 1 :]
            text = text.strip() or attributes.get("caption", "")
            return f"<figure>{image_html}<figcaption>{text}</figcaption></figure>"

        def gallery(match):
            ids = _shortcode_attributes(match[1]).get("ids", "")
            return f'<x-gallery data-ids="{escape(ids)}"></x-gallery>'

        def embed(match):
            return f'<x-embed data-url="{escape(match[1].strip())}"></x-embed>'

        html = CAPTION_SHORTCODE.sub(caption, html)
        html = GALLERY_SHORTCODE.sub(gallery, html)
        html = EMBED_SHORTCODE.sub(embed, html)

        closers = {match[2] for match in SHORTCODE_TAG.finditer(html) if match[1]}

        def other(match):
            name = match[2]
            is_shortcode = (
                name in KNOWN_SHORTCODES
                or name in closers
                or "=" in (match[3] or "")
                or bool(match[4])
            )
            if not is_shortcode:
                return match[0]
            if not match[1]:
                self.report.unknown[f"[{name}]"] += 1
            return ""

        return SHORTCODE_TAG.sub(other, html)

    def _lone_url(self, match) -> str:
        url = match[1]
        if parse_embed(url) is not None:
            return f'<x-embed data-url="{escape(url)}"></x-embed>'
        return match[0]

    # -- the walk --------------------------------------------------------------------------

    def _section_level(self, root: Node) -> int:
        levels = [int(node.tag[1]) for node in _iter_nodes(root) if node.tag in HEADING_TAGS]
        levels = [max(level, 2) for level in levels]
        return min(levels) if levels else 2

    def _emit(self, block: dict) -> None:
        if self.section is not None:
            self.section["value"]["content"].append(block)
        else:
            self.body.append(block)

    def _flush(self) -> None:
        html = "".join(self.inline).strip()
        self.inline = []
        html = re.sub(r"^(?:<br/>\s*)+|(?:\s*<br/>)+$", "", html).strip()
        if collapse(_strip_tags(html)):
            self._emit({"type": "paragraph", "value": f"<p>{html}</p>"})

    def _text_in_block_context(self, text: str) -> None:
        if not self.classic:
            self.inline.append(escape(WHITESPACE.sub(" ", text.replace("\n", " "))))
            return
        # WordPress's autop: a blank line ends a paragraph, a single newline is a line break.
        parts = BLANK_LINES.split(text)
        for position, part in enumerate(parts):
            if position > 0:
                self._flush()
            self.inline.append(self._classic_text(part))

    def _classic_text(self, text: str) -> str:
        lines = [escape(WHITESPACE.sub(" ", line)) for line in text.split("\n")]
        if len(lines) > 1:
            inner = [line.strip() for line in lines]
            # Leading and trailing newlines around a paragraph are layout, not line breaks.
            while inner and not inner[0]:
                inner.pop(0)
            while inner and not inner[-1]:
                inner.pop()
            if not inner:
                return " "
            lead = " " if lines[0].strip() == "" and lines[0] else ""
            return lead + "<br/>".join(inner) + (" " if not lines[-1].strip() else "")
        return lines[0]

    def _blocks(self, node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                self._text_in_block_context(child)
                continue
            tag = child.tag
            if tag in INLINE_TAGS:
                self.inline.append(self._inline(child))  # counts its own attributes
                continue
            self._count_attributes(child)
            if tag == "#comment":
                continue
            if tag == "p":
                self._flush()
                self.inline.append(self._inline_children(child))
                self._flush()
            elif tag in HEADING_TAGS:
                self._flush()
                self._heading(child)
            elif tag in {"ul", "ol"}:
                self._flush()
                self._list(child)
            elif tag == "blockquote":
                self._flush()
                self._quote(child)
            elif tag == "table":
                self._flush()
                self._table(child)
            elif tag == "img":
                self._flush()
                self._image(child)
            elif tag == "figure":
                self._flush()
                self._figure(child)
            elif tag == "x-embed":
                self._flush()
                self._embed(child.attrs.get("data-url", ""))
            elif tag == "x-gallery":
                self._flush()
                self._gallery(child.attrs.get("data-ids", ""))
            elif tag == "iframe":
                self._flush()
                self._iframe(child)
            elif tag in DROPPED_TAGS:
                self.report.drop(f"<{tag}>")
            elif tag == "hr":
                self._flush()
            elif tag == "pre":
                self._flush()
                text = escape(child.text().strip("\n")).replace("\n", "<br/>")
                if text.strip():
                    self._emit({"type": "paragraph", "value": f"<p>{text}</p>"})
                self.report.drop("<pre> formatting")
            elif tag in {"dl", "dt", "dd", "li"}:
                self._flush()
                self._blocks(child)
                self._flush()
            elif tag in TRANSPARENT_BLOCK_TAGS or tag in {"thead", "tbody", "tr", "td", "th"}:
                self._blocks(child)
                self._flush()
            else:
                self.report.unknown[f"<{tag}>"] += 1
                self._blocks(child)

    def _count_attributes(self, node: Node) -> None:
        for name in node.attrs:
            if name.startswith("on"):
                self.report.drop(f"{name} attribute")

    # -- inline text -----------------------------------------------------------------------

    def _inline_children(self, node: Node) -> str:
        return "".join(self._inline(child) for child in node.children)

    def _inline(self, node) -> str:
        if isinstance(node, str):
            if self.classic:
                return self._classic_text(node)
            return escape(WHITESPACE.sub(" ", node.replace("\n", " ")))
        tag = node.tag
        self._count_attributes(node)
        if tag == "#comment":
            return ""
        if tag == "br":
            return "<br/>"
        if tag in DROPPED_TAGS:
            self.report.drop(f"<{tag}>")
            return ""
        inner = self._inline_children(node)
        if tag in BOLD_TAGS:
            return f"<b>{inner}</b>" if inner.strip() else inner
        if tag in ITALIC_TAGS:
            return f"<i>{inner}</i>" if inner.strip() else inner
        if tag == "a":
            href = self._safe_url(node.attrs.get("href", ""))
            if href and inner.strip():
                return f'<a href="{escape(href)}">{inner}</a>'
            return inner
        if tag == "img":
            # An image inside a paragraph becomes its own block, after the text before it.
            self._flush_inline_then(lambda: self._image(node))
            return ""
        if tag in {"iframe", "x-embed", "x-gallery"}:
            if tag == "iframe":
                self._flush_inline_then(lambda: self._iframe(node))
            elif tag == "x-embed":
                self._flush_inline_then(lambda: self._embed(node.attrs.get("data-url", "")))
            else:
                self._flush_inline_then(lambda: self._gallery(node.attrs.get("data-ids", "")))
            return ""
        if tag not in INLINE_TAGS and tag not in TRANSPARENT_BLOCK_TAGS | {"p"}:
            self.report.unknown[f"<{tag}>"] += 1
        return inner

    def _flush_inline_then(self, emit) -> None:
        """An image or player met inside text: the text before it goes first, then the block."""
        self._flush()
        emit()

    def _safe_url(self, url: str) -> str:
        # Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
        url = "".join(character for character in url.strip() if ord(character) > 32)
        if not url:
            return ""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme and scheme not in SAFE_SCHEMES:
            self.report.drop(f"{scheme}: address")
            return ""
        if scheme in {"http", "https"} and (parts.hostname or "").lower() in self.site_hosts:
            # A link to another page of the old site: a path, answered by its redirect.
            path = parts.path or "/"
            query = f"?{parts.query}" if parts.query else ""
            fragment = f"#{parts.fragment}" if parts.fragment else ""
            return f"{path}{query}{fragment}"
        return url

    # -- headings and sections -------------------------------------------------------------

    def _heading(self, node: Node) -> None:
        level = max(int(node.tag[1]), 2)
        text = collapse(self._text_lifting_images(node).replace("\n", " "))
        if not text:
            self.report.drop("empty heading")
            return
        if level == self.section_level:
            match = HEADING_NUMBER.match(text)
            if match and text[match.end() :].strip():
                self.numbered_headings += 1
                text = text[match.end() :].strip()
            if len(text) > CHAR_FIELD_MAX:
                self.report.note(f"heading shortened to {CHAR_FIELD_MAX} characters: {text}")
                text = shorten(text, CHAR_FIELD_MAX)
            self.section = {
                "type": "headed_section",
                "value": {"heading": text, "unnumbered": not match, "content": []},
            }
            self.body.append(self.section)
            return
        if len(text) > CHAR_FIELD_MAX:
            self.report.note(f"sub-heading shortened to {CHAR_FIELD_MAX} characters: {text}")
            text = shorten(text, CHAR_FIELD_MAX)
        self._emit({"type": "sub_heading", "value": {"level": f"h{max(level, 3)}", "text": text}})

    def _text_of(self, node) -> str:
        """Like _text_lifting_images, for one child (its own attributes checked too)."""
        if isinstance(node, str):
            return node
        return self._text_lifting_images(Node("#group", {}, [node]))

    def _text_lifting_images(self, node: Node) -> str:
        """The text of a heading, a list item or a cell; images in it become their own blocks."""
        parts = []
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "br":
                parts.append("\n")
            elif child.tag == "img":
                self._image(child)
            elif child.tag in DROPPED_TAGS:
                self.report.drop(f"<{child.tag}>")
            elif child.tag == "#comment":
                continue
            else:
                self._count_attributes(child)
                if child.tag == "a" and child.attrs.get("href"):
                    self._safe_url(child.attrs["href"])
                parts.append(self._text_lifting_images(child))
        return "".join(parts)

    # -- lists -----------------------------------------------------------------------------

    def _list(self, node: Node) -> None:
        items: list[dict] = []
        self._list_items(node, items, depth=1)
        if items:
            self._emit(
                {
                    "type": "bullet_list",
                    "value": {"ordered": node.tag == "ol", "items": items},
                }
            )

    def _list_items(self, node: Node, items: list[dict], depth: int) -> None:
        for child in node.children:
            if isinstance(child, str):
                if child.strip():
                    items.append({"lead": "", "text": collapse(child)})
                continue
            if child.tag in {"ul", "ol"}:
                self.report.note(f"nested list flattened (depth {depth + 1})")
                self._list_items(child, items, depth + 1)
                continue
            if child.tag != "li":
                if child.tag in DROPPED_TAGS:
                    self.report.drop(f"<{child.tag}>")
                continue
            self._count_attributes(child)
            nested = [c for c in child.children if isinstance(c, Node) and c.tag in {"ul", "ol"}]
            own = Node("li", child.attrs, [c for c in child.children if c not in nested])
            item = self._list_item(own)
            if item is not None:
                items.append(item)
            for sub_list in nested:
                self.report.note(f"nested list flattened (depth {depth + 1})")
                self._list_items(sub_list, items, depth + 1)

    def _list_item(self, node: Node) -> dict | None:
        children = [c for c in node.children if not (isinstance(c, str) and not c.strip())]
        if any(
            (isinstance(c, Node) and c.first("a")) or getattr(c, "tag", "") == "a" for c in children
        ):
            self.report.note("links in list items are kept as text")
        lead = ""
        first = children[0] if children else None
        if isinstance(first, Node) and first.tag in BOLD_TAGS:
            bold = collapse(self._text_of(first))
            rest = collapse("".join(self._text_of(c) for c in children[1:]).replace("\n", " "))
            if bold.endswith(COLONS):
                lead, text = bold.rstrip("".join(COLONS)).strip(), rest
            elif rest.startswith(COLONS):
                lead, text = bold, rest[1:].strip()
            else:
                text = collapse(f"{bold} {rest}")
            if len(lead) > LEAD_MAX_LENGTH:
                lead, text = "", collapse(f"{lead}: {text}")
        else:
            text = collapse(self._text_lifting_images(node).replace("\n", " "))
        if not text and lead:
            lead, text = "", lead
        if not text:
            return None
        return {"lead": lead, "text": text}

    # -- quotes, tables, images, embeds ----------------------------------------------------

    def _quote(self, node: Node) -> None:
        attribution_nodes = [
            c for c in node.children if isinstance(c, Node) and c.tag in {"cite", "footer"}
        ]
        attribution = (
            collapse(" ".join(n.text() for n in attribution_nodes)).lstrip("\u2014\u2013- ").strip()
        )
        body = Node("blockquote", {}, [c for c in node.children if c not in attribution_nodes])
        if any(n.tag in {"table", "ul", "ol", "img", "figure"} for n in _iter_nodes(body)):
            self.report.note("a quote held lists, tables or images: kept as its text")
        lines = [collapse(line) for line in self._block_text(body).split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            self._emit(
                {
                    "type": "quote",
                    "value": {"text": text, "attribution": shorten(attribution, CHAR_FIELD_MAX)},
                }
            )

    def _block_text(self, node: Node) -> str:
        """Text with a line per paragraph, list item ("• …") and table row ("a | b")."""
        parts = []
        for child in node.children:
            if isinstance(child, str):
                parts.append(child.replace("\n", " ") if not self.classic else child)
                continue
            tag = child.tag
            if tag in DROPPED_TAGS:
                self.report.drop(f"<{tag}>")
            elif tag == "br":
                parts.append("\n")
            elif tag == "img":
                self._image(child)
            elif tag == "li":
                parts.append("\n• " + self._block_text(child).strip() + "\n")
            elif tag == "tr":
                cells = [
                    collapse(self._block_text(cell).replace("\n", " "))
                    for cell in child.children
                    if isinstance(cell, Node) and cell.tag in {"td", "th"}
                ]
                parts.append("\n" + " | ".join(cells) + "\n")
            elif (
                tag
                in {"p", "div", "ul", "ol", "table", "blockquote", "figure", "pre"} | HEADING_TAGS
            ):
                parts.append("\n" + self._block_text(child) + "\n")
            elif tag != "#comment":
                self._count_attributes(child)
                parts.append(self._block_text(child))
        return "".join(parts)

    def _table(self, node: Node, caption: str = "") -> None:
        rows = []
        header = False
        for row_node, in_head in _table_rows(node):
            cells = [c for c in row_node.children if isinstance(c, Node) and c.tag in {"td", "th"}]
            if not cells:
                continue
            if not rows:
                header = in_head or all(cell.tag == "th" for cell in cells)
            texts = []
            for cell in cells:
                lines = [collapse(line) for line in self._block_text(cell).split("\n")]
                texts.append("\n".join(line for line in lines if line))
            rows.append(texts)
        caption_node = next(
            (c for c in node.children if isinstance(c, Node) and c.tag == "caption"), None
        )
        if caption_node is not None:
            caption = collapse(caption_node.text())
        if not rows or not any(any(cell for cell in row) for row in rows):
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        self._emit(
            {
                "type": "table",
                "value": {
                    "caption": shorten(caption, CHAR_FIELD_MAX),
                    "first_row_is_header": header,
                    "rows": rows,
                },
            }
        )

    def _figure(self, node: Node) -> None:
        caption_node = node.first("figcaption")
        caption = collapse(caption_node.text()) if caption_node is not None else ""
        image = node.first("img")
        table = node.first("table")
        if table is not None:
            self._table(table, caption)
        elif image is not None:
            self._image(image, caption)
        elif "wp-block-embed" in node.classes() or "wp-block-embed__wrapper" in {
            cls for n in _iter_nodes(node) for cls in n.classes()
        }:
            self._embed(collapse(node.text().replace(caption, "")))
        else:
            content = Node("div", {}, [c for c in node.children if c is not caption_node])
            self._blocks(content)
            self._flush()

    def _image(self, node: Node, caption: str = "") -> None:
        src = node.attrs.get("src", "").strip()
        if src and not self._safe_url(src):
            return
        match = WP_IMAGE_CLASS.search(node.attrs.get("class", ""))
        attachment_id = int(match[1]) if match else None
        if attachment_id is None and node.attrs.get("data-id", "").isdigit():
            attachment_id = int(node.attrs["data-id"])
        resolved = self.resolve_image(attachment_id, src)
        if resolved is None:
            self.report.note(f"image not found, left out: {src or attachment_id}")
            return
        alt = collapse(node.attrs.get("alt", "")) or resolved.alt_text
        self._emit(
            {
                "type": "image",
                "value": {
                    "image": resolved.image_id,
                    "alt_text": shorten(alt, CHAR_FIELD_MAX),
                    "caption": shorten(caption or resolved.caption, CHAR_FIELD_MAX),
                    "credit": "",
                },
            }
        )

    def _gallery(self, ids: str) -> None:
        attachment_ids = [int(part) for part in re.split(r"[,\s]+", ids) if part.isdigit()]
        if not attachment_ids:
            attachment_ids = self.attached_image_ids()
        for attachment_id in attachment_ids:
            resolved = self.resolve_image(attachment_id, "")
            if resolved is None:
                self.report.note(f"gallery image not found, left out: {attachment_id}")
                continue
            self._emit(
                {
                    "type": "image",
                    "value": {
                        "image": resolved.image_id,
                        "alt_text": shorten(resolved.alt_text, CHAR_FIELD_MAX),
                        "caption": shorten(resolved.caption, CHAR_FIELD_MAX),
                        "credit": "",
                    },
                }
            )

    def _embed(self, url: str, caption: str = "") -> None:
        url = self._safe_url(url)
        if not url:
            return
        if parse_embed(url) is not None:
            self._emit({"type": "embed", "value": {"url": url, "caption": caption}})
            return
        host = urlsplit(url).hostname or url
        self.report.unknown[f"embed from {host}"] += 1
        self._emit(
            {"type": "paragraph", "value": f'<p><a href="{escape(url)}">{escape(url)}</a></p>'}
        )

    def _iframe(self, node: Node) -> None:
        src = node.attrs.get("src", "").strip()
        url = _player_to_page_url(src)
        if url is not None:
            self._embed(url)
            return
        if src and not self._safe_url(src):
            return
        host = urlsplit(src).hostname or "?"
        self.report.drop(f"<iframe> from {host}")

    # -- the standfirst --------------------------------------------------------------------

    def _standfirst(self, excerpt: str, title: str) -> str:
        excerpt_text = plain_text(excerpt)
        first = self.body[0] if self.body and self.body[0]["type"] == "paragraph" else None
        first_text = plain_text(first["value"]) if first else ""
        if excerpt_text:
            if first is not None and first_text == excerpt_text:
                self.body.pop(0)
            standfirst = excerpt_text
        elif first is not None:
            self.body.pop(0)
            standfirst = first_text
        else:
            paragraph = next(
                (
                    block
                    for section in self.body
                    if section["type"] == "headed_section"
                    for block in section["value"]["content"]
                    if block["type"] == "paragraph"
                ),
                None,
            )
            standfirst = plain_text(paragraph["value"]) if paragraph else collapse(title)
        if len(standfirst) > STANDFIRST_MAX:
            self.report.note("standfirst shortened to 1,000 characters")
            standfirst = shorten(standfirst, STANDFIRST_MAX)
        return standfirst


def _strip_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&nbsp;", " ")


def _iter_nodes(node: Node):
    for child in node.children:
        if isinstance(child, Node):
            yield child
            yield from _iter_nodes(child)


def _table_rows(table: Node):
    """The table's own rows (not those of a table nested in a cell), with "in <thead>"."""
    for child in table.children:
        if not isinstance(child, Node):
            continue
        if child.tag == "tr":
            yield child, False
        elif child.tag in {"thead", "tbody", "tfoot"}:
            for row in child.children:
                if isinstance(row, Node) and row.tag == "tr":
                    yield row, child.tag == "thead"


def _player_to_page_url(src: str) -> str | None:
    """A YouTube or Vimeo player address (an old ``<iframe>``) as the video's page address."""
    parts = urlsplit(src if "://" in src else f"https:{src}" if src.startswith("//") else src)
    host = (parts.hostname or "").lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    youtube_hosts = {"www.youtube.com", "youtube.com", "www.youtube-nocookie.com"}
    if host in youtube_hosts and len(segments) >= 2 and segments[0] == "embed":
        return f"https://www.youtube.com/watch?v={segments[1]}"
    if host == "player.vimeo.com" and len(segments) >= 2 and segments[0] == "video":
        return f"https://vimeo.com/{segments[1]}"
    if host == "platform.twitter.com":
        status = parse_qs(parts.query).get("id", [""])[0]
        if status.isdigit():
            return f"https://x.com/i/status/{status}"
    return None

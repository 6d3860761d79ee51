"""Reading a WordPress export (WXR 1.0, 1.1 and 1.2) as a stream, safely.

The file may be a gigabyte and comes from outside: it is read with ``iterparse`` (each
``<item>`` is handed over and then dropped, so memory stays bounded) through defusedxml's
parser with document types refused outright, so no entity can expand and no external entity
is ever fetched. Any problem anywhere in the file raises ``ExportError`` naming the line.

Two passes are made: ``scan_export`` reads the whole file once and returns what every item may
refer to (the site, authors, categories, tags, attachments and pages), so that nothing is
written before the file is known to be whole; ``iter_items`` then reads it again, item by item.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
from django.utils.translation import gettext as _

SUPPORTED_VERSIONS = {"1.0", "1.1", "1.2"}
WP_NAMESPACES = {f"http://wordpress.org/export/{version}/" for version in SUPPORTED_VERSIONS}
EXCERPT_NAMESPACES = {f"http://wordpress.org/export/{v}/excerpt/" for v in SUPPORTED_VERSIONS}
CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"
TAG_DOMAINS = {"post_tag", "tag"}
CATEGORY_DOMAINS = {"category", ""}
# What the file's first bytes are searched for when the parser refuses a document type.
DOCTYPE_PROBE_BYTES = 64 * 1024


class ExportError(Exception):
    """The file cannot be imported at all; ``message`` says why, for the person who sent it."""

    def __init__(self, message: str, line: int | None = None):
        self.message = message
        self.line = line
        super().__init__(self.__str__())

    def __str__(self):
        if self.line:
            return _("Line %(line)s: %(message)s") % {"line": self.line, "message": self.message}
        return self.message


@dataclass
class Author:
    login: str
    display_name: str = ""
    email: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass
class Term:
    """A category or tag as the channel declares it."""

    kind: str  # "category" or "post_tag"
    slug: str
    name: str
    term_id: str = ""
    parent_slug: str = ""
    description: str = ""


@dataclass
class Comment:
    wp_id: int
    parent_id: int
    author: str
    email: str
    url: str
    ip: str
    date_gmt: str
    date: str
    content: str
    approved: str
    comment_type: str
    line: int = 0


@dataclass
class ItemTerm:
    kind: str  # "category" or "post_tag"
    slug: str
    name: str


@dataclass
class Item:
    """One ``<item>``: a post, a page, an attachment, a revision, a menu item…"""

    wp_id: int
    post_type: str
    line: int
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    date: str = ""
    date_gmt: str = ""
    modified_gmt: str = ""
    status: str = ""
    comment_status: str = ""
    post_name: str = ""
    parent_id: int = 0
    menu_order: int = 0
    password: str = ""
    is_sticky: bool = False
    attachment_url: str = ""
    terms: list[ItemTerm] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)

    @property
    def slug(self) -> str:
        """``post_name`` percent-decoded: Arabic slugs are stored as ``%d9%86…``."""
        return unquote(self.post_name).strip()


@dataclass(frozen=True)
class Attachment:
    """What an article needs to know about an attachment, kept for the whole import."""

    wp_id: int
    url: str
    relative_path: str
    title: str
    alt_text: str
    caption: str
    parent_id: int


@dataclass(frozen=True)
class PageSummary:
    wp_id: int
    parent_id: int
    menu_order: int


@dataclass
class ExportIndex:
    """Everything items refer to, read by the first pass before anything is written."""

    path: Path
    wxr_version: str
    site_title: str
    site_url: str
    base_site_url: str
    language: str
    authors: dict[str, Author] = field(default_factory=dict)
    categories: dict[str, Term] = field(default_factory=dict)
    tags: dict[str, Term] = field(default_factory=dict)
    attachments: dict[int, Attachment] = field(default_factory=dict)
    attachment_by_url: dict[str, int] = field(default_factory=dict)
    pages: dict[int, PageSummary] = field(default_factory=dict)
    item_counts: dict[str, int] = field(default_factory=dict)
    comment_count: int = 0
    uncategorised_posts: int = 0
    nul_bytes_removed: int = 0

    @property
    def source_key(self) -> str:
        """The export's site, scheme-less and lowercased: what re-runs are keyed on."""
        return site_key(self.base_site_url or self.site_url)

    def category_by_term_id(self, term_id: str) -> Term | None:
        for term in self.categories.values():
            if term.term_id == term_id:
                return term
        return None

    def top_category(self, slug: str) -> Term | None:
        """The top-level ancestor of a category (itself when it has no parent)."""
        term = self.categories.get(slug)
        seen = set()
        while term is not None and term.parent_slug and term.parent_slug not in seen:
            seen.add(term.slug)
            parent = self.categories.get(term.parent_slug)
            if parent is None:
                break
            term = parent
        return term


def site_key(url: str) -> str:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port:
        host = f"{host}:{parts.port}"
    return f"{host}{parts.path.rstrip('/')}"


def _namespace_and_name(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        uri, _brace, local = tag[1:].partition("}")
        if uri in WP_NAMESPACES:
            return "wp", local
        if uri in EXCERPT_NAMESPACES:
            return "excerpt", local
        if uri == CONTENT_NAMESPACE:
            return "content", local
        if uri == DC_NAMESPACE:
            return "dc", local
        return uri, local
    return "", tag


def _text(element) -> str:
    return element.text or ""


def _int(value: str, default: int = 0) -> int:
    try:
        return int(value.strip())
    except (TypeError, ValueError):
        return default


def _children(element) -> Iterator[tuple[str, str, object]]:
    for child in element:
        namespace, name = _namespace_and_name(child.tag)
        yield namespace, name, child


def _read_author(element) -> Author:
    values = {name: _text(child).strip() for ns, name, child in _children(element) if ns == "wp"}
    login = values.get("author_login", "")
    return Author(
        login=login,
        display_name=values.get("author_display_name", "") or login,
        email=values.get("author_email", ""),
        first_name=values.get("author_first_name", ""),
        last_name=values.get("author_last_name", ""),
    )


def _read_term(element, kind: str) -> Term:
    values = {name: _text(child) for ns, name, child in _children(element) if ns == "wp"}
    if kind == "category":
        return Term(
            kind="category",
            slug=unquote(values.get("category_nicename", "")).strip(),
            name=values.get("cat_name", "").strip(),
            term_id=values.get("term_id", "").strip(),
            parent_slug=unquote(values.get("category_parent", "")).strip(),
            description=values.get("category_description", ""),
        )
    return Term(
        kind="post_tag",
        slug=unquote(values.get("tag_slug", "")).strip(),
        name=values.get("tag_name", "").strip(),
        term_id=values.get("term_id", "").strip(),
        description=values.get("tag_description", ""),
    )


def _read_generic_term(element) -> Term | None:
    """``<wp:term>`` (WXR 1.2): custom taxonomies; categories and tags are read from it too."""
    values = {name: _text(child) for ns, name, child in _children(element) if ns == "wp"}
    taxonomy = values.get("term_taxonomy", "").strip()
    if taxonomy not in {"category", "post_tag"}:
        return None
    return Term(
        kind=taxonomy,
        slug=unquote(values.get("term_slug", "")).strip(),
        name=values.get("term_name", "").strip(),
        term_id=values.get("term_id", "").strip(),
        parent_slug=unquote(values.get("term_parent", "")).strip(),
        description=values.get("term_description", ""),
    )


def _read_comment(element, line: int) -> Comment:
    values = {name: _text(child) for ns, name, child in _children(element) if ns == "wp"}
    return Comment(
        wp_id=_int(values.get("comment_id", "")),
        parent_id=_int(values.get("comment_parent", "")),
        author=values.get("comment_author", ""),
        email=values.get("comment_author_email", "").strip(),
        url=values.get("comment_author_url", "").strip(),
        ip=values.get("comment_author_IP", "").strip(),
        date_gmt=values.get("comment_date_gmt", "").strip(),
        date=values.get("comment_date", "").strip(),
        content=values.get("comment_content", ""),
        approved=values.get("comment_approved", "").strip(),
        comment_type=values.get("comment_type", "").strip(),
        line=line,
    )


def _read_item(element, line: int, with_comments: bool = True) -> Item:
    item = Item(wp_id=0, post_type="", line=line)
    for namespace, name, child in _children(element):
        if namespace == "":
            if name == "title":
                item.title = _text(child)
            elif name == "link":
                item.link = _text(child).strip()
            elif name == "guid":
                item.guid = _text(child).strip()
            elif name == "category":
                domain = child.get("domain", "")
                label = _text(child).strip()
                slug = unquote(child.get("nicename", "")).strip()
                if domain in TAG_DOMAINS:
                    item.terms.append(ItemTerm("post_tag", slug, label))
                elif domain in CATEGORY_DOMAINS:
                    item.terms.append(ItemTerm("category", slug, label))
        elif namespace == "dc" and name == "creator":
            item.creator = _text(child).strip()
        elif namespace == "content" and name == "encoded":
            item.content = _text(child)
        elif namespace == "excerpt" and name == "encoded":
            item.excerpt = _text(child)
        elif namespace == "wp":
            if name == "postmeta":
                key = value = ""
                for meta_ns, meta_name, meta_child in _children(child):
                    if meta_ns == "wp" and meta_name == "meta_key":
                        key = _text(meta_child)
                    elif meta_ns == "wp" and meta_name == "meta_value":
                        value = _text(meta_child)
                if key:
                    item.meta[key] = value
            elif name == "comment":
                if with_comments:
                    item.comments.append(_read_comment(child, line))
            else:
                value = _text(child)
                if name == "post_id":
                    item.wp_id = _int(value)
                elif name == "post_type":
                    item.post_type = value.strip()
                elif name == "post_date":
                    item.date = value.strip()
                elif name == "post_date_gmt":
                    item.date_gmt = value.strip()
                elif name == "post_modified_gmt":
                    item.modified_gmt = value.strip()
                elif name == "status":
                    item.status = value.strip()
                elif name == "comment_status":
                    item.comment_status = value.strip()
                elif name == "post_name":
                    item.post_name = value.strip()
                elif name == "post_parent":
                    item.parent_id = _int(value)
                elif name == "menu_order":
                    item.menu_order = _int(value)
                elif name == "post_password":
                    item.password = value
                elif name == "is_sticky":
                    item.is_sticky = value.strip() == "1"
                elif name == "attachment_url":
                    item.attachment_url = value.strip()
    # WXR 1.0 lists a category twice, by name alone and with its slug: keep the one with the
    # slug, and a name alone only if no other entry has that name.
    named = {(term.kind, term.name) for term in item.terms if term.slug}
    seen = set()
    unique_terms = []
    for term in item.terms:
        if not term.slug:
            if (term.kind, term.name) in named or not term.name:
                continue
            term = ItemTerm(term.kind, term.name, term.name)
        if (term.kind, term.slug) not in seen:
            seen.add((term.kind, term.slug))
            unique_terms.append(term)
    item.terms = unique_terms
    return item


@dataclass
class _Channel:
    wxr_version: str = ""
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    language: str = ""


class _WithoutNulBytes:
    """The file with NUL bytes left out: XML forbids them, yet WordPress exports them as they
    were typed (a pasted comment), and one must not make the whole archive unreadable.
    In UTF-8 a zero byte is never part of another character, so nothing else changes."""

    def __init__(self, handle):
        self.handle = handle
        self.removed = 0

    def read(self, size=-1):
        data = self.handle.read(size)
        if b"\x00" in data:
            self.removed += data.count(b"\x00")
            data = data.replace(b"\x00", b"")
        return data


def _doctype_line(path: Path) -> int | None:
    with path.open("rb") as handle:
        head = handle.read(DOCTYPE_PROBE_BYTES)
    for marker in (b"<!DOCTYPE", b"<!ENTITY"):
        position = head.find(marker)
        if position >= 0:
            return head.count(b"\n", 0, position) + 1
    return None


class _Reader:
    """One streamed pass over the file; calls back for the channel's children and items."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.channel = _Channel()
        self.parser = None

    def current_line(self) -> int | None:
        try:
            return self.parser.parser.CurrentLineNumber
        except AttributeError:
            return None

    def read(self, on_channel_child, on_item) -> _Channel:
        if not self.path.exists():
            raise ExportError(_("The file %(name)s does not exist.") % {"name": self.path})
        self.parser = DefusedXMLParser(
            target=ElementTree.TreeBuilder(),
            forbid_dtd=True,
            forbid_entities=True,
            forbid_external=True,
        )
        depth = 0
        root = channel = None
        item_line = 0
        try:
            with self.path.open("rb") as raw:
                handle = _WithoutNulBytes(raw)
                # The parser is defusedxml's, with DTDs forbidden (S314 cannot see it).
                for event, element in ElementTree.iterparse(  # noqa: S314
                    handle, events=("start", "end"), parser=self.parser
                ):
                    if event == "start":
                        depth += 1
                        if depth == 1:
                            root = element
                            if element.tag != "rss":
                                raise ExportError(
                                    _(
                                        "This is XML but not a WordPress export: it starts "
                                        "with <%(tag)s> instead of <rss>."
                                    )
                                    % {"tag": _namespace_and_name(element.tag)[1]},
                                    self.current_line(),
                                )
                        elif depth == 2 and element.tag == "channel":
                            channel = element
                        elif depth == 3 and element.tag == "item":
                            item_line = self.current_line() or 0
                        continue
                    depth -= 1
                    if depth == 2 and channel is not None and element in channel:
                        if element.tag == "item":
                            on_item(element, item_line)
                        else:
                            self._read_channel_child(element)
                            on_channel_child(element)
                        channel.remove(element)
                    elif depth == 1 and element is channel:
                        root.remove(element)
        except ElementTree.ParseError as error:
            line = error.position[0] if getattr(error, "position", None) else None
            if line == 1 and error.position[1] == 0 and self._looks_empty():
                raise ExportError(_("The file is empty.")) from None
            raise ExportError(
                _(
                    "The file is not well-formed XML (%(reason)s). It may be cut short or not "
                    "be a WordPress export at all; export it again from WordPress "
                    "(Tools → Export)."
                )
                % {"reason": _parse_reason(error)},
                line,
            ) from None
        except DefusedXmlException:
            raise ExportError(
                _(
                    "The file declares a document type or entities, which WordPress exports "
                    "never do; it is refused so that nothing in it can expand or reach out to "
                    "other files or servers."
                ),
                _doctype_line(self.path) or self.current_line(),
            ) from None
        except UnicodeDecodeError:
            raise ExportError(
                _("The file is not valid text in the encoding it declares."),
                self.current_line(),
            ) from None
        self.nul_bytes_removed = handle.removed
        if root is None:
            raise ExportError(_("The file is empty."))
        if channel is None:
            raise ExportError(
                _("This is XML but not a WordPress export: it has no <channel>."), None
            )
        return self.channel

    def _looks_empty(self) -> bool:
        with self.path.open("rb") as handle:
            return not handle.read(4096).strip()

    def _read_channel_child(self, element) -> None:
        namespace, name = _namespace_and_name(element.tag)
        if namespace == "wp":
            if name == "wxr_version":
                self.channel.wxr_version = _text(element).strip()
            elif name == "base_site_url":
                self.channel.base_site_url = _text(element).strip()
            elif name == "base_blog_url":
                self.channel.base_blog_url = _text(element).strip()
        elif namespace == "":
            if name == "title":
                self.channel.title = _text(element).strip()
            elif name == "link":
                self.channel.link = _text(element).strip()
            elif name == "language":
                self.channel.language = _text(element).strip()


PARSE_REASON = re.compile(r":\s*line \d+, column \d+$")


def _parse_reason(error) -> str:
    return PARSE_REASON.sub("", str(error)).strip()


def _check_version(channel: _Channel) -> None:
    if not channel.wxr_version:
        raise ExportError(
            _(
                "This is XML but not a WordPress export: it has no <wp:wxr_version>. "
                "Export the site from WordPress (Tools → Export) and import that file."
            )
        )
    if channel.wxr_version not in SUPPORTED_VERSIONS:
        raise ExportError(
            _(
                "This export is in WXR version %(version)s; versions 1.0, 1.1 and 1.2 can be "
                "imported."
            )
            % {"version": channel.wxr_version}
        )


def _attachment_from(item: Item) -> Attachment:
    return Attachment(
        wp_id=item.wp_id,
        url=item.attachment_url or item.guid,
        relative_path=item.meta.get("_wp_attached_file", ""),
        title=item.title.strip(),
        alt_text=item.meta.get("_wp_attachment_image_alt", "").strip(),
        caption=item.excerpt.strip(),
        parent_id=item.parent_id,
    )


def scan_export(path: Path) -> ExportIndex:
    """Read the whole file once, checking it, and return what items refer to."""
    reader = _Reader(path)
    index = ExportIndex(
        path=Path(path),
        wxr_version="",
        site_title="",
        site_url="",
        base_site_url="",
        language="",
    )
    seen_ids: dict[int, int] = {}

    def on_channel_child(element):
        namespace, name = _namespace_and_name(element.tag)
        if namespace != "wp":
            return
        if name == "author":
            author = _read_author(element)
            if author.login:
                index.authors[author.login] = author
        elif name == "category":
            term = _read_term(element, "category")
            if term.slug:
                index.categories[term.slug] = term
        elif name == "tag":
            term = _read_term(element, "post_tag")
            if term.slug:
                index.tags[term.slug] = term
        elif name == "term":
            term = _read_generic_term(element)
            if term is not None and term.slug:
                target = index.categories if term.kind == "category" else index.tags
                target.setdefault(term.slug, term)

    def on_item(element, line):
        if not reader.channel.wxr_version:
            _check_version(reader.channel)
        item = _read_item(element, line, with_comments=False)
        if item.wp_id <= 0:
            raise ExportError(_("An item has no WordPress id (<wp:post_id>)."), line)
        if item.wp_id in seen_ids and item.post_type != "nav_menu_item":
            raise ExportError(
                _("Two items have the same WordPress id %(id)s (the other is on line %(other)s).")
                % {"id": item.wp_id, "other": seen_ids[item.wp_id]},
                line,
            )
        seen_ids[item.wp_id] = line
        index.item_counts[item.post_type] = index.item_counts.get(item.post_type, 0) + 1
        index.comment_count += sum(
            1 for child in element if _namespace_and_name(child.tag) == ("wp", "comment")
        )
        if item.post_type == "attachment":
            attachment = _attachment_from(item)
            index.attachments[item.wp_id] = attachment
            if attachment.url:
                index.attachment_by_url[attachment.url] = item.wp_id
        elif item.post_type == "page":
            index.pages[item.wp_id] = PageSummary(item.wp_id, item.parent_id, item.menu_order)
        elif item.post_type == "post":
            categories = [term for term in item.terms if term.kind == "category"]
            if not categories or all(term.slug == "uncategorized" for term in categories):
                index.uncategorised_posts += 1

    channel = reader.read(on_channel_child, on_item)
    _check_version(channel)
    index.nul_bytes_removed = reader.nul_bytes_removed
    index.wxr_version = channel.wxr_version
    index.site_title = channel.title
    index.site_url = channel.base_blog_url or channel.link
    index.base_site_url = channel.base_site_url or channel.link
    index.language = channel.language
    if not index.source_key:
        raise ExportError(
            _("The export does not say which site it comes from (no <link> in the channel).")
        )
    return index


def iter_items(path: Path) -> Iterator[Item]:
    """The file's items in order, each read fully (with its comments), one at a time.

    Run only after ``scan_export`` has accepted the file: the file is parsed again, and a
    problem found now (the file changed in between) still raises ``ExportError``.
    """
    parser = DefusedXMLParser(
        target=ElementTree.TreeBuilder(), forbid_dtd=True, forbid_entities=True
    )
    depth = 0
    channel = None
    item_line = 0
    try:
        with Path(path).open("rb") as raw:
            handle = _WithoutNulBytes(raw)
            # defusedxml's parser, DTDs forbidden, as in scan_export (S314 cannot see it).
            for event, element in ElementTree.iterparse(  # noqa: S314
                handle, events=("start", "end"), parser=parser
            ):
                if event == "start":
                    depth += 1
                    if depth == 2 and element.tag == "channel":
                        channel = element
                    elif depth == 3 and element.tag == "item":
                        item_line = parser.parser.CurrentLineNumber
                    continue
                depth -= 1
                if depth == 2 and channel is not None:
                    # Each finished child of the channel is dropped: memory stays bounded.
                    channel.remove(element)
                    if element.tag == "item":
                        yield _read_item(element, item_line)
    except (ElementTree.ParseError, DefusedXmlException, OSError):
        raise ExportError(
            _("The file changed or went missing while it was being imported; import it again.")
        ) from None

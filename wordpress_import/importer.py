"""Importing a WordPress export: the two passes, and what each item becomes.

The first pass (wxr.scan_export) reads and checks the whole file; the options are checked
against the site; only then does the second pass write, item by item, each batch of items in
its own transaction. An import stopped half-way (the process killed) leaves whole items only,
and running it again carries on: everything is keyed on the export's site and WordPress id
(``ImportedItem``), so what is already here is left alone (or updated with ``update=True``
when WordPress's modification time changed).
"""

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, PageViewRestriction, Site
from wagtail.utils.file import hash_filelike

from articles.blocks import ArticleBodyBlock
from articles.models import ArticlePage, ArticlePageAuthor, Author, SectionPage
from comments.models import CommentSettings
from core.archives import archive_url
from home.models import HomePage, InformationPage
from pagecache.signals import content_changed
from translations.stream_data import with_block_ids
from wordpress_import import media
from wordpress_import.bulk_pages import NewArticle, create_articles
from wordpress_import.comments import comment_levels, import_comments, write_threads
from wordpress_import.content import (
    CHAR_FIELD_MAX,
    Converter,
    ResolvedImage,
    collapse,
    plain_text,
    shorten,
)
from wordpress_import.dates import first_date, parse_wp_date
from wordpress_import.models import ImportedItem, ImportRun
from wordpress_import.report import ImportReport
from wordpress_import.wxr import ExportError, ExportIndex, Item, Term, iter_items, scan_export

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
UNCATEGORISED_SLUGS = {"uncategorized", "غير-مصنف", "non-classe"}
SKIPPED_STATUSES = {"trash": "in the trash", "auto-draft": "automatic draft", "inherit": "revision"}
IMPORTED_TYPES = {"post", "page", "attachment"}

# (items done, items in total) → None; called after every item.
Progress = Callable[[int, int], None]


class ImportOptionsError(ExportError):
    """The file is fine but the options do not fit this site (no such section, folder…)."""


@dataclass
class ImportOptions:
    language: str = "ar"
    uploads: Path | None = None
    fetch_media: bool = False
    default_section: str = ""
    dry_run: bool = False
    update: bool = False


def item_date(item: Item) -> datetime | None:
    return first_date(item.date_gmt, item.date)


def old_path(url: str) -> str:
    """The path (and query) of an address on the old site, as readers' links carry it."""
    parts = urlsplit(url.strip())
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path


class WordPressImporter:
    def __init__(
        self,
        path: Path,
        options: ImportOptions,
        *,
        progress: Progress | None = None,
        run: ImportRun | None = None,
    ):
        self.path = Path(path)
        self.options = options
        self.progress = progress or (lambda done, total: None)
        self.run_record = run
        self.report = ImportReport(language=options.language, dry_run=options.dry_run)
        self.write = not options.dry_run
        self.index: ExportIndex | None = None
        self._mapping_cache: dict[tuple[str, str], int] = {}
        self._collection = None
        self._pending_redirects: list[tuple[str, Page | None, str]] = []
        self._articles_done = 0
        self._sticky: list[tuple] = []
        # New articles of the current batch, written together (bulk_pages).
        self._new_articles: list[tuple[NewArticle, Callable[[], None]]] = []
        # Each parent's children's slugs, read once (_free_slug).
        self._taken_slugs: dict[int | None, set[str]] = {}
        self._batch_posts: dict[str, ImportedItem] | None = None
        self._new_mappings: list[ImportedItem] = []
        self._comment_threads: list = []

    # -- the run ---------------------------------------------------------------------------

    def run(self) -> ImportReport:
        started = time.monotonic()
        self.index = index = scan_export(self.path)
        self.report.site = index.source_key
        self.report.wxr_version = index.wxr_version
        self._check_options(index)
        if index.nul_bytes_removed:
            self.report.warn(
                "export", "", [f"{index.nul_bytes_removed} NUL characters removed from the file"]
            )
        total = sum(index.item_counts.get(kind, 0) for kind in IMPORTED_TYPES)
        self.report.total_items = total
        with transaction.atomic():
            self._import_authors()
            self._import_terms()
        done = 0
        pages: list[Item] = []
        batch: list[Item] = []
        for item in iter_items(self.path):
            if item.post_type == "page":
                pages.append(item)  # after the posts: a parent page may come later in the file
                continue
            if item.post_type not in IMPORTED_TYPES:
                continue
            batch.append(item)
            if len(batch) >= BATCH_SIZE:
                done = self._import_batch(batch, done, total)
                batch = []
        done = self._import_batch(batch, done, total)
        with transaction.atomic():
            self._import_pages(pages, done, total)
            self._archive_redirects()
            self._flush_redirects()
            self._lead_with_sticky_post()
        if self.write:
            content_changed("pages")  # a new generation, and the edge purged of "site"
        self.progress(total, total)
        elapsed = time.monotonic() - started
        self.report.elapsed_seconds = elapsed
        if elapsed > 0:
            self.report.items_per_second = total / elapsed
            self.report.articles_per_second = self._articles_done / elapsed
        return self.report

    def _import_batch(self, batch: list[Item], done: int, total: int) -> int:
        if not batch:
            return done
        with transaction.atomic():
            # The batch's posts already imported, in one query rather than one per post.
            self._batch_posts = {
                mapped.wp_id: mapped
                for mapped in ImportedItem.objects.filter(
                    source=self.index.source_key,
                    kind="post",
                    wp_id__in=[str(item.wp_id) for item in batch if item.post_type == "post"],
                )
            }
            for item in batch:
                if item.post_type == "post":
                    self._import_post(item)
                elif item.post_type == "attachment":
                    self._import_attachment_item(item)
            self._flush_new_articles()
            self._flush_redirects()
            self._batch_posts = None
        for _item in batch:
            done += 1
            self.progress(done, total)
        return done

    # -- options ---------------------------------------------------------------------------

    def _check_options(self, index: ExportIndex) -> None:
        options = self.options
        self.locale = Locale.objects.filter(language_code=options.language).first()
        if self.locale is None:
            raise ImportOptionsError(
                _("There is no “%(language)s” language on this site.")
                % {"language": options.language}
            )
        self.home = HomePage.objects.filter(depth=2, locale=self.locale).first()
        if self.home is None:
            raise ImportOptionsError(
                _("There is no home page in “%(language)s” to import under.")
                % {"language": options.language}
            )
        self.site = Site.objects.filter(
            root_page__translation_key=self.home.translation_key
        ).first()
        self.default_section = None
        if options.default_section:
            self.default_section = (
                SectionPage.objects.child_of(self.home).filter(slug=options.default_section).first()
            )
            if self.default_section is None:
                raise ImportOptionsError(
                    _("There is no section “%(slug)s”. Sections here: %(slugs)s.")
                    % {"slug": options.default_section, "slugs": self._section_slugs()}
                )
        elif index.uncategorised_posts:
            raise ImportOptionsError(
                _(
                    "%(count)s posts have no category (or only “Uncategorized”). Choose the "
                    "section they go to with --default-section (one of: %(slugs)s)."
                )
                % {"count": index.uncategorised_posts, "slugs": self._section_slugs()}
            )
        if options.uploads is not None and not Path(options.uploads).is_dir():
            raise ImportOptionsError(
                _("The uploads folder %(path)s does not exist.") % {"path": options.uploads}
            )
        hosts = {urlsplit(url).hostname for url in (index.site_url, index.base_site_url)}
        self.site_hosts = {host for host in hosts if host}
        # Read without creating the settings row (a dry run writes nothing).
        settings_row = CommentSettings.objects.filter(site=self.site).first()
        self.max_comment_depth = (
            settings_row.max_reply_depth
            if settings_row
            else CommentSettings._meta.get_field("max_reply_depth").default
        )

    def _section_slugs(self) -> str:
        slugs = SectionPage.objects.child_of(self.home).values_list("slug", flat=True)
        return ", ".join(slugs) or "—"

    # -- the mapping -----------------------------------------------------------------------

    def _mapped(self, kind: str, wp_id) -> ImportedItem | None:
        if kind == "post" and self._batch_posts is not None:
            return self._batch_posts.get(str(wp_id))
        return ImportedItem.objects.filter(
            source=self.index.source_key, kind=kind, wp_id=str(wp_id)
        ).first()

    def _remember(self, kind: str, wp_id, object_id: int, modified: str = "", post=None):
        self._mapping_cache[(kind, str(wp_id))] = object_id
        if not self.write:
            return
        ImportedItem.objects.update_or_create(
            source=self.index.source_key,
            kind=kind,
            wp_id=str(wp_id),
            defaults={
                "object_id": object_id,
                "modified_gmt": modified,
                "post_wp_id": post,
                "run": self.run_record if self.run_record and self.run_record.pk else None,
            },
        )

    # -- authors, sections and tags ----------------------------------------------------------

    def _import_authors(self) -> None:
        self.authors: dict[str, Author | None] = {}
        for login, wp_author in self.index.authors.items():
            self.authors[login] = self._author(login, wp_author.display_name)

    def _author(self, login: str, display_name: str) -> Author | None:
        slug = slugify(login, allow_unicode=True) or slugify(display_name, allow_unicode=True)
        if not slug:
            return None
        mapped = self._mapped("author", login)
        if mapped is not None:
            author = Author.objects.filter(pk=mapped.object_id).first()
            if author is not None:
                self.report.count("author", "unchanged")
                return author
        author = Author.objects.filter(slug=slug).first()
        if author is not None:
            self.report.count("author", "unchanged")
        else:
            self.report.count("author", "imported")
            author = Author(
                name=shorten(collapse(display_name) or login, CHAR_FIELD_MAX), slug=slug
            )
            if self.write:
                author.save()
        if author.pk:
            self._remember("author", login, author.pk)
        return author

    def _author_for(self, item: Item) -> Author | None:
        if not item.creator:
            return None
        if item.creator not in self.authors:
            # WXR 1.0 has no author list: the byline comes from dc:creator alone.
            self.authors[item.creator] = self._author(item.creator, item.creator)
        return self.authors[item.creator]

    def _import_terms(self) -> None:
        self.sections: dict[str, SectionPage] = {}
        existing = list(SectionPage.objects.child_of(self.home))
        for term in self.index.categories.values():
            if term.parent_slug or term.slug in UNCATEGORISED_SLUGS:
                continue
            self.sections[term.slug] = self._section(term, existing)
        for term in self.index.categories.values():
            if term.parent_slug and term.slug not in UNCATEGORISED_SLUGS:
                self._tag(term.name or term.slug, kind="category")
        for term in self.index.tags.values():
            self._tag(term.name or term.slug, kind="tag")

    def _section(self, term, existing: list[SectionPage]) -> SectionPage:
        name = collapse(term.name) or term.slug
        for section in existing:
            if section.slug == term.slug or section.title.casefold() == name.casefold():
                self.report.count("category", "unchanged")
                self._remember("category", term.slug, section.pk)
                return section
        slug = slugify(term.slug, allow_unicode=True) or slugify(name, allow_unicode=True)
        section = SectionPage(
            title=shorten(name, CHAR_FIELD_MAX),
            slug=self._free_slug(self.home, slug or "section"),
            intro=shorten(plain_text(term.description), 1000),
            show_in_menus=True,
            locale=self.locale,
        )
        self.report.count("category", "imported")
        if self.write:
            self.home.add_child(instance=section)
            section.save_revision().publish()
            self._remember("category", term.slug, section.pk)
        existing.append(section)
        return section

    def _tag(self, name: str, kind: str) -> None:
        name = shorten(collapse(name), 100)
        if not name:
            return
        if Tag.objects.filter(name=name).exists():
            self.report.count(kind if kind == "tag" else "tag", "unchanged")
        else:
            self.report.count("tag", "imported")
            if self.write:
                Tag.objects.create(name=name)

    def _section_and_tags(self, item: Item) -> tuple[SectionPage | None, list[str]]:
        categories = [
            t for t in item.terms if t.kind == "category" and t.slug not in UNCATEGORISED_SLUGS
        ]
        tags = [collapse(t.name) for t in item.terms if t.kind == "post_tag" and collapse(t.name)]
        primary = None
        primary_id = item.meta.get("_yoast_wpseo_primary_category", "").strip()
        if primary_id:
            term = self.index.category_by_term_id(primary_id)
            if term is not None and term.slug not in UNCATEGORISED_SLUGS:
                primary = term.slug
        if primary is None and categories:
            primary = categories[0].slug
        section = None
        if primary is not None:
            top = self.index.top_category(primary)
            slug = top.slug if top is not None else primary
            section = self.sections.get(slug)
            if section is None and top is None:
                # A category used on the item but missing from the channel's list.
                term_name = next((t.name for t in categories if t.slug == primary), primary)
                section = self._section(
                    Term("category", primary, term_name),
                    list(SectionPage.objects.child_of(self.home)),
                )
                self.sections[primary] = section
        for term in categories:
            top = self.index.top_category(term.slug)
            is_section = (
                section is not None
                and top is not None
                and self.sections.get(top.slug) == section
                and top.slug == term.slug
            )
            if not is_section:
                name = collapse(term.name) or term.slug
                if name not in tags:
                    tags.append(name)
        return section or self.default_section, [shorten(tag, 100) for tag in tags]

    # -- posts -----------------------------------------------------------------------------

    def _import_post(self, item: Item) -> None:
        if item.status in SKIPPED_STATUSES:
            self.report.count("post", "skipped", SKIPPED_STATUSES[item.status])
            self._skip_comments(item, "on an item that is not imported")
            return
        mapped = self._mapped("post", item.wp_id)
        page = None
        if mapped is not None:
            page = ArticlePage.objects.filter(pk=mapped.object_id).first()
            if page is None:
                self.report.count("post", "skipped", "deleted here since the last import")
                self._skip_comments(item, "on an item that is not imported")
                return
            changed = mapped.modified_gmt != item.modified_gmt
            if not (self.options.update and changed):
                self.report.count("post", "unchanged")
                self._import_comments(item, page)
                self._post_redirects(item, page)
                return
        section, tag_names = self._section_and_tags(item)
        if section is None:
            self.report.count("post", "skipped", "no section")
            self._skip_comments(item, "on an item that is not imported")
            return
        warnings: list[str] = []
        title = self._title(item, warnings)
        converter = Converter(
            site_hosts=self.site_hosts,
            resolve_image=self._resolve_image,
            attached_image_ids=lambda: self._attached_image_ids(item.wp_id),
        )
        converted = converter.convert(item.content, excerpt=item.excerpt, title=title)
        date = item_date(item) or timezone.now()
        modified = parse_wp_date(item.modified_gmt) or date
        lead = self._lead_image(item)
        fields = {
            "title": title,
            "standfirst": converted.standfirst or title,
            "body": with_block_ids(ArticleBodyBlock(), converted.body),
            "number_sections": converted.number_sections,
            "publication_date": date,
            "lead_image_id": lead.image_id if lead and self.write else None,
            "lead_image_alt_text": shorten(lead.alt_text, CHAR_FIELD_MAX) if lead else "",
            "lead_image_caption": shorten(lead.caption, CHAR_FIELD_MAX) if lead else "",
        }
        author = self._author_for(item)
        if page is None:
            slug = self._article_slug(item, section, title, warnings)
            page = ArticlePage(slug=slug, locale=self.locale, **fields)
            page.comments_open = self._comments_open(item)
            outcome = "imported"
        else:
            for name, value in fields.items():
                setattr(page, name, value)
            outcome = "updated"
        self._status_warnings(item, warnings)
        self.report.count("post", outcome)
        self._articles_done += 1
        notes = warnings + converted.report.notes

        def finish(new_page=False):
            """What needs the page's id: the mapping, comments, redirects, the report."""
            if new_page:
                self._new_mappings.append(self._mapping_row("post", item.wp_id, page.pk, item))
            else:
                self._remember("post", item.wp_id, page.pk, item.modified_gmt)
            if item.is_sticky:
                self._sticky.append((date, page.pk))
            if item.comments and new_page:
                # Written with the batch's other new articles' comments, level by level.
                self._comment_threads.append(
                    comment_levels(self, item, page, self._new_mappings, new_page=True)
                )
            elif item.comments:
                import_comments(self, item, page)
            self._post_redirects(item, page)
            self._warn_post(item, page, title, notes, converted)

        if not self.write:
            self._dry_run_comments(item)
            self._warn_post(item, page, title, notes, converted)
        elif outcome == "imported" and self._bulk_eligible(item):
            # Written with the rest of the batch (bulk_pages), then finished.
            publish = item.status == "publish"
            self._new_articles.append(
                (
                    NewArticle(
                        page=page,
                        section=section,
                        live=publish,
                        first_published_at=date if publish else None,
                        last_published_at=modified if publish else None,
                        tag_names=tag_names,
                        author_id=author.pk if author is not None else None,
                    ),
                    finish,
                )
            )
        else:
            if author is not None:
                page.article_authors = [ArticlePageAuthor(author=author)]
            # Set before the first save, so the revision (what editors publish next) has them.
            page.tags.set(tag_names)
            self._save_page(page, item, section, date, modified, new=outcome == "imported")
            finish()

    def _bulk_eligible(self, item: Item) -> bool:
        """A new post, published or a draft, without a password: nothing but rows to write."""
        return not item.password and item.status != "future"

    def _flush_new_articles(self) -> None:
        pending, self._new_articles = self._new_articles, []
        create_articles([article for article, _finish in pending])
        for _article, finish in pending:
            finish(new_page=True)
        threads, self._comment_threads = self._comment_threads, []
        write_threads(threads)
        ImportedItem.objects.bulk_create(self._new_mappings)
        self._new_mappings = []

    def _mapping_row(self, kind: str, wp_id, object_id: int, item: Item) -> ImportedItem:
        """What ``_remember`` writes, for an object created in this batch (no row yet)."""
        self._mapping_cache[(kind, str(wp_id))] = object_id
        return ImportedItem(
            source=self.index.source_key,
            kind=kind,
            wp_id=str(wp_id),
            object_id=object_id,
            modified_gmt=item.modified_gmt,
            run=self.run_record if self.run_record and self.run_record.pk else None,
        )

    def _warn_post(self, item: Item, page, title: str, notes: list[str], converted) -> None:
        self.report.warn(
            "post",
            item.wp_id,
            notes,
            title=title,
            page_id=page.pk,
            dropped=converted.report.dropped,
            unknown=converted.report.unknown,
        )

    def _title(self, item: Item, warnings: list[str]) -> str:
        title = collapse(item.title.replace("\n", " "))
        if not title:
            text = plain_text(item.content)
            title = (
                shorten(text, 80) if text else _("Untitled (WordPress %(id)s)") % {"id": item.wp_id}
            )
            warnings.append("no title in WordPress: one was made from the text")
        if len(title) > CHAR_FIELD_MAX:
            warnings.append(f"title shortened to {CHAR_FIELD_MAX} characters; it was: {title}")
            title = shorten(title, CHAR_FIELD_MAX)
        return title

    def _article_slug(self, item: Item, parent: Page, title: str, warnings: list[str]) -> str:
        slug = slugify(item.slug, allow_unicode=True)
        if not slug:
            slug = slugify(title, allow_unicode=True)[:80].strip("-") or f"post-{item.wp_id}"
            warnings.append(f"no slug in WordPress: “{slug}” was made from the title")
        slug = slug[:255]
        free = self._free_slug(parent, slug)
        if free != slug:
            warnings.append(f"the slug “{slug}” was taken here: the article is at “{free}”")
        return free

    def _free_slug(self, parent: Page, slug: str) -> str:
        """``slug``, or ``slug-2``, ``-3``… if a sibling has it; the result is taken from then on.

        The siblings' slugs are read once per parent and kept (a few MB for tens of thousands
        of articles), instead of one query per article and per candidate.
        """
        taken = self._taken_slugs.get(parent.pk)
        if taken is None:
            siblings = Page.objects.child_of(parent) if parent.pk else Page.objects.none()
            taken = self._taken_slugs[parent.pk] = set(siblings.values_list("slug", flat=True))
        candidate = slug
        suffix = 2
        while candidate in taken:
            candidate = f"{slug[:250]}-{suffix}"
            suffix += 1
        if parent.pk:
            taken.add(candidate)
        return candidate

    def _comments_open(self, item: Item) -> bool:
        return item.comment_status != "closed"

    def _status_warnings(self, item: Item, warnings: list[str]) -> None:
        if item.status == "private":
            warnings.append("private in WordPress: imported as a draft")
        elif item.status == "pending":
            warnings.append("pending review in WordPress: imported as a draft")
        elif item.status not in {"publish", "draft", "future", "private", "pending"}:
            warnings.append(f"unknown status “{item.status}”: imported as a draft")
        if item.password:
            warnings.append("password-protected in WordPress: the same password protects it here")

    def _save_page(self, page, item: Item, parent: Page, date, modified, new: bool) -> None:
        publish = item.status == "publish"
        scheduled = item.status == "future" and date > timezone.now()
        if scheduled:
            page.go_live_at = date
        if new:
            page.live = False
            parent.add_child(instance=page)
        else:
            page.save()
        revision = page.save_revision(log_action=False, clean=False)
        if publish or scheduled or (item.status == "future"):
            revision.publish(log_action=False, skip_permission_checks=True)
        if publish or (item.status == "future" and not scheduled):
            type(page).objects.filter(pk=page.pk).update(
                first_published_at=date, last_published_at=modified
            )
            page.first_published_at, page.last_published_at = date, modified
        if item.password and not PageViewRestriction.objects.filter(page=page).exists():
            PageViewRestriction.objects.create(
                page=page,
                restriction_type=PageViewRestriction.PASSWORD,
                password=item.password[:255],
            )

    # -- comments ----------------------------------------------------------------------------

    def _import_comments(self, item: Item, page: ArticlePage) -> None:
        if not item.comments:
            return
        import_comments(self, item, page)

    def _dry_run_comments(self, item: Item) -> None:
        import_comments(self, item, None)

    def _skip_comments(self, item: Item, reason: str) -> None:
        for _comment in item.comments:
            self.report.count("comment", "skipped", reason)

    # -- images ------------------------------------------------------------------------------

    def _attached_image_ids(self, post_id: int) -> list[int]:
        return [a.wp_id for a in self.index.attachments.values() if a.parent_id == post_id]

    def _resolve_image(self, attachment_id: int | None, src: str) -> ResolvedImage | None:
        if attachment_id is None and src:
            attachment_id = self.index.attachment_by_url.get(src) or self._attachment_for_size(src)
        attachment = self.index.attachments.get(attachment_id) if attachment_id else None
        if attachment is None:
            if not src:
                return None
            image_id = self._image_from(src, "", title="")
            return ResolvedImage(image_id) if image_id else None
        image_id = self._attachment_image(attachment)
        if image_id is None:
            return None
        return ResolvedImage(image_id, attachment.alt_text, attachment.caption)

    def _attachment_for_size(self, src: str) -> int | None:
        """``photo-300x200.jpg`` is a size WordPress made of ``photo.jpg``."""
        original = re.sub(r"-\d+x\d+(?=\.\w+$)", "", src)
        if original != src:
            return self.index.attachment_by_url.get(original)
        return None

    def _attachment_image(self, attachment) -> int | None:
        key = ("attachment", str(attachment.wp_id))
        if key in self._mapping_cache:
            return self._mapping_cache[key] or None
        mapped = self._mapped("attachment", attachment.wp_id)
        if mapped is not None and get_image_model().objects.filter(pk=mapped.object_id).exists():
            self._mapping_cache[key] = mapped.object_id
            return mapped.object_id
        image_id = self._image_from(
            attachment.url, attachment.relative_path, attachment.title, attachment.wp_id
        )
        self._mapping_cache[key] = image_id or 0
        if image_id and self.write:
            self._remember("attachment", attachment.wp_id, image_id)
        return image_id

    def _image_from(self, url: str, relative: str, title: str, wp_id=None) -> int | None:
        """A Wagtail image for the file, or None (the reason goes in the report)."""
        try:
            source = self._media_file(url, relative)
        except media.MediaUnavailable as reason:
            self.report.count("attachment", "skipped", str(reason).split(":")[0])
            self.report.warn("attachment", wp_id, [str(reason)], title=title)
            return None
        try:
            with source.path.open("rb") as handle:
                file_hash = hash_filelike(handle)
            Image = get_image_model()
            existing = (
                Image.objects.filter(file_hash=file_hash).values_list("pk", flat=True).first()
            )
            if existing is not None:
                self.report.count("attachment", "unchanged")
                return existing
            self.report.count("attachment", "imported")
            if not self.write:
                return -1
            with source.path.open("rb") as handle:
                image = Image(
                    title=shorten(collapse(title) or source.name, CHAR_FIELD_MAX),
                    file=ImageFile(handle, name=source.name),
                    collection=self._root_collection(),
                )
                image._set_image_file_metadata()
                image.save()
            return image.pk
        finally:
            source.discard()

    def _media_file(self, url: str, relative: str):
        if self.options.uploads is not None:
            return media.from_uploads(
                Path(self.options.uploads), media.relative_upload_path(url, relative)
            )
        if self.options.fetch_media and url:
            return media.fetch(url)
        raise media.MediaUnavailable("no media source (give --uploads or --fetch-media)")

    def _root_collection(self):
        if self._collection is None:
            self._collection = Collection.get_first_root_node()
        return self._collection

    def _import_attachment_item(self, item: Item) -> None:
        attachment = self.index.attachments.get(item.wp_id)
        if attachment is None:
            return
        key = ("attachment", str(item.wp_id))
        if key in self._mapping_cache:
            return  # already brought in for an article that uses it
        if self._mapped("attachment", item.wp_id) is not None:
            self.report.count("attachment", "unchanged")
            return
        self._attachment_image(attachment)

    def _lead_image(self, item: Item) -> ResolvedImage | None:
        thumbnail = item.meta.get("_thumbnail_id", "").strip()
        if not thumbnail.isdigit():
            return None
        return self._resolve_image(int(thumbnail), "")

    # -- information pages -------------------------------------------------------------------

    def _import_pages(self, items: list[Item], done: int, total: int) -> None:
        by_id = {item.wp_id: item for item in items}

        def depth(item, seen=()):
            parent = by_id.get(item.parent_id)
            if parent is None or item.wp_id in seen:
                return 0
            return 1 + depth(parent, (*seen, item.wp_id))

        for item in sorted(items, key=lambda i: (depth(i), i.menu_order, i.wp_id)):
            self._import_page(item, by_id)
            done += 1
            self.progress(done, total)

    def _import_page(self, item: Item, by_id: dict[int, Item]) -> None:
        if item.status in SKIPPED_STATUSES:
            self.report.count("page", "skipped", SKIPPED_STATUSES[item.status])
            self._skip_comments(item, "on an item that is not imported")
            return
        self._skip_comments(item, "on a page (only articles take comments)")
        mapped = self._mapped("page", item.wp_id)
        page = None
        if mapped is not None:
            page = InformationPage.objects.filter(pk=mapped.object_id).first()
            if page is None:
                self.report.count("page", "skipped", "deleted here since the last import")
                return
            if not (self.options.update and mapped.modified_gmt != item.modified_gmt):
                self.report.count("page", "unchanged")
                self._item_redirects(item, page)
                return
        parent = self.home
        if item.parent_id:
            parent_key = ("page", str(item.parent_id))
            parent_id = self._mapping_cache.get(parent_key)
            if parent_id is None:
                mapped_parent = self._mapped("page", item.parent_id)
                parent_id = mapped_parent.object_id if mapped_parent else None
            found = InformationPage.objects.filter(pk=parent_id).first() if parent_id else None
            parent = found or self.home
        warnings: list[str] = []
        title = self._title(item, warnings)
        converter = Converter(site_hosts=self.site_hosts, resolve_image=self._resolve_image)
        # A page has no standfirst: its first paragraph stays where it was; an excerpt is its intro.
        converted = converter.convert(item.content, title=title, standfirst_from_body=False)
        body = converted.body
        date = item_date(item) or timezone.now()
        modified = parse_wp_date(item.modified_gmt) or date
        fields = {
            "title": title,
            "intro": converted.standfirst,
            "body": with_block_ids(ArticleBodyBlock(), body),
        }
        if page is None:
            page = InformationPage(
                slug=self._article_slug(item, parent, title, warnings), locale=self.locale, **fields
            )
            outcome = "imported"
        else:
            for name, value in fields.items():
                setattr(page, name, value)
            outcome = "updated"
        self._status_warnings(item, warnings)
        self.report.count("page", outcome)
        if self.write:
            self._save_page(page, item, parent, date, modified, new=outcome == "imported")
            self._remember("page", item.wp_id, page.pk, item.modified_gmt)
            self._mapping_cache[("page", str(item.wp_id))] = page.pk
            self._item_redirects(item, page)
        self.report.warn(
            "page",
            item.wp_id,
            warnings + converted.report.notes,
            title=title,
            page_id=page.pk,
            dropped=converted.report.dropped,
            unknown=converted.report.unknown,
        )

    # -- redirects ---------------------------------------------------------------------------

    def _post_redirects(self, item: Item, page: Page) -> None:
        self._item_redirects(item, page)

    def _item_redirects(self, item: Item, page: Page) -> None:
        if item.status not in {"publish", "future"} and not item.password:
            return
        query = "page_id" if item.post_type == "page" else "p"
        for url in {item.link, item.guid if "?p=" in item.guid else ""}:
            if url:
                self._pending_redirects.append((old_path(url), page, ""))
        self._pending_redirects.append((f"/?{query}={item.wp_id}", page, ""))

    def _archive_redirects(self) -> None:
        if not self.write:
            return
        home_url = self.home.get_url() or "/"

        for slug, section in self.sections.items():
            term = self.index.categories.get(slug)
            if term is None or section.pk is None:
                continue
            self._pending_redirects.append((f"/category/{slug}/", section, ""))
            self._pending_redirects.append(
                (
                    f"/category/{slug}/feed/",
                    None,
                    section.get_url() + section.reverse_subpage("feed"),
                )
            )
        for term in self.index.categories.values():
            if term.parent_slug and term.slug not in UNCATEGORISED_SLUGS:
                tag = Tag.objects.filter(name=shorten(collapse(term.name), 100)).first()
                if tag is not None:
                    link = archive_url(self.home, "tag", tag.slug)
                    self._pending_redirects.append((self._category_path(term), None, link))
        for term in self.index.tags.values():
            tag = Tag.objects.filter(name=shorten(collapse(term.name), 100)).first()
            if tag is not None:
                self._pending_redirects.append(
                    (f"/tag/{term.slug}/", None, archive_url(self.home, "tag", tag.slug))
                )
        for login, author in self.authors.items():
            if author is not None and author.pk:
                link = archive_url(self.home, "author", author.slug)
                self._pending_redirects.append(
                    (f"/author/{slugify(login, allow_unicode=True)}/", None, link)
                )
        self._pending_redirects.append(
            ("/feed/", None, home_url + self.home.reverse_subpage("feed"))
        )

    def _category_path(self, term) -> str:
        parts = [term.slug]
        seen = {term.slug}
        parent = self.index.categories.get(term.parent_slug)
        while parent is not None and parent.slug not in seen:
            parts.insert(0, parent.slug)
            seen.add(parent.slug)
            parent = self.index.categories.get(parent.parent_slug)
        return "/category/" + "/".join(parts) + "/"

    def _flush_redirects(self) -> None:
        pending, self._pending_redirects = self._pending_redirects, []
        wanted = {}
        for path, page, link in pending:
            normalised = Redirect.normalise_path(path)
            if normalised in {"", "/"} or normalised in wanted:
                continue
            if page is not None and page.pk is None:
                continue
            if link and not link.startswith("/"):
                continue  # a redirect never leaves the site
            wanted[normalised] = (page, link)
        if not wanted:
            return
        existing = set(
            Redirect.objects.filter(site=self.site, old_path__in=list(wanted)).values_list(
                "old_path", flat=True
            )
        )
        new = []
        for path, (page, link) in wanted.items():
            if path in existing:
                self.report.count("redirect", "unchanged")
                continue
            self.report.count("redirect", "imported")
            new.append(
                Redirect(
                    old_path=path,
                    site=self.site,
                    is_permanent=True,
                    redirect_page=page,
                    redirect_link=link if page is None else "",
                )
            )
        if self.write and new:
            Redirect.objects.bulk_create(new, ignore_conflicts=True)

    # -- the front page ----------------------------------------------------------------------

    def _lead_with_sticky_post(self) -> None:
        if not self._sticky or not self.write:
            return
        home = HomePage.objects.get(pk=self.home.pk)
        if home.lead_article_id is None:
            home.lead_article_id = max(self._sticky)[1]
            home.save_revision(log_action=False).publish(log_action=False)


def run_import(path, options: ImportOptions, *, progress=None, run=None) -> ImportReport:
    return WordPressImporter(path, options, progress=progress, run=run).run()


def max_upload_bytes() -> int:
    return settings.WORDPRESS_IMPORT_MAX_UPLOAD_BYTES

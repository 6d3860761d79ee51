"""Builds the demo newsroom: a home page, sections, an author and the seed article.

Every step looks for what it would create first, so running the build again changes nothing.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from articles.blocks import ArticleBodyBlock
from articles.models import ArticlePage, ArticlePageAuthor, Author, SectionPage
from demo import images
from demo.information import build_information_pages, translate_information_pages
from demo.newsroom import build_newsroom_demo
from demo.seed_article import SeedArticle, load_seed_article
from demo.stories import build_stories, translate_stories
from demo.translations import translate_demo_newsroom
from home.models import HomePage
from translations.stream_data import with_block_ids

HOME_SLUG = "home"
# The address `make run` serves (Makefile HOST and PORT): canonical, hreflang, Open Graph and
# feed URLs are built from the site record.
SITE_HOSTNAME = "127.0.0.1"
SITE_PORT = 8000
SECTIONS = [
    ("politics", "سياسة"),
    ("economy", "اقتصاد"),
    ("society", "مجتمع"),
    ("culture", "ثقافة"),
    ("sports", "رياضة"),
]
AUTHOR = {
    "slug": "newsroom",
    "name": "هيئة التحرير",
    "bio": "فريق التحرير المسؤول عن متابعة الشؤون السياسية والأمنية.",
}
SEED_ARTICLE_SLUG = "morocco-counter-terrorism-regional-security"
SEED_ARTICLE_TAGS = ["المغرب", "الإرهاب", "الأمن الإقليمي"]


@dataclass
class BuildReport:
    created: list[str]

    def note(self, what: str) -> None:
        self.created.append(what)


def ensure_locales() -> Locale:
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def remove_welcome_page() -> None:
    """Wagtail's first migration leaves an empty "Welcome" page as the site root.

    It would clash with the home page's slug, so it goes (its Site row goes with it and is
    made again below).
    """
    for page in Page.objects.filter(depth=2):
        if page.specific_class is Page and page.get_children_count() == 0:
            page.delete()


def tree_root(locale: Locale) -> Page:
    """The tree's invisible root; Wagtail's migration makes it, a flushed database has none."""
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return root


def ensure_home(locale: Locale, report: BuildReport) -> HomePage:
    home = HomePage.objects.filter(depth=2, locale=locale).first()
    if home is None:
        remove_welcome_page()
        home = HomePage(
            title=settings.WAGTAIL_SITE_NAME,
            slug=HOME_SLUG,
            locale=locale,
            intro="آخر الأخبار والتحليلات من المغرب والعالم.",
        )
        tree_root(locale).add_child(instance=home)
        home.save_revision().publish()
        report.note(f"home page “{home.title}”")

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=SITE_HOSTNAME,
            port=SITE_PORT,
            root_page=home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
        report.note("default site")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
        site.save()
        report.note("default site now serves the home page")
    elif (site.hostname, site.port) == ("localhost", 80):
        # Earlier demos said localhost:80; canonical and feed URLs must name the address
        # `make run` serves.
        site.hostname, site.port = SITE_HOSTNAME, SITE_PORT
        site.save()
        report.note(f"default site address http://{SITE_HOSTNAME}:{SITE_PORT}/")
    return home


def ensure_sections(home: HomePage, report: BuildReport) -> dict[str, SectionPage]:
    sections = {}
    for slug, title in SECTIONS:
        section = SectionPage.objects.child_of(home).filter(slug=slug).first()
        if section is None:
            section = SectionPage(title=title, slug=slug, show_in_menus=True)
            home.add_child(instance=section)
            section.save_revision().publish()
            report.note(f"section “{title}”")
        sections[title] = section
    return sections


def ensure_author(report: BuildReport) -> Author:
    author, created = Author.objects.get_or_create(
        slug=AUTHOR["slug"], defaults={"name": AUTHOR["name"], "bio": AUTHOR["bio"]}
    )
    if created:
        report.note(f"author “{author.name}”")
    return author


def ensure_seed_article(
    seed: SeedArticle, section: SectionPage, author: Author, report: BuildReport
) -> ArticlePage:
    article = ArticlePage.objects.child_of(section).filter(slug=SEED_ARTICLE_SLUG).first()
    if article is not None:
        return article
    article = ArticlePage(
        title=seed.title,
        slug=SEED_ARTICLE_SLUG,
        standfirst=seed.standfirst,
        lead_image=images.lead_image(SEED_ARTICLE_SLUG, "politics", title=seed.title),
        lead_image_alt_text="رسم تجريدي بألوان حمراء داكنة لأفق مدينة تعبره أشرطة مائلة",
        # Every block gets an id so wagtail-localize can address its strings.
        body=with_block_ids(ArticleBodyBlock(), seed.body_stream_data()),
    )
    article.article_authors = [ArticlePageAuthor(author=author)]
    section.add_child(instance=article)
    article.tags.add(*SEED_ARTICLE_TAGS)
    article.save_revision().publish()
    report.note(f"article “{article.title}”")
    return article


@transaction.atomic
def build_demo_content() -> BuildReport:
    report = BuildReport(created=[])
    locale = ensure_locales()
    seed = load_seed_article()
    home = ensure_home(locale, report)
    sections = ensure_sections(home, report)
    author = ensure_author(report)
    section = sections.get(seed.section_title)
    if section is None:
        section = SectionPage(title=seed.section_title, slug="seed-section", show_in_menus=True)
        home.add_child(instance=section)
        section.save_revision().publish()
        report.note(f"section “{seed.section_title}”")
    article = ensure_seed_article(seed, section, author, report)
    stories = build_stories(home, report)
    information_pages = build_information_pages(home, report)
    build_newsroom_demo(sections.values(), report)
    # French and English: synchronised trees, translated home and sections, French article.
    report.created.extend(translate_demo_newsroom(home, list(sections.values()), article))
    translate_stories(stories, report)
    translate_information_pages(information_pages, report)
    return report

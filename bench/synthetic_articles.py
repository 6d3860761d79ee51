"""Loads many synthetic Arabic articles quickly, for benchmarks.

``load_synthetic_articles(count)`` inserts published ``ArticlePage`` rows in bulk (pages, then
the article rows, then their search entries) instead of calling ``add_child`` once per article,
which would take hours for 100,000. The demo newsroom must exist (``build_demo_content``); the
articles are spread over its sections and over the last ten years.
"""

import random
import uuid
from contextlib import suppress
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from wagtail.models import Page

from articles.models import ArticlePage, SectionPage
from search.indexing import BATCH_SIZE, folded, refresh_search_vectors
from search.models import ArticleSearchEntry

COMMON_WORDS = [
    "المغرب",
    "الحكومة",
    "الأمن",
    "الاقتصاد",
    "الوطني",
    "الإقليمي",
    "مكافحة",
    "الإرهاب",
    "التعاون",
    "الدولي",
    "الرباط",
    "الدار",
    "البيضاء",
    "وزارة",
    "الداخلية",
    "البرلمان",
    "الانتخابات",
    "المجتمع",
    "المدني",
    "التنمية",
    "المستدامة",
    "الاستثمار",
    "الفلاحة",
    "الصحة",
    "التعليم",
    "الجامعة",
    "الشباب",
    "الثقافة",
    "المهرجان",
    "السياحة",
    "الطاقة",
    "المتجددة",
    "الماء",
    "الجفاف",
    "الأمطار",
    "التضخم",
    "الأسعار",
    "البنك",
    "المركزي",
    "الميزانية",
    "الضرائب",
    "الصادرات",
    "الموانئ",
    "السكك",
    "الطريق",
    "السيار",
    "المستشفى",
    "القضاء",
    "المحكمة",
    "الشرطة",
    "الدرك",
    "الحدود",
    "الهجرة",
    "أفريقيا",
    "أوروبا",
    "الساحل",
    "الصحراء",
    "الجزائر",
    "فرنسا",
    "إسبانيا",
    "الاتحاد",
    "الأوروبي",
    "الأمم",
    "المتحدة",
    "مجلس",
    "الأمن",
    "القمة",
    "الاتفاقية",
    "الشراكة",
    "المفاوضات",
    "الرياضة",
    "المنتخب",
    "الملعب",
    "البطولة",
    "المدرب",
    "اللاعب",
    "الفوز",
    "الهزيمة",
    "المباراة",
    "الجمهور",
]
TASHKEEL = "\u064e\u064f\u0650\u0652"
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    invented = {"".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(size)}
    return COMMON_WORDS + sorted(invented)


class TextMaker:
    """Words drawn with a Zipf-like skew: a few very common words, a long tail of rare ones."""

    def __init__(self, vocabulary_seed: int, draw_seed: int):
        self.words = _vocabulary(random.Random(vocabulary_seed))
        self.rng = random.Random(draw_seed)
        self.weights = [1 / (rank + 1) for rank in range(len(self.words))]

    def words_of(self, count: int) -> str:
        words = self.rng.choices(self.words, weights=self.weights, k=count)
        if self.rng.random() < 0.2:  # some writers add tashkeel
            index = self.rng.randrange(len(words))
            words[index] = words[index] + self.rng.choice(TASHKEEL)
        if self.rng.random() < 0.3:
            words.append(str(self.rng.randint(1990, 2025)))
        return " ".join(words)

    def article(self) -> dict:
        return {
            "title": self.words_of(self.rng.randint(5, 10)),
            "standfirst": self.words_of(self.rng.randint(18, 30)),
            "paragraphs": [self.words_of(self.rng.randint(40, 80)) for _ in range(3)],
        }


def _body_stream(paragraphs: list[str]) -> list[dict]:
    return [
        {"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}
        for text in paragraphs
    ]


def _children(section: SectionPage):
    # Straight from the table: treebeard's get_children() trusts numchild, which bulk
    # inserts do not maintain until the end of a batch.
    return Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)


def _next_step(section: SectionPage) -> int:
    last = _children(section).order_by("-path").first()
    return Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1


def _insert_article_rows(articles: list[ArticlePage]) -> None:
    fields = ArticlePage._meta.local_concrete_fields
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(ArticlePage._meta.db_table)
    rows = [
        [field.get_db_prep_save(field.pre_save(article, True), connection) for field in fields]
        for article in articles
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608 -- names from the model's own fields


@transaction.atomic
def _load_batch(section, first_step, made, now, rng) -> list[int]:
    content_type = ContentType.objects.get_for_model(ArticlePage)
    depth = section.depth + 1
    pages, texts = [], []
    for offset, (number, text) in enumerate(made):
        published = now - timedelta(minutes=rng.randint(0, 60 * 24 * 3650))
        slug = f"bench-{number}"
        pages.append(
            Page(
                title=text["title"],
                draft_title=text["title"],
                slug=slug,
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                url_path=f"{section.url_path}{slug}/",
                locale_id=section.locale_id,
                path=Page._get_path(section.path, depth, first_step + offset),
                depth=depth,
                numchild=0,
                first_published_at=published,
                last_published_at=published,
            )
        )
        texts.append(text)
    Page.objects.bulk_create(pages)
    articles = []
    for page, text in zip(pages, texts, strict=True):
        article = ArticlePage(
            page_ptr_id=page.pk,
            standfirst=text["standfirst"],
            publication_date=page.first_published_at,
            body=_body_stream(text["paragraphs"]),
            listed_in_id=section.pk,
        )
        articles.append(article)
    _insert_article_rows(articles)
    entries = [
        ArticleSearchEntry(
            page_id=page.pk,
            language_code="ar",
            section_id=section.pk,
            publication_date=page.first_published_at,
            title=folded(text["title"]),
            standfirst=folded(text["standfirst"]),
            labels=folded(section.title),
            body=folded(*text["paragraphs"]),
            excerpt_source="\n".join(text["paragraphs"]),
        )
        for page, text in zip(pages, texts, strict=True)
    ]
    ArticleSearchEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
    refresh_search_vectors(page.pk for page in pages)
    Page.objects.filter(pk=section.pk).update(numchild=_children(section).count())
    return [page.pk for page in pages]


def load_synthetic_articles(count: int, *, seed: int = 7, batch_size: int = 2000) -> int:
    """Adds ``count`` published Arabic articles, spread over the demo sections; returns count."""
    sections = list(SectionPage.objects.filter(locale__language_code="ar").order_by("path"))
    if not sections:
        raise RuntimeError("Build the demo newsroom first (manage.py load_demo_content).")
    start = ArticlePage.objects.count()
    rng = random.Random(seed + start)
    maker = TextMaker(seed, seed + start)
    now = timezone.now()
    loaded = 0
    while loaded < count:
        size = min(batch_size, count - loaded)
        section = sections[(start + loaded) // batch_size % len(sections)]
        section.refresh_from_db()
        made = [(start + loaded + index, maker.article()) for index in range(size)]
        _load_batch(section, _next_step(section), made, now, rng)
        loaded += size
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            if not connection.in_atomic_block:
                # Each entry was written twice (its vectors are set after the insert): vacuum
                # the old versions away, as autovacuum would soon, so timings do not vary.
                table = connection.ops.quote_name(ArticleSearchEntry._meta.db_table)
                cursor.execute(f"VACUUM {table}")
                # Write the load's pages out now rather than during the measurements that
                # follow (a checkpoint needs a superuser: without one, PostgreSQL's own).
                with suppress(DatabaseError):
                    cursor.execute("CHECKPOINT")
            cursor.execute("ANALYZE")
    return loaded

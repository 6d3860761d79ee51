"""Factories for test data: pages are added to the tree and published like an editor would."""

from datetime import timedelta
from io import BytesIO

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.signal_handlers import disable_reference_index_auto_update

from articles.models import ArticlePage, ArticlePageAuthor, Author, SectionPage


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"كاتب {n}")
    slug = factory.Sequence(lambda n: f"author-{n}")
    bio = "صحفي متخصص في الشؤون السياسية."


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.com")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def make_section(parent, title: str, slug: str) -> SectionPage:
    section = SectionPage(title=title, slug=slug, show_in_menus=True)
    parent.add_child(instance=section)
    section.save_revision().publish()
    return section


def make_article(
    section: SectionPage,
    *,
    title: str = "مقال تجريبي",
    slug: str | None = None,
    standfirst: str = "مقدمة المقال.",
    body=None,
    authors=(),
    publication_date=None,
    publish: bool = True,
    **fields,
) -> ArticlePage:
    """An article under ``section``, published (with a revision) unless ``publish`` is false."""
    counter = ArticlePage.objects.count() + 1
    article = ArticlePage(
        title=title,
        slug=slug or f"article-{counter}",
        standfirst=standfirst,
        body=body
        if body is not None
        else [
            {
                "type": "headed_section",
                "value": {
                    "heading": "قسم أول",
                    "unnumbered": False,
                    "content": [{"type": "paragraph", "value": "<p>نص الفقرة.</p>"}],
                },
            }
        ],
        publication_date=publication_date or timezone.now(),
        live=publish,
        **fields,
    )
    article.article_authors = [ArticlePageAuthor(author=author) for author in authors]
    section.add_child(instance=article)
    revision = article.save_revision()
    if publish:
        revision.publish()
    article.refresh_from_db()
    return article


def make_image(title: str = "صورة", width: int = 1600, height: int = 900):
    """An uploaded image (a generated PNG) in Wagtail's image library."""
    from django.core.files.images import ImageFile
    from PIL import Image, ImageDraw
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    # A flushed database (transactional tests) has lost the root collection the migration made.
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    picture = Image.new("RGB", (width, height), (32, 84, 122))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, height * 2 // 3, width, height), fill=(214, 170, 96))  # sand under sky
    draw.ellipse((width // 8, height // 8, width // 4, height // 4 + width // 8), fill="#f4d35e")
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    file = ImageFile(BytesIO(buffer.getvalue()), name="picture.png")
    return get_image_model().objects.create(title=title, file=file, collection=collection)


def add_listed_articles(section, count, *, authors=(), tags=(), image=None, start=None):
    """``count`` published articles, one hour apart, oldest first: quick, for listing tests.

    Wagtail's reference index (what the admin's "usage" counts read) is not updated for them:
    no listing reads it, and it was about a third of what making an article cost.
    """
    start = start or timezone.now() - timedelta(hours=count + 1)
    articles = []
    with disable_reference_index_auto_update():
        for index in range(count):
            article = make_article(
                section,
                title=f"خبر رقم {index}",
                authors=authors,
                publication_date=start + timedelta(hours=index),
                lead_image=image,
            )
            if tags:
                article.tags.add(*tags)
                article.save()
            articles.append(article)
    return articles

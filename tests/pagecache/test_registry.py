"""One registry names every value kept under the cache generation; values are plain data."""

import ast
import pickle
import re
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.template import Context, Template
from django.utils import translation

from core.navigation import live_ancestors
from pagecache import generational
from pagecache.registry import REGISTRY, TOPICS, UnregisteredValue, cached_value
from tests.factories import make_article
from tests.html import soup_of

PROJECT = Path(settings.BASE_DIR)
APPS = ["articles", "comments", "config", "core", "demo", "home", "newsroom", "pagecache",
        "search", "translations"]  # fmt: skip
# The only modules that may read the generation and build keys with it.
GENERATION_MODULES = {"pagecache/store.py", "pagecache/registry.py"}


def project_modules():
    for app in APPS:
        for path in sorted((PROJECT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path.relative_to(PROJECT).as_posix(), ast.parse(path.read_text())


def literal_calls(tree, function_names):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            called = getattr(node.func, "id", getattr(node.func, "attr", None))
            if called in function_names and node.args and isinstance(node.args[0], ast.Constant):
                yield called, node.args[0].value


def template_fragments():
    for path in sorted((PROJECT / "templates").rglob("*.html")):
        for name in re.findall(r'{%\s*fragment\s+"([^"]+)"', path.read_text()):
            yield path.relative_to(PROJECT).as_posix(), name


def test_every_entry_says_who_owns_it_what_it_holds_and_what_it_shows():
    for name, entry in REGISTRY.items():
        assert entry.name == name
        assert entry.holds.strip(), name
        assert entry.depends_on and set(entry.depends_on) <= TOPICS, name
        if entry.owner.startswith("templates/"):
            assert list(PROJECT.glob(entry.owner)), f"{name}: no template {entry.owner}"
        else:
            import_module(entry.owner)


def test_every_change_that_starts_a_generation_names_a_known_topic():
    from pagecache.signals import MODEL_TOPICS

    assert set(settings.PAGE_CACHE_INVALIDATING_MODELS) <= set(MODEL_TOPICS)
    assert set(MODEL_TOPICS.values()) <= TOPICS


def test_no_code_reads_the_generation_or_keys_a_value_outside_the_registry():
    for module, tree in project_modules():
        if module in GENERATION_MODULES:
            continue
        names = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
        }
        used = {
            getattr(node, "id", getattr(node, "attr", None))
            for node in ast.walk(tree)
            if isinstance(node, ast.Name | ast.Attribute)
        }
        for forbidden in ("current_generation", "GENERATION_KEY", "generation_key"):
            assert forbidden not in names | used, f"{module} uses {forbidden}"
        for called, name in literal_calls(tree, {"cached_value", "cached_fragment"}):
            full = name if called == "cached_value" else f"fragment:{name}"
            assert full in REGISTRY, f"{module} caches {full!r}, which the registry does not list"


def test_every_fragment_a_template_draws_is_listed():
    found = list(template_fragments())
    assert len(found) >= 10
    for template, name in found:
        assert f"fragment:{name}" in REGISTRY, f"{template}: fragment {name!r} is not listed"


def test_every_listed_value_is_used_by_its_owner():
    fragments = {name for _, name in template_fragments()}
    used = {
        name if called == "cached_value" else f"fragment:{name}"
        for _, tree in project_modules()
        for called, name in literal_calls(tree, {"cached_value", "cached_fragment"})
    }
    for name in REGISTRY:
        if name.startswith("fragment:") and name.removeprefix("fragment:") in fragments:
            continue
        assert name in used, f"{name} is listed but nothing caches it"


def test_an_unlisted_value_or_fragment_is_refused():
    with pytest.raises(UnregisteredValue):
        cached_value("my-new-list")
    template = Template('{% load fragment_cache %}{% fragment "sidebar" 1 %}x{% endfragment %}')
    from django.test import RequestFactory

    with pytest.raises(UnregisteredValue):
        template.render(Context({"request": RequestFactory().get("/ar/")}))


def test_a_model_instance_is_refused_by_the_cache(db, demo_site):
    with pytest.raises(TypeError, match="plain data"):
        cached_value("site-chrome").get_or_compute(1, compute=lambda: [demo_site["politics"]])


@pytest.mark.django_db
def test_no_cached_value_is_a_model_instance_after_reading_every_kind_of_page(
    client, demo_site, settings
):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_CHECK_VALUES = False  # look at what was stored, not at the guard
    article = demo_site["article"]
    article.breaking_news = True
    article.save_revision().publish()
    urls = [demo_site["home"].url, demo_site["politics"].url, article.url, "/fr/", "/ar/feed/"]
    for url in urls:
        assert client.get(url).status_code == 200
    stored = caches["default"]._cache  # the test cache keeps pickled values in a dict
    values = [pickle.loads(value) for value in stored.values()]  # noqa: S301 -- our own cache
    assert len(values) > 10
    assert all(generational.is_plain(value) for value in values)


@pytest.mark.django_db
def test_each_request_gets_its_own_page_objects(rf, demo_site):
    article = demo_site["article"]
    first = live_ancestors(article)
    second = live_ancestors(type(article).objects.get(pk=article.pk))
    assert [page.pk for page in first] == [page.pk for page in second]
    assert not {id(page) for page in first} & {id(page) for page in second}
    first[0].title = "written by one request"
    assert live_ancestors(type(article).objects.get(pk=article.pk))[0].title != first[0].title
    home = demo_site["home"]
    with translation.override("fr"):
        french = home.localized
        assert french.locale.language_code == "fr"
        assert home.localized is not french  # rebuilt for each request, never shared


@pytest.mark.django_db
def test_reading_onward_is_computed_once_and_only_when_drawn(client, demo_site, monkeypatch):
    from articles.models import ArticlePage

    calls = []
    real = ArticlePage.related_articles

    def counting(self):
        calls.append(self.pk)
        return real(self)

    monkeypatch.setattr(ArticlePage, "related_articles", counting)
    article = demo_site["article"]
    newer = make_article(demo_site["politics"], title="مقال للقراءة بعده")
    for _ in range(3):
        page = soup_of(client.get(article.url))
        assert page.select_one(".article-pager__link--next")["href"] == newer.url
    assert calls == [article.pk]  # drawn once into its fragment, then served from it

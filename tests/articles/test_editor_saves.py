"""Issue 13, item 12: the editor's saves on SQLite, where the autosave met "database is locked".

The failed autosave left a page with no content holding the slug, and the writer's real save
was then refused with a garbled message. SQLite now waits for a writer instead of failing, an
admin write is whole or not at all (a passing lock is retried unseen), and the message reads.
"""

import threading

import pytest
from django.db import OperationalError, connections
from django.urls import reverse
from wagtail.models import Page

from articles.models import ArticlePage
from tests.articles.test_admin_editing import seed_article_form_data
from tests.html import soup_of


@pytest.fixture
def sqlite_file(settings, tmp_path, django_db_blocker):
    """A SQLite database file opened with the site's options, as `make run` opens db.sqlite3."""
    alias = "sqlite_probe"
    connections.settings[alias] = {
        **connections.settings["default"],
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(tmp_path / "probe.sqlite3"),
        "OPTIONS": settings.SQLITE_OPTIONS,
        "TEST": {},
    }
    with django_db_blocker.unblock():
        with connections[alias].cursor() as cursor:
            cursor.execute("CREATE TABLE note (text TEXT)")
        connections[alias].close()
        yield alias
        connections[alias].close()
    del connections[alias]
    del connections.settings[alias]


def test_sqlite_keeps_a_write_ahead_log_and_waits_for_writers(sqlite_file):
    with connections[sqlite_file].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 20_000


def test_two_writers_take_turns_instead_of_one_failing(sqlite_file):
    """A transaction that read, then writes after another writer committed, used to fail at
    once with "database is locked" (SQLite cannot wait there: it would deadlock)."""
    from django.db import transaction

    read_done, errors = threading.Event(), []

    def other_writer():
        try:
            read_done.wait(5)
            with connections[sqlite_file].cursor() as cursor:
                cursor.execute("INSERT INTO note VALUES ('image thumbnail')")
        except Exception as error:
            errors.append(error)
        finally:
            connections[sqlite_file].close()

    thread = threading.Thread(target=other_writer)
    thread.start()
    try:
        with transaction.atomic(using=sqlite_file), connections[sqlite_file].cursor() as cursor:
            cursor.execute("SELECT count(*) FROM note")
            read_done.set()
            thread.join(0.5)  # the other writer tries while this transaction is open
            cursor.execute("INSERT INTO note VALUES ('autosave')")
    finally:
        thread.join(10)
    assert errors == []
    with connections[sqlite_file].cursor() as cursor:
        cursor.execute("SELECT text FROM note ORDER BY text")
        assert [row[0] for row in cursor.fetchall()] == ["autosave", "image thumbnail"]


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("autosave-editor", "a@example.com", "pw")
    client.force_login(user)
    return client


def add_url(section):
    return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))


def autosave(client, section, slug):
    """What the editor's autosave sends: the create form, asking for JSON."""
    return client.post(
        add_url(section), seed_article_form_data(slug=slug), HTTP_ACCEPT="application/json"
    )


def busy_database(times):
    """save_revision failing ``times`` times as when the image chooser held the database."""
    real = Page.save_revision
    calls = {"count": 0}

    def save_revision(self, *args, **kwargs):
        calls["count"] += 1
        if calls["count"] <= times:
            raise OperationalError("database is locked")
        return real(self, *args, **kwargs)

    return save_revision


@pytest.mark.django_db
def test_a_passing_lock_during_autosave_is_waited_out_unseen(editor_client, demo_site, monkeypatch):
    monkeypatch.setattr("core.admin_writes.FIRST_WAIT_SECONDS", 0)
    monkeypatch.setattr(Page, "save_revision", busy_database(times=2))
    response = autosave(editor_client, demo_site["politics"], "autosaved-article")
    assert response.status_code == 200
    assert response.json()["success"] is True
    article = ArticlePage.objects.get(slug="autosaved-article", locale=demo_site["home"].locale)
    assert article.revisions.count() == 1


@pytest.mark.django_db
def test_a_failed_autosave_leaves_no_half_created_page(editor_client, demo_site, monkeypatch):
    section = demo_site["politics"]
    monkeypatch.setattr("core.admin_writes.FIRST_WAIT_SECONDS", 0)
    monkeypatch.setattr(Page, "save_revision", busy_database(times=100))
    editor_client.raise_request_exception = False
    response = autosave(editor_client, section, "held-slug")
    assert response.status_code == 503  # "try again", never a 500
    assert not Page.objects.filter(slug="held-slug").exists()

    # The writer's real save then takes the slug.
    monkeypatch.undo()
    data = seed_article_form_data(slug="held-slug", **{"action-publish": "publish"})
    assert editor_client.post(add_url(section), data).status_code == 302
    assert ArticlePage.objects.get(slug="held-slug", locale=section.locale).live


TAKEN = "morocco-counter-terrorism-regional-security"
TAKEN_MESSAGES = {
    "ar": f"المعرّف في الرابط «{TAKEN}» مستخدم لصفحة أخرى في المكان نفسه. اختر معرّفاً آخر.",
    "fr": (
        f"L\u2019identifiant d\u2019URL « {TAKEN} » est déjà utilisé par une autre page "
        "au même endroit. Choisissez-en un autre."
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_a_taken_slug_is_explained_in_a_sentence_that_reads(editor_client, demo_site, language):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(get_user_model().objects.get(username="autosave-editor"))
    profile.preferred_language = language
    profile.save()
    data = seed_article_form_data(slug=demo_site["article"].slug)
    response = editor_client.post(add_url(demo_site["politics"]), data)
    assert response.status_code == 200
    field = soup_of(response).select_one("#id_slug").find_parent(attrs={"data-field": True})
    assert TAKEN_MESSAGES[language] in " ".join(str(field).split())

"""Every hostile input from the issue: a clear message, a 4xx, nothing typed lost, never a 500."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from articles.models import ArticlePage
from comments.models import CommentStatus, ReaderComment
from tests.comments.conftest import READER, form_on, make_comment, open_form, post_comment
from tests.factories import make_article
from tests.html import soup_of, text_of

REQUIRED = "هذا الحقل مطلوب."


def field_error(response, name):
    field = soup_of(response).select_one(f"[name={name}]").find_parent("p")
    return " ".join(text_of(error) for error in field.select(".comment-form__error"))


def kept_text(response):
    _, values = form_on(response)
    return values


@pytest.mark.django_db
def test_script_body_is_stored_as_text_and_shown_escaped(client, article, moderator):
    attack = "<script>alert(1)</script>"
    post_comment(client, article, body=attack, name="<b>x</b>")
    comment = ReaderComment.objects.get()
    assert comment.body == attack
    comment.status = CommentStatus.APPROVED
    comment.save()
    html = client.get(article.url).content.decode()
    assert attack not in html and "<b>x</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    client.force_login(moderator)
    for url in [
        reverse("wagtailsnippets_comments_readercomment:list"),
        reverse("wagtailsnippets_comments_readercomment:edit", args=[comment.pk]),
        reverse("wagtailsnippets_comments_readercomment:inspect", args=[comment.pk]),
        reverse("wagtailadmin_home"),
    ]:
        admin_html = client.get(url).content.decode()
        assert attack not in admin_html, url
        assert "<b>x</b>" not in admin_html, url


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "data:text/html,hi", "ftp://example.com/", "http://"]
)
def test_website_must_be_http_or_https(client, article, address):
    response = post_comment(client, article, url=address)
    assert response.status_code == 400
    assert "http://" in field_error(response, "url")
    assert kept_text(response)["body"].strip() == READER["body"]
    assert not ReaderComment.objects.exists()


@pytest.mark.django_db
def test_plain_web_address_becomes_https(client, article):
    post_comment(client, article, url="example.com")
    assert ReaderComment.objects.get().author_url == "https://example.com"


@pytest.mark.django_db
def test_body_of_a_megabyte_is_a_length_error(client, article):
    response = post_comment(client, article, body="ب" * 1_000_000)
    assert response.status_code == 400
    assert "5000" in field_error(response, "body")
    assert not ReaderComment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["name", "email", "body"])
@pytest.mark.parametrize("value", ["", "   \n\t  ", "\u200b\u200f\u2060"])
def test_empty_or_blank_required_fields_are_required(client, article, name, value):
    response = post_comment(client, article, **{name: value})
    assert response.status_code == 400
    assert REQUIRED in field_error(response, name) or "بريد" in field_error(response, name)
    assert not ReaderComment.objects.exists()


@pytest.mark.django_db
def test_missing_fields_are_required_too(client, article):
    action, values = open_form(client, article)
    response = client.post(action, {"ticket": values["ticket"]})
    assert response.status_code == 400
    for name in ["name", "email", "body"]:
        assert REQUIRED in field_error(response, name)


@pytest.mark.django_db
def test_name_with_line_breaks_never_reaches_a_mail_header(
    client, article, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, article, name="x\r\nBcc: victim@example.com")
    assert response.status_code == 303
    comment = ReaderComment.objects.get()
    assert "\n" not in comment.author_name and "\r" not in comment.author_name
    assert len(mail.outbox) == 1
    message = mail.outbox[0].message()
    assert "victim@example.com" not in str(message.get("Bcc", ""))
    assert all("victim" not in str(value) for value in message.values())
    assert "queue-moderator@example.com" in mail.outbox[0].recipients()


@pytest.mark.django_db
def test_direction_controls_are_stripped_from_name_and_body(client, article):
    post_comment(client, article, name="\u202eأحمد\u202c", body="نص \u202dمقلوب\u202c هنا")
    comment = ReaderComment.objects.get()
    assert comment.author_name == "أحمد"
    assert comment.body == "نص مقلوب هنا"


@pytest.mark.django_db
def test_name_of_only_direction_controls_is_required(client, article):
    response = post_comment(client, article, name="\u202e\u202d")
    assert response.status_code == 400
    assert REQUIRED in field_error(response, "name")


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["name", "email", "url", "body"])
def test_nul_byte_in_any_field_is_a_clear_error(client, article, name):
    value = {"name": "أحمد\x00", "email": "a\x00@example.com", "url": "https://e\x00.com"}
    response = post_comment(client, article, **{name: value.get(name, "نص\x00")})
    assert response.status_code == 400
    assert field_error(response, name)
    assert not ReaderComment.objects.exists()


@pytest.mark.django_db
def test_nul_byte_in_hidden_fields_and_headers_is_no_500(client, article):
    response = post_comment(
        client, article, parent="1\x00", headers={"HTTP_USER_AGENT": "bot\x00\x01"}
    )
    assert response.status_code == 400
    response = post_comment(client, article, ticket="x\x00", homepage="")
    assert response.status_code == 403


@pytest.mark.django_db
def test_unknown_or_unpublished_article_is_404(client, article, demo_site):
    _, values = open_form(client, article)
    values.update(READER)
    missing = reverse("comments:post", args=[999_999])
    assert client.post(missing, values).status_code == 404
    draft = make_article(demo_site["politics"], title="مسودة", publish=False)
    assert client.post(reverse("comments:post", args=[draft.pk]), values).status_code == 404
    section = reverse("comments:post", args=[demo_site["politics"].pk])
    assert client.post(section, values).status_code == 404
    assert not ReaderComment.objects.exists()


@pytest.mark.django_db
def test_comments_closed_is_403_with_a_message(client, article):
    action, values = open_form(client, article)
    ArticlePage.objects.filter(pk=article.pk).update(comments_open=False)
    values.update(READER)
    response = client.post(action, values)
    assert response.status_code == 403
    assert "التعليقات مغلقة" in text_of(soup_of(response))
    assert not ReaderComment.objects.exists()
    page = soup_of(client.get(article.url))
    assert page.select_one("[data-comment-form]") is None
    assert "التعليقات مغلقة" in text_of(page.select_one(".comments"))


@pytest.mark.django_db
@pytest.mark.parametrize("problem", ["other_article", "pending", "removed", "spam", "missing"])
def test_reply_to_an_unavailable_comment_is_400(client, article, demo_site, problem):
    if problem == "other_article":
        other = make_article(demo_site["politics"], title="مقال آخر")
        parent_id = make_comment(other).pk
    elif problem == "missing":
        parent_id = 123456
    else:
        parent_id = make_comment(article, status=problem).pk
    before = ReaderComment.objects.count()
    response = post_comment(client, article, parent=str(parent_id))
    assert response.status_code == 400
    assert "غير متاح" in text_of(soup_of(response))
    assert ReaderComment.objects.count() == before


@pytest.mark.django_db
def test_missing_or_forged_ticket_is_403_in_the_readers_language(client, article):
    for ticket in ["", "forged:ticket"]:
        response = post_comment(client, article, ticket=ticket)
        assert response.status_code == 403
        soup = soup_of(response)
        assert soup.find("html")["lang"] == "ar"
        assert "انتهت صلاحية هذا النموذج" in text_of(soup)
        assert kept_text(response)["body"].strip() == READER["body"]
    assert not ReaderComment.objects.exists()


@pytest.mark.django_db
def test_stale_ticket_is_403_and_the_new_form_works(client, article):
    response = post_comment(client, article, seconds_ago=3 * 24 * 3600)
    assert response.status_code == 403
    assert not ReaderComment.objects.exists()
    # The 403 page carries a fresh ticket: sending again works.
    action, values = form_on(response)
    with freeze_time(timezone.now() + timedelta(seconds=30)):
        assert client.post(action, values).status_code == 303
    assert ReaderComment.objects.count() == 1


@pytest.mark.django_db
def test_post_from_another_site_is_403(client, article):
    response = post_comment(client, article, headers={"HTTP_ORIGIN": "https://evil.example"})
    assert response.status_code == 403
    response = post_comment(client, article, headers={"HTTP_REFERER": "https://evil.example/page"})
    assert response.status_code == 403
    assert not ReaderComment.objects.exists()


@pytest.mark.django_db
def test_signed_in_reader_needs_the_per_reader_csrf_token(article, writer):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(writer)
    action, values = open_form(strict, article)
    assert values.get("csrfmiddlewaretoken")
    values.update(READER)
    without = {key: value for key, value in values.items() if key != "csrfmiddlewaretoken"}
    response = strict.post(action, without)
    assert response.status_code == 403
    assert "انتهت صلاحية هذا النموذج" in text_of(soup_of(response))
    assert not ReaderComment.objects.exists()
    assert strict.post(action, values).status_code == 303
    assert ReaderComment.objects.get().user == writer


@pytest.mark.django_db
@pytest.mark.parametrize(
    "robot_sign",
    [{"homepage": "http://spam.example"}, {"homepage": " سلمى "}, {"seconds_ago": 0}],
    ids=["trap-field-url", "trap-field-name", "too-fast"],
)
def test_a_post_that_looks_robotic_is_kept_as_spam_not_thrown_away(
    client, article, moderator, robot_sign
):
    """A person whose browser filled the trap field, or who sent at once, is rescuable."""
    response = post_comment(client, article, **robot_sign)
    assert response.status_code == 303
    assert "comment=pending" in response["Location"]
    comment = ReaderComment.objects.get()
    assert comment.status == CommentStatus.SPAM
    assert comment.body == READER["body"]
    assert comment.author_name == READER["name"]
    assert not mail.outbox  # moderators are not woken up for spam

    client.force_login(moderator)
    queue = client.get(reverse("wagtailsnippets_comments_readercomment:list") + "?status=spam")
    assert READER["body"] in text_of(soup_of(queue))


@pytest.mark.django_db
def test_same_comment_twice_is_one_row_and_a_clear_message(client, article):
    action, values = open_form(client, article)
    values.update(READER)
    assert client.post(action, values).status_code == 303
    values["body"] = "  " + READER["body"].replace(" ", "  ") + "\n"
    response = client.post(action, values)
    assert response.status_code == 409
    assert "سبق أن نشرت هذا التعليق" in text_of(soup_of(response))
    assert ReaderComment.objects.count() == 1


@pytest.mark.django_db
def test_hundred_posts_a_minute_from_one_address_get_429(client, article):
    action, values = open_form(client, article)
    # All within one clock minute, whatever the wall clock says.
    next_minute = timezone.now().replace(second=1, microsecond=0) + timedelta(minutes=1)
    with freeze_time(next_minute):
        statuses = []
        for number in range(100):
            values.update(READER, body=f"تعليق رقم {number}")
            statuses.append(client.post(action, values, REMOTE_ADDR="203.0.113.7"))
        codes = [response.status_code for response in statuses]
        assert codes[:5] == [303] * 5
        assert set(codes[5:]) == {429}
        assert int(statuses[5]["Retry-After"]) == 60
        assert "انتظار دقيقة" in text_of(soup_of(statuses[5]))
        assert ReaderComment.objects.count() == 5
        # Another reader is not affected.
        values.update(body="قارئ آخر")
        assert client.post(action, values, REMOTE_ADDR="198.51.100.1").status_code == 303


@pytest.mark.django_db
def test_behind_a_trusted_proxy_readers_are_told_apart_by_the_address_it_saw(
    client, article, settings
):
    """The login lockout's rule: X-Forwarded-For as far as our own proxies go, no further."""
    settings.TRUSTED_PROXY_COUNT = 1
    action, values = open_form(client, article)
    next_minute = timezone.now().replace(second=1, microsecond=0) + timedelta(minutes=1)
    with freeze_time(next_minute):
        codes = []
        for number in range(6):
            values.update(READER, body=f"تعليق رقم {number}")
            # The forged first hop changes each time; the proxy's own entry does not.
            forwarded = f"192.0.2.{number}, 203.0.113.7"
            response = client.post(
                action, values, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded
            )
            codes.append(response.status_code)
        assert codes == [303] * 5 + [429]
        values.update(body="قارئ آخر خلف الوكيل نفسه")
        response = client.post(
            action, values, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1"
        )
        assert response.status_code == 303
    assert ReaderComment.objects.get(body="قارئ آخر خلف الوكيل نفسه").ip_address == "198.51.100.1"
    assert {comment.ip_address for comment in ReaderComment.objects.all()} == {
        "203.0.113.7",
        "198.51.100.1",
    }


@pytest.mark.django_db
def test_forged_fields_are_ignored(client, article, demo_site, moderator):
    other = make_article(demo_site["politics"], title="مقال آخر")
    response = post_comment(
        client,
        article,
        status="approved",
        user=str(moderator.pk),
        created="2001-01-01T00:00:00Z",
        created_at="2001-01-01T00:00:00Z",
        ip="1.2.3.4",
        ip_address="1.2.3.4",
        page=str(other.pk),
        is_staff_reply="on",
        depth="0",
        headers={"REMOTE_ADDR": "192.0.2.9"},
    )
    assert response.status_code == 303
    comment = ReaderComment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert comment.user is None
    assert comment.page_id == article.pk
    assert comment.ip_address == "192.0.2.9"
    assert comment.created_at.year > 2001
    assert not comment.is_staff_reply


@pytest.mark.django_db
def test_get_on_the_post_address_is_405(client, article):
    assert client.get(reverse("comments:post", args=[article.pk])).status_code == 405


@pytest.mark.django_db
def test_links_on_the_error_page_lead_back_to_the_article(client, article):
    comment = make_comment(article)
    response = post_comment(client, article, body="")
    reply_link = soup_of(response).select_one(f"#comment-{comment.pk} .comment__reply")["href"]
    assert reply_link.startswith(article.url + "?")
    assert client.get(reply_link.split("#")[0]).status_code == 200


@pytest.mark.parametrize(
    ("form_field", "column"),
    [("name", "author_name"), ("email", "author_email"), ("url", "author_url"), ("body", "body")],
)
def test_the_form_allows_no_more_than_the_column_holds(form_field, column, article):
    """SQLite stores anything; PostgreSQL refuses what is too long: they must agree."""
    from comments.forms import ReaderCommentForm

    allowed = ReaderCommentForm(page=article).fields[form_field].max_length
    assert allowed == ReaderComment._meta.get_field(column).max_length

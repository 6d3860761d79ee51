"""Done-when 1 in Chromium: a reader without JavaScript comments, a moderator approves it in the
admin, it appears; the reader replies through the reply link, and the reply nests under it."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from comments.models import ReaderComment
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"
# The form refuses anything sent faster than a person types (3 seconds by default).
TYPING_PAUSE_MS = 3200


@pytest.fixture
def live_moderator(live_demo_site):
    from tests.comments.conftest import moderators_group

    user = UserFactory(username="live-moderator", email="live-moderator@example.com")
    user.groups.add(moderators_group())
    return user


def approve_in_admin(page, base_url, comment):
    page.goto(
        base_url
        + reverse("wagtail_bulk_action", args=["comments", "readercomment", "approve"])
        + f"?id={comment.pk}&next=/admin/"
    )
    page.get_by_role("button", name="نعم").click()
    expect(page.get_by_text("تمت الموافقة على تعليق واحد.")).to_be_visible()


def write_comment(page, *, name, email, body):
    page.get_by_label("التعليق").fill(body)
    page.get_by_label("الاسم").fill(name)
    page.get_by_label("البريد الإلكتروني").fill(email)
    page.wait_for_timeout(TYPING_PAUSE_MS)
    page.get_by_role("button", name="إرسال التعليق").click()


def test_post_approve_show_and_reply_without_javascript(
    live_demo_site, live_moderator, open_page, screenshot
):
    base_url = live_demo_site["base_url"]
    article_url = base_url + live_demo_site["article"].url

    moderator = open_page(width=1280, locale="ar")
    moderator.goto(base_url + reverse("wagtailadmin_login"))
    moderator.locator("#id_username").fill("live-moderator")
    moderator.locator("#id_password").fill(PASSWORD)
    moderator.locator("form button[type=submit]").click()
    moderator.wait_for_url(base_url + reverse("wagtailadmin_home"))

    reader = open_page(width=375, java_script_enabled=False)
    reader.goto(article_url)
    expect(reader.get_by_role("heading", name="أضف تعليقاً")).to_be_visible()
    expect(reader.get_by_text("لن يتم نشر عنوان بريدك الإلكتروني")).to_be_visible()
    write_comment(reader, name="سلمى", email="salma@example.com", body="تحليل دقيق، شكراً للكاتب.")
    expect(reader.get_by_role("status")).to_contain_text("بانتظار المراجعة")
    expect(reader.locator(".comment")).to_have_count(0)
    comment = ReaderComment.objects.get()

    approve_in_admin(moderator, base_url, comment)

    reader.goto(article_url)
    shown = reader.locator(f"#comment-{comment.pk}")
    expect(shown).to_contain_text("تحليل دقيق، شكراً للكاتب.")
    expect(reader.locator(".article__comment-count")).to_have_text("تعليق واحد")
    assert "salma@example.com" not in reader.content()

    shown.get_by_role("link", name="رد").click()
    expect(reader.get_by_role("heading", name="رد على سلمى")).to_be_visible()
    write_comment(reader, name="يوسف", email="youssef@example.com", body="أوافقك الرأي.")
    expect(reader.get_by_role("status")).to_contain_text("بانتظار المراجعة")
    reply = ReaderComment.objects.get(parent=comment)

    approve_in_admin(moderator, base_url, reply)

    reader.goto(article_url)
    nested = reader.locator(
        f"#comment-{comment.pk} > ol.comment-list--replies > #comment-{reply.pk}"
    )
    expect(nested).to_contain_text("أوافقك الرأي.")
    expect(reader.locator(".article__comment-count")).to_have_text("تعليقان")
    # Replies are indented towards the inline end: in Arabic, further from the right edge.
    parent_box = shown.locator(":scope > article").bounding_box()
    reply_box = nested.locator(":scope > article").bounding_box()
    assert reply_box["x"] + reply_box["width"] < parent_box["x"] + parent_box["width"]
    assert reader.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(reader, "comments-threaded-375")


def test_with_javascript_the_form_remembers_the_reader_and_moves_under_a_reply(
    live_demo_site, open_page
):
    base_url = live_demo_site["base_url"]
    article = live_demo_site["article"]
    parent = ReaderComment.objects.create(
        page=article,
        author_name="ليلى",
        author_email="leila@example.com",
        body="سؤال",
        status="approved",
    )
    page = open_page(width=1280)
    page.goto(base_url + article.url)
    page.locator("#id_remember").check()
    write_comment(page, name="سلمى", email="salma@example.com", body="تعليق أول")
    expect(page.get_by_role("status")).to_contain_text("بانتظار المراجعة")

    page.goto(base_url + article.url)
    expect(page.locator("#id_name")).to_have_value("سلمى")
    expect(page.locator("#id_email")).to_have_value("salma@example.com")

    page.locator(f"#comment-{parent.pk} .comment__reply").click()
    form = page.locator(f"#comment-{parent.pk} [data-comment-form]")
    expect(form).to_be_visible()
    expect(page.locator("#id_parent")).to_have_value(str(parent.pk))
    page.get_by_label("التعليق").fill("جواب")
    page.wait_for_timeout(TYPING_PAUSE_MS)
    page.get_by_role("button", name="إرسال التعليق").click()
    expect(page.get_by_role("status")).to_contain_text("بانتظار المراجعة")
    assert ReaderComment.objects.get(body="جواب").parent_id == parent.pk

    # Another reader of the same (cacheable) page sees none of it.
    stranger = open_page(width=1280)
    stranger.goto(base_url + article.url)
    expect(stranger.locator("#id_name")).to_have_value("")

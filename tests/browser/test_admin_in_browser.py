"""The Wagtail admin under its own Content-Security-Policy: it still works, with no violation."""

from urllib.parse import urlsplit

from tests.browser.test_reader_pages import RECORD_CSP_VIOLATIONS


def test_an_editor_logs_in_and_opens_the_article_editor_without_csp_violations(
    live_demo_site, open_page, django_user_model
):
    django_user_model.objects.create_superuser("editor", "editor@example.com", "a-long-pass-phrase")
    base_url = live_demo_site["base_url"]
    page = open_page(width=1280)
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    requests = []
    page.on("request", lambda request: requests.append(request.url))

    page.goto(base_url + "/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "a-long-pass-phrase")
    page.press("input[name=password]", "Enter")
    page.wait_for_url(base_url + "/admin/")

    page.goto(base_url + f"/admin/pages/{live_demo_site['article'].pk}/edit/")
    page.wait_for_load_state("networkidle")
    title = page.locator("#id_title")
    assert title.input_value() == live_demo_site["article"].title
    # The editor's own scripts ran: the block editor drew the body's blocks.
    page.locator("[data-streamfield-stream-container]").first.wait_for(state="visible")

    assert page.evaluate("window.__cspViolations") == []
    own_host = urlsplit(base_url).netloc
    assert [url for url in requests if urlsplit(url).netloc != own_host] == []

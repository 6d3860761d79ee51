"""Post HTML becomes typed blocks; nothing harmful reaches a reader; what is dropped is counted."""

import json

import pytest

from articles.models import ArticlePage
from tests.html import soup_of
from tests.wordpress_import.conftest import import_file
from wordpress_import.content import Converter

pytestmark = pytest.mark.django_db


def blocks_of(page):
    return json.loads(json.dumps(list(page.body.raw_data)))


def without_ids(value):
    """The stream's raw data as the importer wrote it: block ids and list-item wrappers off."""
    if isinstance(value, dict) and value.get("type") == "item" and "value" in value:
        return without_ids(value["value"])
    if isinstance(value, dict):
        return {k: without_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [without_ids(v) for v in value]
    return value


def test_gutenberg_blocks_become_sections_sub_headings_lists_quotes_tables_and_embeds(
    demo_site, client, tmp_path
):
    report_file = tmp_path / "report.json"
    import_file("gutenberg-blocks.xml", report=report_file)
    page = ArticlePage.objects.get(title="خبر بالمحرر الجديد")
    body = without_ids(blocks_of(page))

    assert page.standfirst == "مقدمة الخبر مع رابط."
    assert [b["type"] for b in body] == ["headed_section"] * 3
    first, second, last = (b["value"] for b in body)
    assert (
        first["heading"] == "الخلفية" and not first["unnumbered"]
    )  # the Arabic-Indic "1- " dropped
    assert second["heading"] == "الأرقام" and not second["unnumbered"]  # "2) " dropped
    assert last["heading"] == "خاتمة" and last["unnumbered"]
    assert page.number_sections
    kinds = [block["type"] for block in first["content"]]
    assert kinds == ["paragraph", "sub_heading", "bullet_list", "quote"]
    assert first["content"][1]["value"] == {"level": "h3", "text": "تفاصيل إضافية"}
    assert first["content"][2]["value"] == {
        "ordered": True,
        "items": [{"lead": "أولاً", "text": "البند الأول"}, {"lead": "", "text": "البند الثاني"}],
    }
    assert first["content"][3]["value"] == {
        "text": "الأمن مسؤولية مشتركة.",
        "attribution": "وزير الداخلية",
    }
    table, embed = second["content"][:2]
    assert table["value"] == {
        "caption": "الخلايا المفككة",
        "first_row_is_header": True,
        "rows": [["السنة", "الخلايا"], ["2023", "12"]],
    }
    assert embed["value"]["url"] == "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    # A link to the old site becomes a path, which its redirect answers.
    assert '<a href="/2024/05/post-10/">خبر سابق</a>' in last["content"][0]["value"]

    html = client.get(page.url).content.decode()
    for harmful in ("<script>alert", "steal()", "javascript:", "data:image", "ads.example.net",
                    "display:none"):  # fmt: skip
        assert harmful not in html
    soup = soup_of(client.get(page.url))
    assert soup.select_one(".article__body h3.article-sub-heading").get_text() == "تفاصيل إضافية"
    assert soup.select_one(".article-table th").get_text() == "السنة"
    player = soup.select_one("[data-embed]")
    assert player["data-embed"].startswith("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ")
    assert not soup.select(".article__body iframe")  # nothing loads until the reader clicks

    report = json.loads(report_file.read_text(encoding="utf-8"))
    warning = next(w for w in report["warnings"] if w["wp_id"] == 30)
    assert warning["page_id"] == page.pk
    assert warning["dropped"] == {
        "onclick attribute": 1,
        "<script>": 1,
        "<style>": 1,
        "<iframe> from ads.example.net": 1,
        "javascript: address": 1,
        "data: address": 1,
    }


def test_cdata_with_an_escaped_end_marker_backslashes_and_quotes_come_through_exactly(demo_site):
    import_file("gutenberg-blocks.xml")
    page = ArticlePage.objects.get(slug="cdata-and-backslashes")
    assert page.title == 'عنوان \\o/ و a \\"great\\" category'
    assert page.standfirst == "الرمز ]]> يبقى كما هو، و\\o/ كذلك."


def test_classic_content_paragraphs_shortcodes_and_embeds(demo_site, uploads, tmp_path):
    report_file = tmp_path / "report.json"
    import_file("classic-shortcodes-and-embeds.xml", uploads=uploads, report=report_file)
    page = ArticlePage.objects.get(title="خبر بالمحرر الكلاسيكي")
    first, second = (b["value"] for b in without_ids(blocks_of(page)))
    assert page.standfirst == "مقدمة الخبر في سطر."
    assert first["heading"] == "القسم الأول"
    content = first["content"]
    # autop: a blank line ends a paragraph, a single newline is a line break.
    assert content[0] == {
        "type": "paragraph",
        "value": "<p>سطر أول<br/>سطر ثان في الفقرة نفسها</p>",
    }
    assert content[1] == {"type": "paragraph", "value": "<p>فقرة ثانية بعد سطر فارغ.</p>"}
    assert content[2] == {
        "type": "embed",
        "value": {"url": "https://vimeo.com/76979871", "caption": ""},
    }
    assert content[3]["value"]["url"] == "https://x.com/akhbar/status/1234567890"
    image = content[4]["value"]
    assert image["caption"] == "تعليق الصورة" and image["alt_text"] == "منظر من الرباط"
    gallery = list(content[5:7])
    assert [block["type"] for block in gallery] == ["image", "image"]
    assert (
        gallery[0]["value"]["image"] == gallery[1]["value"]["image"]
    )  # the same file is one image
    assert content[7]["value"]["url"] == "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    assert second["content"][0] == {
        "type": "quote",
        "value": {"text": "اقتباس قصير", "attribution": ""},
    }
    assert page.lead_image_id == image["image"]
    assert page.lead_image_alt_text == "منظر من الرباط"
    assert page.lead_image_caption == "تعليق من المرفق"
    report = json.loads(report_file.read_text(encoding="utf-8"))
    warning = next(w for w in report["warnings"] if w["wp_id"] == 40)
    assert warning["unknown"] == {"[contact-form-7]": 1}


def test_html_that_is_not_well_formed_still_becomes_blocks(demo_site, client, tmp_path):
    report_file = tmp_path / "report.json"
    import_file("malformed-html.xml", report=report_file)
    page = ArticlePage.objects.get(title="محتوى غير سليم")
    section = without_ids(blocks_of(page))[0]["value"]
    kinds = [block["type"] for block in section["content"]]
    assert kinds == ["paragraph", "paragraph", "bullet_list", "quote"]
    nested = section["content"][2]["value"]["items"]
    assert [item["text"] for item in nested] == ["1", "2", "3", "4", "5"]  # five deep, flattened
    assert section["content"][3]["value"]["text"] == "• بند في جدول في اقتباس"
    assert client.get(page.url).status_code == 200
    report = json.loads(report_file.read_text(encoding="utf-8"))
    notes = next(w for w in report["warnings"] if w["wp_id"] == 75)["messages"]
    assert any("not well formed" in note for note in notes)
    assert "nested list flattened (depth 5)" in notes


@pytest.mark.parametrize(
    "html",
    [
        '<a href="javascript:alert(1)">x</a>',
        '<a href=" JaVa\tScRiPt:alert(1)">x</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
        '<img src="x" onerror="alert(1)">',
        "<svg><script>alert(1)</script></svg>",
        '<iframe src="https://evil.example/"></iframe>',
        "<style>@import url(https://evil.example/x.css)</style>",
    ],
)
def test_nothing_harmful_survives_conversion(html):
    converted = Converter(site_hosts=set(), resolve_image=lambda *a: None).convert(
        f"<h2>قسم</h2><p>نص {html}</p>"
    )
    stored = json.dumps(converted.body).lower()
    for marker in ("javascript", "data:", "onerror", "<script", "evil.example", "<svg", "@import"):
        assert marker not in stored
    assert converted.report.dropped or converted.report.notes

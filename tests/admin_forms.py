"""The article editor's form as the admin posts it, for tests that act as an editor would."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data


def article_form(**fields):
    """Every field of the article editor, empty or at its default, then ``fields`` on top."""
    data = {
        "article_authors": inline_formset([]),
        "tags": "",
        "comments_open": "on",
        "number_sections": "on",
        "lead_image_alt_text": "",
        "lead_image_caption": "",
        "lead_image_credit": "",
        "publication_date": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(fields)
    return nested_form_data(data)

"""WordPress pages become information pages under the home page, in their parent/child order."""

import pytest

from home.models import InformationPage
from tests.html import soup_of
from tests.wordpress_import.conftest import import_file

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("without_demo_information_pages")
def test_pages_keep_their_parents_order_and_blocks(demo_site, client):
    import_file("information-pages.xml")
    home = demo_site["home"]
    about = InformationPage.objects.get(slug="about")
    contact = InformationPage.objects.get(slug="contact")
    privacy = InformationPage.objects.get(slug="privacy")
    assert about.get_parent().pk == home.pk and privacy.get_parent().pk == home.pk
    assert contact.get_parent().pk == about.pk  # its parent came after it in the file
    siblings = list(InformationPage.objects.child_of(home).values_list("slug", flat=True))
    assert siblings.index("about") < siblings.index("privacy")  # menu order
    assert about.live and about.body[0].block_type == "headed_section"
    soup = soup_of(client.get(about.url))
    assert soup.find("h1").get_text(strip=True) == "من نحن"
    assert "الاستقلال:" in soup.get_text() and "صحافة مستقلة." in soup.get_text()
    assert "نحترم خصوصيتكم." in soup_of(client.get(privacy.url)).get_text()
    assert client.get("/about/contact/").status_code == 301

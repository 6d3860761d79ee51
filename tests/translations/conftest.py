import pytest
from wagtail.models import Locale, Page


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.com", "pw")
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def french_article(demo_site):
    """The demo's French translation of the seed article."""
    return Page.objects.get(
        translation_key=demo_site["article"].translation_key,
        locale=Locale.objects.get(language_code="fr"),
    ).specific

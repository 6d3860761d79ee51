"""newsroom/apps.py replaces ``Group.__str__`` so role names read in the user's language, and
newsroom/views.py swaps Wagtail's group listing for one that names groups with ``str``."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from newsroom.roles import WRITERS
from tests.html import soup_of, text_of

pytestmark = pytest.mark.django_db


def test_wagtails_user_form_and_group_listing_show_translated_role_names(client, django_user_model):
    from wagtail.users.forms import UserCreationForm

    writers = Group.objects.get(name=WRITERS)
    with translation.override("ar"):
        arabic = str(writers)
        labels = [str(label) for _, label in UserCreationForm().fields["groups"].choices]
    assert arabic != WRITERS
    assert arabic in labels, "Wagtail's user form no longer labels groups with str()"

    client.force_login(django_user_model.objects.create_superuser("chief", "c@example.com", "pw"))
    listing = soup_of(client.get(reverse("wagtailusers_groups:index")))
    names = [text_of(cell) for cell in listing.select("table tbody td:first-child")]
    assert any(arabic in name for name in names), (
        "the group listing is Wagtail's own again: revisit newsroom/views.py (docs/upgrading.md)"
    )

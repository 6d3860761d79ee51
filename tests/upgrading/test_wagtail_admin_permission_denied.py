"""newsroom/apps.py replaces ``wagtail.admin.auth.permission_denied`` to answer 403."""

import pytest
from django.test import RequestFactory
from wagtail.admin import auth

from newsroom.access import refuse_with_403

pytestmark = pytest.mark.django_db


def test_wagtails_refusals_go_through_our_403(django_user_model):
    assert auth.permission_denied is refuse_with_403
    request = RequestFactory().get("/admin/somewhere/")
    request.user = django_user_model.objects.create_user("w", "w@example.com", "pw")

    @auth.user_passes_test(lambda user: False)
    def view(request):
        raise AssertionError("the view must not run")

    response = view(request)
    assert response.status_code == 403, (
        "Wagtail's permission checks no longer call auth.permission_denied: refused editors "
        "get a redirect again (docs/upgrading.md)"
    )

"""Admin sign-in locks after ten failures and opens again after the cool-off (Done when 8)."""

from datetime import datetime, timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from tests.html import soup_of, text_of

PASSWORD = "correct horse battery staple"
START = timezone.make_aware(datetime(2026, 5, 4, 9, 0))
ATTACKER = "203.0.113.7"
OFFICE = "198.51.100.20"


def sign_in(client, username, password, address=ATTACKER, **headers):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def signed_in(response) -> bool:
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


@pytest.mark.django_db
def test_ten_failures_lock_the_account_from_that_address_until_the_cool_off_ends(
    client, section_editor
):
    assert settings.AXES_FAILURE_LIMIT == 10
    with freeze_time(START) as clock:
        for _attempt in range(9):
            assert sign_in(client, "karim", "wrong password").status_code == 200
        tenth = sign_in(client, "karim", "wrong password")
        assert tenth.status_code == 429

        clock.tick(timedelta(minutes=1))
        locked = sign_in(client, "karim", PASSWORD)
        assert locked.status_code == 429
        message = text_of(soup_of(locked).select_one("[role=alert]"))
        assert "10" in message
        assert "دقيقة" in message  # the wait, in Arabic (the admin's default language)

        # Only the pair is locked: other accounts from the same address still get the form.
        assert sign_in(client, "someone-else", "anything").status_code == 200

        # Failures during the lockout do not extend it.
        clock.tick(timedelta(minutes=10))
        assert sign_in(client, "karim", "wrong password").status_code == 429

        clock.tick(settings.AXES_COOLOFF_TIME - timedelta(minutes=11) + timedelta(seconds=1))
        assert signed_in(sign_in(client, "karim", PASSWORD))


@pytest.mark.django_db
def test_an_attacker_elsewhere_cannot_lock_the_editor_out_of_the_office(client, section_editor):
    from django.test import Client

    with freeze_time(START):
        for _attempt in range(12):
            sign_in(client, "karim", "wrong password", address=ATTACKER)
        assert sign_in(client, "karim", PASSWORD, address=ATTACKER).status_code == 429
        assert signed_in(sign_in(Client(), "karim", PASSWORD, address=OFFICE))


@pytest.mark.django_db
def test_failures_from_one_address_never_lock_out_the_other_accounts_there(client, section_editor):
    """One office, one proxy, one address for every editor: guesses there lock no one else."""
    with freeze_time(START):
        for attempt in range(30):
            sign_in(client, f"guess-{attempt % 3}", "wrong password", address=OFFICE)
        assert sign_in(client, "guess-0", "wrong password", address=OFFICE).status_code == 429
        assert signed_in(sign_in(client, "karim", PASSWORD, address=OFFICE))


PROXY = "10.0.0.2"


@pytest.mark.django_db
def test_behind_trusted_proxies_the_lock_follows_the_visitor_not_the_proxy(
    client, section_editor, settings
):
    """Behind the TLS proxy every request comes from its address; X-Forwarded-For names the
    visitor. What the visitor wrote to the left of what our proxies appended is not believed."""
    from django.test import Client

    settings.TRUSTED_PROXY_COUNT = 1
    with freeze_time(START):
        for attempt in range(12):
            # A forged first hop, different every time, changes nothing: the proxy's own is last.
            forged = f"192.0.2.{attempt}, {ATTACKER}"
            sign_in(client, "karim", "wrong password", PROXY, HTTP_X_FORWARDED_FOR=forged)
        locked = sign_in(client, "karim", PASSWORD, PROXY, HTTP_X_FORWARDED_FOR=ATTACKER)
        assert locked.status_code == 429
        # The same editor from the office, through the same proxy, signs in.
        office = sign_in(Client(), "karim", PASSWORD, PROXY, HTTP_X_FORWARDED_FOR=OFFICE)
        assert signed_in(office)


@pytest.mark.django_db
def test_without_trusted_proxies_x_forwarded_for_is_ignored(client, section_editor):
    """Anyone can send the header: with no proxy configured, rotating it escapes nothing."""
    with freeze_time(START):
        for attempt in range(10):
            forged = f"192.0.2.{attempt}"
            sign_in(client, "karim", "wrong password", HTTP_X_FORWARDED_FOR=forged)
        locked = sign_in(client, "karim", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.200")
        assert locked.status_code == 429


@pytest.mark.django_db
def test_a_wrong_password_below_the_limit_shows_the_login_form_again(client, section_editor):
    response = sign_in(client, "karim", "wrong password")
    assert response.status_code == 200
    assert soup_of(response).select_one("form.login-form") is not None


@pytest.mark.parametrize(
    "password", ["short1", "123456789012345", "password12345", "salma-newsroom"]
)
def test_weak_passwords_are_refused(password):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    user = get_user_model()(username="salma-newsroom", email="salma@example.com")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_uncommon_password_is_accepted():
    from django.contrib.auth.password_validation import validate_password

    assert validate_password("olive lantern quietly 42") is None

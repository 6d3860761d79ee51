"""One rule for the visitor's address: X-Forwarded-For only as far as our own proxies go."""

import pytest
from django.test import RequestFactory

from pagecache.client_address import client_ip


def request_from(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "visitor"),
    [
        (0, "203.0.113.7", None, "203.0.113.7"),
        (0, "203.0.113.7", "198.51.100.1", "203.0.113.7"),  # nobody to vouch for the header
        (1, "10.0.0.2", "198.51.100.1", "198.51.100.1"),
        (1, "10.0.0.2", "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # forged first hop
        (2, "10.0.0.3", "6.6.6.6, 198.51.100.1, 10.0.0.2", "198.51.100.1"),
        (2, "10.0.0.3", "198.51.100.1,10.0.0.2", "198.51.100.1"),
        (1, "10.0.0.2", " 2001:db8::1 ", "2001:db8::1"),
        # Fewer hops than proxies: the request skipped them; only the connection is known.
        (2, "203.0.113.7", "198.51.100.1", "203.0.113.7"),
        (1, "203.0.113.7", None, "203.0.113.7"),
        (1, "10.0.0.2", "not-an-address", ""),
        (0, "garbage", None, ""),
    ],
)
def test_the_visitor_is_the_address_our_outermost_proxy_saw(
    settings, proxies, remote, forwarded, visitor
):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(request_from(remote, forwarded)) == visitor


def test_django_axes_counts_by_the_same_rule(settings):
    from axes.helpers import get_client_ip_address

    settings.TRUSTED_PROXY_COUNT = 1
    request = request_from("10.0.0.2", "6.6.6.6, 198.51.100.1")
    assert get_client_ip_address(request) == "198.51.100.1"

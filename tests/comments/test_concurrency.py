"""Done-when 4: fifty readers posting at once; every comment answered 2xx is stored exactly once.

Runs on PostgreSQL (CI and `make test-postgres`): SQLite serialises writers with a file lock,
so there is no race to test there.
"""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from comments.models import ReaderComment
from comments.tickets import issue_ticket

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent writers"
    ),
]

DISTINCT = 40
DOUBLED = 5  # bodies posted twice at the same instant, as a double-click would


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_posts_each_stored_once(demo_site):
    article = demo_site["article"]
    with freeze_time(timezone.now() - timedelta(seconds=30)):
        ticket = issue_ticket(article.pk)
    action = reverse("comments:post", args=[article.pk])
    posts = [(f"reader{n}@example.com", f"تعليق متزامن رقم {n}") for n in range(DISTINCT)]
    posts += [(f"double{n}@example.com", f"نقرتان رقم {n}") for n in range(DOUBLED)] * 2
    assert len(posts) == 50
    barrier = threading.Barrier(len(posts))
    results = [None] * len(posts)

    def post(index, email, body):
        try:
            client = Client(HTTP_ACCEPT="application/json")
            values = {"name": f"قارئ {index}", "email": email, "body": body, "ticket": ticket}
            barrier.wait()
            response = client.post(action, values, REMOTE_ADDR=f"10.0.{index // 250}.{index % 250}")
            results[index] = response.status_code
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=post, args=(index, email, body))
        for index, (email, body) in enumerate(posts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert all(status in {201, 409} for status in results), results
    accepted = [posts[i] for i, status in enumerate(results) if status == 201]
    stored = list(ReaderComment.objects.filter(page=article).values_list("author_email", "body"))
    assert sorted(stored) == sorted(accepted)
    assert len(stored) == len(set(stored)) == DISTINCT + DOUBLED
    assert results.count(409) == DOUBLED

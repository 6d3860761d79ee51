#!/bin/sh
# The scheduler container: once a minute, publish the pages whose "go live" time has come and
# unpublish those whose expiry has passed (Wagtail's `publish_scheduled`). A failed run, such as
# the database restarting, is logged and retried on the next tick.
set -u
interval="${SCHEDULE_INTERVAL_SECONDS:-60}"
while true; do
    python manage.py publish_scheduled || echo "publish_scheduled failed; next try in ${interval}s" >&2
    sleep "$interval"
done

#!/bin/sh
# Apply migrations, then serve. Several web containers may start at once: Django's migrate
# takes the database's lock per migration, so the second one finds nothing left to do.
# gunicorn's settings (threaded workers with keep-alive, quiet probes) are in config/gunicorn.py.
set -e
if [ -n "${PROMETHEUS_MULTIPROC_DIR:-}" ]; then
    # Metrics files of a previous run would be counted again.
    rm -rf "$PROMETHEUS_MULTIPROC_DIR"
    mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
fi
python manage.py migrate --noinput
exec gunicorn config.wsgi:application --config config/gunicorn.py

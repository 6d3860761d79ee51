#!/bin/sh
# Apply migrations, then serve. Several web containers may start at once: Django's migrate
# takes the database's lock per migration, so the second one finds nothing left to do.
set -e
python manage.py migrate --noinput
exec gunicorn config.wsgi:application \
    --config config/gunicorn.py \
    --bind "0.0.0.0:${PORT:-8000}" \
    --workers "${WEB_CONCURRENCY:-2}" \
    --access-logfile - \
    --forwarded-allow-ips "*"

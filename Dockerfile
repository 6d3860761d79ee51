# The production image: gunicorn serving the Django project, static files through WhiteNoise.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    PORT=8000 \
    WEB_CONCURRENCY=2

RUN apt-get update \
    && apt-get install -y --no-install-recommends libjpeg62-turbo libwebp7 zlib1g \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 akhbar
WORKDIR /app

COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock

COPY --chown=akhbar:akhbar . .
# Static files are collected (and compressed) at build time; the key is a throwaway for this step.
RUN DJANGO_SECRET_KEY=collectstatic-only DJANGO_ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput --verbosity 0 \
    && mkdir -p /app/media && chown -R akhbar:akhbar /app/media /app/staticfiles

USER akhbar
EXPOSE 8000
# gunicorn with config/gunicorn.py (request-line limit sized for the longest search).
CMD ["docker/start-web.sh"]

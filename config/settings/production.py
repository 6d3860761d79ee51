"""Production: everything secret or host-specific must come from the environment.

Importing this module without DJANGO_SECRET_KEY or DJANGO_ALLOWED_HOSTS fails at once, so a
misconfigured server never starts with a guessable key or accepts any Host header.
"""

from config.settings.base import *  # noqa: F403
from config.settings.env import env_bool, env_int, env_list, env_required, env_str

DEBUG = False
SECRET_KEY = env_required("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    env_required("DJANGO_ALLOWED_HOSTS")

STORAGES = {
    **STORAGES,  # noqa: F405  (media: a shared volume, or S3 when DJANGO_MEDIA_S3_BUCKET is set)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 31536000

# Background work waits in the database for `manage.py db_worker` (the compose file's worker).
TASKS = {
    "default": {
        "BACKEND": env_str("DJANGO_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# HTTPS: on by default. DJANGO_SECURE_SSL_REDIRECT=0 and DJANGO_SECURE_COOKIES=0 exist only for
# trying the production image on plain http://localhost (docker-compose.yml sets them).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
_secure_cookies = env_bool("DJANGO_SECURE_COOKIES", default=True)
SESSION_COOKIE_SECURE = _secure_cookies
CSRF_COOKIE_SECURE = _secure_cookies
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
# Wagtail's live preview shows the page in a same-origin frame, so DENY would break the editor.
X_FRAME_OPTIONS = "SAMEORIGIN"

# Both are explained in the README's deployment notes:
# W019, X_FRAME_OPTIONS is SAMEORIGIN and not DENY (the preview frame above);
# W021, HSTS preload is an owner's decision that is hard to undo, so it is off by default.
SILENCED_SYSTEM_CHECKS = ["security.W019", "security.W021"]

"""Settings shared by every environment.

Everything that differs between a laptop, CI and production comes from the environment
(see the README's settings table); the dev, test and production modules only change defaults.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.settings.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "wordpress_import",
    # The demo newsroom (`make run`): imports every app below, nothing imports it.
    "demo",
    "home",
    "articles",
    "newsroom",
    "search",
    "comments",
    # What every page shares: navigation, restrictions, SEO, sitemaps, site-wide tags.
    "core",
    "pagecache",
    "operations",
    "wagtail.contrib.frontend_cache",
    # Locales, language switcher, hreflang, digits and the translation status report.
    "translations",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's users app, with role (group) names shown translated.
    "newsroom.apps.NewsroomUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First: load balancers' probes are answered before host checks and HTTPS redirects.
    "operations.probes.HealthProbeMiddleware",
    "operations.logs.RequestIdMiddleware",
    "operations.metrics.RequestMetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Brotli or gzip for public pages only (BREACH: docs/deploy.md), page-cache hits included.
    "pagecache.compression.PublicPageCompressionMiddleware",
    "pagecache.middleware.AnonymousPageCacheMiddleware",
    # Inside the page cache, so what it keeps is already clean (core/output.py).
    "core.output.ControlCharacterFreeOutputMiddleware",
    "operations.replica.ReplicaReadsMiddleware",
    "core.middleware.DatabaseOutageMiddleware",
    "core.site_directory.CurrentSiteMiddleware",
    "pagecache.surrogate_keys.SurrogateKeyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # After the CSRF check: each admin write whole or not at all (core/admin_writes.py).
    "core.admin_writes.AtomicAdminWritesMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# How many reverse proxies of our own stand in front of the site (TLS terminator, load balancer,
# Varnish...). Each appends the address it received the request from to X-Forwarded-For, so the
# visitor is the N-th address from the end; 0 ignores the header (anyone can send it). One rule
# for the login lockout, the comments and the page cache (pagecache/client_address.py).
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)

# Login throttling (django-axes). Ten failures lock that account from that address for the
# cool-off period; then the right password works again. Only the pair is locked: never the
# address alone (behind a proxy, or in one office, every editor may share it) and never the
# account from everywhere (an attacker elsewhere cannot keep a known editor out), and failures
# during a lockout do not extend it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "pagecache.client_address.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_TEMPLATE = "newsroom/login_locked_out.html"
AXES_VERBOSE = False

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite in the project folder unless DATABASE_URL says otherwise, so a fresh
# machine runs the site with nothing else installed. PostgreSQL keeps connections open for
# CONN_MAX_AGE seconds and checks them before reuse, so a restarted server is survived.
DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# SQLite (`make run`): readers never wait for a writer (write-ahead log), a writer waits up to
# 20 s for another instead of failing with "database is locked", and every transaction takes
# the write lock when it starts (IMMEDIATE), so two cannot deadlock upgrading to it.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
# PostgreSQL: parameters bound by the server, and a statement run twice on a connection is
# prepared, so it is planned once per connection instead of at every request. Planning the
# article's routing query (six joined tables) took longer than running it (docs/performance.md,
# "Prepared statements"). Off behind PgBouncer in transaction pooling mode, which cannot keep a
# connection's prepared statements.
PREPARED_STATEMENTS = env_bool("DJANGO_DB_PREPARED_STATEMENTS", default=True)
PREPARED_STATEMENT_OPTIONS = {"server_side_binding": True, "prepare_threshold": 2}
if PREPARED_STATEMENTS and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(PREPARED_STATEMENT_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A streaming replica for anonymous readers' pages (operations/replica.py): used only while it
# streams and is less than REPLICA_MAX_LAG_SECONDS behind; the primary otherwise.
REPLICA_DATABASE_URL = env_str("REPLICA_DATABASE_URL")
if REPLICA_DATABASE_URL:
    DATABASES["replica"] = dj_database_url.parse(
        REPLICA_DATABASE_URL,
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    DATABASES["replica"].setdefault("OPTIONS", {})["connect_timeout"] = 2
    if PREPARED_STATEMENTS:
        DATABASES["replica"]["OPTIONS"].update(PREPARED_STATEMENT_OPTIONS)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["operations.replica.ReplicaRouter"]
REPLICA_MAX_LAG_SECONDS = env_int("DJANGO_REPLICA_MAX_LAG_SECONDS", 5)
REPLICA_CHECK_SECONDS = env_int("DJANGO_REPLICA_CHECK_SECONDS", 2)
# A reader's requests after their own POST, and everyone's after a publication, read the
# primary this long: longer than the replica may lag.
REPLICA_READ_YOUR_WRITES_SECONDS = env_int("DJANGO_REPLICA_READ_YOUR_WRITES_SECONDS", 10)

# Cache: Redis where REDIS_URL is set, otherwise memory local to each process.
REDIS_URL = env_str("REDIS_URL")
# DJANGO_CACHE=off switches every cache off, to measure what a page costs with nothing kept
# anywhere (docs/performance.md): Django's dummy cache for "default" and "renditions", no page
# cache, no fragments, no per-process copies, and no cache generation read at all.
CACHE_ENABLED = env_bool("DJANGO_CACHE", default=True)
if not CACHE_ENABLED:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
elif REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "akhbar",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "akhbar",
        }
    }
# Wagtail keeps image renditions it has looked up in a cache named "renditions", so a card's
# image costs no query once made. Renditions never change once made, so any cache will do.
CACHES["renditions"] = {**CACHES["default"], "KEY_PREFIX": "akhbar-renditions"}

# Whole-page cache for anonymous readers (pagecache/). On by default only with Redis: a
# per-process memory cache could not be invalidated across several server processes.
PAGE_CACHE_ENABLED = CACHE_ENABLED and env_bool("DJANGO_PAGE_CACHE", default=bool(REDIS_URL))
PAGE_CACHE_SECONDS = env_int("DJANGO_PAGE_CACHE_SECONDS", 600)
# How many values kept under the cache generation each server process also keeps in its own
# memory (pagecache/generational.py): whole pages, page fragments, menus.
PAGE_CACHE_LOCAL_ENTRIES = env_int("DJANGO_PAGE_CACHE_LOCAL_ENTRIES", 500)
# How many new pages one visitor (one address) may add to the page cache in a minute; past
# that their pages are rendered and served but not kept. 0 turns the limit off.
PAGE_CACHE_NEW_ENTRIES_PER_VISITOR = env_int("DJANGO_PAGE_CACHE_NEW_ENTRIES_PER_VISITOR", 120)
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/django-admin/", "/documents/", "/i18n/"]
# "read_primary": a reader who just posted sees their own write (operations/replica.py).
PAGE_CACHE_BYPASS_COOKIES = ["messages", "read_primary"]
# Campaign and click identifiers that links from social networks and newsletters add: they do
# not change the page, so a reader arriving with them still gets the cached page.
PAGE_CACHE_IGNORED_QUERY_PARAMETERS = [
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_term",
    "utm_content",
    "fbclid",
    "gclid",
    "mc_cid",
    "mc_eid",
]
# Browsers revalidate every time (a cheap 304 with the ETag); a CDN may keep a page a minute,
# and is purged on publish when WAGTAILFRONTENDCACHE is configured.
PAGE_CACHE_CONTROL = {"public": True, "max_age": 0, "must_revalidate": True, "s_maxage": 60}
# Whether every server process sees the same cache (Redis). Small lists that must be right the
# moment they change (view restrictions) are only cached when it is.
CACHE_IS_SHARED = CACHE_ENABLED and env_bool("DJANGO_CACHE_IS_SHARED", default=bool(REDIS_URL))
# Fragments of pages (the article, its comments, the navigation) kept per cache generation
# (pagecache/templatetags/fragment_cache.py). Like the restricted-path list they must be
# dropped everywhere the moment content changes, so they are only kept in a shared cache.
FRAGMENT_CACHE_ENABLED = CACHE_ENABLED and env_bool(
    "DJANGO_FRAGMENT_CACHE", default=CACHE_IS_SHARED
)
# Refuse to cache anything but plain data (pagecache/generational.py: is_plain). On in
# development and tests: a model instance in the cache is a bug that shows only under load.
PAGE_CACHE_CHECK_VALUES = env_bool("DJANGO_PAGE_CACHE_CHECK_VALUES", default=False)
PAGE_CACHE_INVALIDATING_MODELS = {
    "wagtailcore.pageviewrestriction",
    "translations.numberformattingsettings",
    "home.siteidentitysettings",
    "comments.commentsettings",
    "articles.author",
    "taggit.tag",
    "wagtailcore.site",
    "wagtailcore.locale",
}

# A CDN or HTTP cache in front of the site (Varnish, nginx) is purged when pages are published:
# Wagtail purges the page itself, pagecache/frontend.py the listings that show it.
WAGTAIL_FRONTEND_CACHE_URL = env_str("WAGTAIL_FRONTEND_CACHE_URL")
WAGTAILFRONTENDCACHE = (
    {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": WAGTAIL_FRONTEND_CACHE_URL,
        }
    }
    if WAGTAIL_FRONTEND_CACHE_URL
    else {}
)

# Varnish in front (deploy/varnish/default.vcl), purged by surrogate key in the background
# (pagecache/edge.py): the Varnish addresses as seen from the app servers and the worker.
EDGE_CACHE_PURGE_URLS = env_list("DJANGO_EDGE_CACHE_PURGE_URLS")
EDGE_CACHE_TIMEOUT = env_int("DJANGO_EDGE_CACHE_TIMEOUT", 10)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Arabic first; French and English beside it. The same codes serve the
# interface (gettext) and the content (Wagtail locales).
LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("fr", _("French")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Machine translation in wagtail-localize's editor: off unless a DeepL key is given (the
# translations app's README section explains it; the site makes no outside call otherwise).
DEEPL_AUTH_KEY = env_str("DEEPL_AUTH_KEY")
if DEEPL_AUTH_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_AUTH_KEY},
    }
TIME_ZONE = "Africa/Casablanca"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded images and documents on object storage (S3 or compatible) when a bucket is named,
# so any number of app servers share them; otherwise MEDIA_ROOT, a volume they must share.
# Credentials come from boto3's own variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or
# the machine's role; docs/deploy.md lists the rest.
MEDIA_S3_BUCKET = env_str("DJANGO_MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "region_name": env_str("DJANGO_MEDIA_S3_REGION") or None,
            "endpoint_url": env_str("DJANGO_MEDIA_S3_ENDPOINT_URL") or None,
            "custom_domain": env_str("DJANGO_MEDIA_S3_CUSTOM_DOMAIN") or None,
            "location": env_str("DJANGO_MEDIA_S3_PREFIX", "media"),
            # Public news images: plain URLs a CDN can cache, not expiring signed ones.
            "querystring_auth": env_bool("DJANGO_MEDIA_S3_SIGNED_URLS", default=False),
            "file_overwrite": False,
        },
    }

WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "أخبار")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend, with the article search's Arabic normalisation (search/backends.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Reviewers comment on fields in the editor; a submitted page is locked for everyone but the
# current step's reviewers (Wagtail's workflow locking).
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# The admin would otherwise load editors' avatars from gravatar.com.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Security headers (see core/security_headers.py); HSTS is switched on in production.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# The only outside hosts a reader's page may frame: the players of embedded YouTube, Vimeo and X
# posts, loaded when the reader clicks "Load" (articles/embeds.py); nothing else is framed.
READER_FRAME_SOURCES = [
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://platform.twitter.com",
]
CONTENT_SECURITY_POLICY_REPORT_ONLY = env_bool("DJANGO_CSP_REPORT_ONLY", default=False)

# How long an article flagged "breaking news" is announced at the top of every page.
BREAKING_NEWS_HOURS = env_int("AKHBAR_BREAKING_NEWS_HOURS", 12)

EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "newsroom@localhost")
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)

# DJANGO_LOG_FORMAT=json: one JSON object per line, each with the request's id, and one access
# line per request from Django (docker/start-web.sh then turns gunicorn's own access log off).
LOG_FORMAT = env_str("DJANGO_LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "operations.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "operations.logs.JsonFormatter"},
        "text": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    # Wagtail logs every page action and background task at INFO; the audit log keeps those.
    "loggers": {
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "operations.access": {"level": "INFO" if LOG_FORMAT == "json" else "WARNING"},
    },
}

# Prometheus scrapes /metrics with `Authorization: Bearer <token>` (staff accounts may too).
METRICS_TOKEN = env_str("DJANGO_METRICS_TOKEN", "")

# Uploaded media through Django itself: fine for a laptop or a small single-server site;
# larger deployments serve MEDIA_ROOT from the web server or object storage instead.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", default=DEBUG)

# Background work (Django 6's tasks framework, backported by django-tasks). Tasks run at once in
# the request unless DJANGO_TASKS_BACKEND says otherwise; production queues them in the database
# and `manage.py db_worker` runs them (docker-compose's `worker` service).
TASKS = {
    "default": {
        "BACKEND": env_str(
            "DJANGO_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        ),
    }
}

# Importing a WordPress site (wordpress_import/ app; README "Moving from WordPress"): the largest
# export the admin accepts, and the largest image file and the fetch timeout per attachment.
WORDPRESS_IMPORT_MAX_UPLOAD_BYTES = env_int("AKHBAR_WORDPRESS_MAX_UPLOAD_MB", 512) * 1024 * 1024
WORDPRESS_IMPORT_MAX_IMAGE_BYTES = env_int("AKHBAR_WORDPRESS_MAX_IMAGE_MB", 50) * 1024 * 1024
WORDPRESS_IMPORT_FETCH_TIMEOUT = env_int("AKHBAR_WORDPRESS_FETCH_TIMEOUT", 20)

# Tasks that talk to other services retry with backoff (operations/background.py): after
# TASK_RETRY_SECONDS, then twice that, up to TASK_MAX_ATTEMPTS attempts in all.
TASK_MAX_ATTEMPTS = env_int("DJANGO_TASK_MAX_ATTEMPTS", 5)
TASK_RETRY_SECONDS = env_int("DJANGO_TASK_RETRY_SECONDS", 30)

# Reader comments (comments/ app; the rest of its options are site settings in the admin).
COMMENTS_PERSONAL_DATA_RETENTION_DAYS = env_int("DJANGO_COMMENTS_RETENTION_DAYS", 90)

# The tag field's words lose their control characters before taggit looks them up (core/text.py).
TAGGIT_TAGS_FROM_STRING = "core.text.tags_from_string"

"""Settings shared by every environment; values that differ come from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    # modeltranslation must come before the apps whose models it translates (wagtail included).
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "gsn_site",
    "home",
    "members",
    "stories",
    "programs",
    "feedback",
    "feedback.outcomes",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "gsn_site.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "gsn_site.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "members.middleware.AdminRequiresMFAMiddleware",
    "members.middleware.TemporaryPasswordMiddleware",
    "gsn_site.image_uploads.RefuseTooManyPixelsMiddleware",
    "gsn_site.page_cache.AnonymousPageCacheMiddleware",
    "gsn_site.page_cache.CachedSiteMiddleware",
    "gsn_site.middleware.PrivateCacheControlMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "gsn_site.urls"
# A form sent without its cookie gets the site's page in the reader's language, with quick exit;
# the survey shows its answers again (gsn_site.csrf).
CSRF_FAILURE_VIEW = "gsn_site.csrf.csrf_failure"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "gsn_site.context_processors.languages",
            ],
        },
    },
]

WSGI_APPLICATION = "gsn_site.wsgi.application"

# SQLite by default so that `make run` needs nothing; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "gsn"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole public pages for anonymous readers (gsn_site.page_cache); 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# How long a CDN in front may keep an anonymous public page (`Cache-Control: s-maxage`). 0 sends no
# s-maxage; set it only together with FRONTEND_CACHE_URL, so that withdrawals purge the CDN too.
CDN_CACHE_SECONDS = int(os.environ.get("CDN_CACHE_SECONDS", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# --- Languages -----------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("pt", _("Portuguese")),
    ("hi", _("Hindi")),
    ("sw", _("Swahili")),
    ("km", _("Khmer")),
    ("ar", _("Arabic")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# Content falls back to English at the field level; pages say so (see gsn_site.translation).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = False
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True

# --- Static and media ----------------------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Global Survivor Network"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "gsn_site.SiteImage"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
# Images are refused above this many pixels, read from the file header before any decoding (a small
# PNG can declare 12000x12000 pixels and take gigabytes to decode). 40 million covers phone photos.
WAGTAILIMAGES_IMAGE_FORM_BASE = "gsn_site.image_uploads.SiteImageForm"
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("MAX_IMAGE_PIXELS", "40000000"))
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_LOGIN_URL = "account_login"
# Passwords are reset through allauth (rate limited); Wagtail's own reset views stay off.
WAGTAIL_PASSWORD_RESET_ENABLED = False
LOGIN_URL = "account_login"
# Readers of a page restricted to signed-in people sign in through allauth too, never Wagtail's page.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "/"

# --- Accounts -------------------------------------------------------------------------------
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "signup": "10/h/ip",
    "reset_password": "5/h/ip",
}
# The one setting for the client's address behind proxies (gsn_site.ratelimits.client_ip): how many
# proxies under our control append to X-Forwarded-For. 0 (default) ignores the header, so a client
# cannot choose its own address. allauth reads the same value for its sign-in limits.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Signing up needs an invitation code; its honeypot is gsn_site.forms.HoneypotMixin, like every public form.
ACCOUNT_FORMS = {"signup": "members.forms.InvitationSignupForm"}
# Signing in and out lands on the home page in the language the reader was reading.
ACCOUNT_ADAPTER = "members.adapters.AccountAdapter"
# A new member lands on a page that says what happens next.
ACCOUNT_SIGNUP_REDIRECT_URL = "stories:welcome"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "GSN"

# --- Content Security Policy: nothing third-party, no inline script ------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
# Powerful browser features are off for every page and every frame (a page on a shared phone
# never asks for the camera, the microphone or the location).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
REFERRER_POLICY = "same-origin"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Shared devices: a session ends with the browser.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 60 * 60 * 8

# --- Stories --------------------------------------------------------------------------------
# A story reported by this many different readers (open reports) is unpublished until a moderator decides.
STORY_REPORTS_AUTO_UNPUBLISH = int(os.environ.get("STORY_REPORTS_AUTO_UNPUBLISH", "3"))
STORY_REPORTS_PER_HOUR = int(os.environ.get("STORY_REPORTS_PER_HOUR", "5"))

# --- Chapter contact messages ---------------------------------------------------------------
CHAPTER_MESSAGES_PER_HOUR = int(os.environ.get("CHAPTER_MESSAGES_PER_HOUR", "10"))
# `manage.py purge_chapter_messages`: redact personal data after this many days, delete after that many.
CHAPTER_MESSAGE_REDACT_DAYS = int(os.environ.get("CHAPTER_MESSAGE_REDACT_DAYS", "30"))
CHAPTER_MESSAGE_DELETE_DAYS = int(os.environ.get("CHAPTER_MESSAGE_DELETE_DAYS", "180"))

# --- Privacy --------------------------------------------------------------------------------
PRIVACY_MIN_CELL = int(os.environ.get("PRIVACY_MIN_CELL", "5"))
# Keys of the keyed hashes (gsn_site.hashing), never SECRET_KEY: HASH_KEY for receipts, pseudonyms
# and rate limits; CASE_REF_KEY for ASO case references, which link assessments over time and so
# rotate only on their own. New hashes use the current key; lookups also try the fallbacks
# (comma-separated, newest first), so stored hashes keep matching after a rotation.
HASH_KEY = os.environ.get("HASH_KEY", "")
HASH_KEY_FALLBACKS = env_list("HASH_KEY_FALLBACKS")
CASE_REF_KEY = os.environ.get("CASE_REF_KEY", "")
CASE_REF_KEY_FALLBACKS = env_list("CASE_REF_KEY_FALLBACKS")
# ASO uploads are read in memory (never written to a temporary file) up to this size; a checked
# file's hashed rows wait this long for "Import" before they are deleted.
ASO_IMPORT_MAX_BYTES = int(os.environ.get("ASO_IMPORT_MAX_BYTES", str(64 * 1024 * 1024)))
ASO_IMPORT_EXPIRY_SECONDS = int(os.environ.get("ASO_IMPORT_EXPIRY_SECONDS", str(60 * 60)))
# Path prefixes (after the language prefix) that must never be stored by any cache.
PRIVATE_PATH_PREFIXES = ("accounts/", "feedback/", "my-stories/", "share-your-story/", "admin/")

# --- Program feedback -----------------------------------------------------------------------
# Free text older than this is removed by `manage.py purge_feedback_text`; structured answers stay.
FEEDBACK_TEXT_RETENTION_DAYS = int(os.environ.get("FEEDBACK_TEXT_RETENTION_DAYS", "730"))
FEEDBACK_WITHDRAWAL_DAYS = 30
FEEDBACK_TEXT_MAX_LENGTH = 2000
# Floods are stopped per form: each page of questions carries a one-time token, a token stores one
# response and may be sent only a few times. A room of survivors on one shelter network has many
# tokens, so the per-address ceiling is high; well below it, an anomaly is logged for staff.
FEEDBACK_SUBMISSIONS_PER_TOKEN = int(os.environ.get("FEEDBACK_SUBMISSIONS_PER_TOKEN", "5"))
FEEDBACK_SUBMISSIONS_PER_HOUR = int(os.environ.get("FEEDBACK_SUBMISSIONS_PER_HOUR", "300"))
FEEDBACK_ANOMALY_PER_HOUR = int(os.environ.get("FEEDBACK_ANOMALY_PER_HOUR", "60"))
FEEDBACK_WITHDRAWALS_PER_HOUR = int(os.environ.get("FEEDBACK_WITHDRAWALS_PER_HOUR", "30"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Wagtail and the task runner log page titles and task ids at INFO: titles can identify a teller.
    "loggers": {
        "django.request": {"level": "ERROR"},
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

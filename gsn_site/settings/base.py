"""Settings shared by every environment; values that differ come from the environment."""

import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def proxy_addresses(value):
    """TRUSTED_PROXY_ADDRESSES as a list: addresses or networks (CIDR); a typo stops the site from starting."""
    addresses = [item.strip() for item in value.split(",") if item.strip()]
    for address in addresses:
        try:
            ipaddress.ip_network(address, strict=False)
        except ValueError:
            raise ImproperlyConfigured(f"TRUSTED_PROXY_ADDRESSES: {address!r} is not an address or network.") from None
    return addresses


SECRET_KEY = os.environ.get("SECRET_KEY", "")
# True only in gsn_site.settings.production: commands that must not touch a real site check it.
PRODUCTION_SETTINGS = False
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
    "outcomes",
    "reporting",
    "channels",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.sites",
    # Wagtail's user screens, with forms where a member's name and email address are optional.
    "members.apps.UsersAdminConfig",
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
    "gsn_site.admin_scoping.WagtailScreenRulesMiddleware",
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


def redis_cache_settings(redis_url):
    """The cache settings for a Redis shared by every node (sessions go there too in production).

    `local` is each process's own copy of the fragments it has read from Redis (gsn_site.page_cache):
    a fragment's key changes with every purge, so the copy is never stale, and a page then makes one
    round trip to Redis (the purge generation) instead of one per fragment.
    """
    return {
        "CACHES": {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "gsn"),
            },
            "local": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "fragments",
                "OPTIONS": {"MAX_ENTRIES": 5000},
            },
        }
    }


REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = redis_cache_settings(REDIS_URL)["CACHES"]
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole public pages for anonymous readers (gsn_site.page_cache); 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# The code's version in the keys of cached pages and fragments (gsn_site/code_version.py), so that a
# deploy never serves what the old code rendered. Empty: a fingerprint of the source files.
CODE_VERSION = os.environ.get("CODE_VERSION", "")
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
# A member's photo (stories.forms.PhotoField) is smaller still: 16 million pixels, also from the header.
MEMBER_PHOTO_MAX_PIXELS = int(os.environ.get("MEMBER_PHOTO_MAX_PIXELS", "16000000"))
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_I18N_ENABLED = False
# Where the admin lives: the one place to move it. Everything else reverses Wagtail's URL names, so the
# two-step rule, the admin's CSP and "never cached" follow the admin wherever it is.
ADMIN_URL_PATH = "admin/"
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
# Failed sign-ins (wrong authenticator codes included) slow down, never lock out a shared network.
# Windows stacked on one key make a growing delay: five failures wait five minutes, ten wait out the
# hour, twenty the day. Per address *and* account (members.adapter) the delay starts soonest; per
# account from any address it starts later, so that one guesser cannot keep the owner out; per address
# only a high ceiling, since a shelter's whole network may share one. The same adapter sends signing
# in and out to the home page in the language the reader was reading.
ACCOUNT_ADAPTER = "members.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "100/15m/ip,300/d/ip,20/15m/key,50/d/key",
    "login_failed_from_address": "5/5m/key,10/h/key,20/d/key",
    # Every sign-in sent from one address, right or wrong: a ceiling against floods only.
    "login": "200/m/ip",
    "signup": "10/h/ip",
    "reset_password": "5/h/ip",
}
# The one setting for the client's address behind proxies (gsn_site.ratelimits.client_ip): how many
# proxies under our control append to X-Forwarded-For. 0 (default) ignores the header, so a client
# cannot choose its own address. allauth's limits ask members.adapter, which asks the same helper.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# The proxies' own addresses or networks (comma-separated, CIDR allowed): X-Forwarded-For is read only
# on connections from them, so a client that reaches gunicorn directly is counted as itself. Empty
# trusts the header on every connection: then gunicorn must listen only on the proxy's network.
TRUSTED_PROXY_ADDRESSES = proxy_addresses(os.environ.get("TRUSTED_PROXY_ADDRESSES", ""))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Signing up needs an invitation code; its honeypot is gsn_site.forms.HoneypotMixin, like every public form.
ACCOUNT_FORMS = {"signup": "members.forms.InvitationSignupForm"}
# A new member lands on a page that says what happens next.
ACCOUNT_SIGNUP_REDIRECT_URL = "stories:welcome"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# A staff member's first authenticator needs an enrolment code from an administrator (members.forms).
MFA_FORMS = {"activate_totp": "members.forms.EnrolmentActivateTOTPForm"}
STAFF_ENROLMENT_CODE_DAYS = int(os.environ.get("STAFF_ENROLMENT_CODE_DAYS", "3"))
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
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Shared devices: a session ends with the browser.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 60 * 60 * 8
# The CSRF cookie ends with the browser too: kept for a year (Django's default), it tells whoever picks
# up a shared phone that it was used on this site, feedback pages included. One cookie serves the
# whole site, so it cannot be shorter on some pages only.
CSRF_COOKIE_AGE = None

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
PRIVATE_PATH_PREFIXES = ("accounts/", "feedback/", "my-stories/", "share-your-story/", ADMIN_URL_PATH, "channels/")

# --- Program feedback -----------------------------------------------------------------------
# Free text older than this is removed by `manage.py purge_feedback_text`; structured answers stay.
FEEDBACK_TEXT_RETENTION_DAYS = int(os.environ.get("FEEDBACK_TEXT_RETENTION_DAYS", "730"))
FEEDBACK_WITHDRAWAL_DAYS = 30
# --- Releases (reporting/) ------------------------------------------------------------------
# A period is released this many days after FEEDBACK_WITHDRAWAL_DAYS have passed, so that paper forms
# collected in the period can be typed in first; later entries reach only a correction release.
RELEASE_PAPER_GRACE_DAYS = int(os.environ.get("RELEASE_PAPER_GRACE_DAYS", "0"))
# The automatic attacker's time for one release; running out of time counts as a failed audit.
RELEASE_AUDIT_TIMEOUT_SECONDS = float(os.environ.get("RELEASE_AUDIT_TIMEOUT_SECONDS", "30"))
# True counts behind releases (admin-only) are deleted after this; a period can no longer be corrected then.
RELEASE_TRUE_COUNTS_RETENTION_DAYS = int(os.environ.get("RELEASE_TRUE_COUNTS_RETENTION_DAYS", "1095"))
FEEDBACK_TEXT_MAX_LENGTH = 2000
# Floods are stopped per form: each page of questions carries a one-time token, a token stores one
# response and may be sent only a few times. A room of survivors on one shelter network has many
# tokens, so the per-address ceiling is high; well below it, an anomaly is logged for staff.
FEEDBACK_SUBMISSIONS_PER_TOKEN = int(os.environ.get("FEEDBACK_SUBMISSIONS_PER_TOKEN", "5"))
FEEDBACK_SUBMISSIONS_PER_HOUR = int(os.environ.get("FEEDBACK_SUBMISSIONS_PER_HOUR", "300"))
FEEDBACK_ANOMALY_PER_HOUR = int(os.environ.get("FEEDBACK_ANOMALY_PER_HOUR", "60"))
FEEDBACK_WITHDRAWALS_PER_HOUR = int(os.environ.get("FEEDBACK_WITHDRAWALS_PER_HOUR", "30"))

# --- Text channels (channels/) ----------------------------------------------------------------
# A conversation is found again by an HMAC of the sender's number under the current survey round's
# key; set a new key for each round (the old conversations are then unreachable and purged). The
# address to reply to is kept encrypted with Fernet (CHANNELS_FERNET_KEYS: comma-separated, newest
# first, so a key can be rotated) and deleted when the conversation ends, at the latest after
# CHANNELS_CONVERSATION_MAX_HOURS.
CHANNELS_NUMBER_KEY = os.environ.get("CHANNELS_NUMBER_KEY", "")
CHANNELS_FERNET_KEYS = env_list("CHANNELS_FERNET_KEYS")
CHANNELS_CONVERSATION_MAX_HOURS = min(72, int(os.environ.get("CHANNELS_CONVERSATION_MAX_HOURS", "72")))
# A conversation left this long asks "continue or start again?" before going on (a shared phone).
CHANNELS_IDLE_MINUTES = int(os.environ.get("CHANNELS_IDLE_MINUTES", "30"))
CHANNELS_CONVERSATIONS_PER_NUMBER_PER_DAY = int(os.environ.get("CHANNELS_CONVERSATIONS_PER_NUMBER_PER_DAY", "3"))
CHANNELS_CONVERSATIONS_PER_CHANNEL_PER_HOUR = int(os.environ.get("CHANNELS_CONVERSATIONS_PER_CHANNEL_PER_HOUR", "600"))
# A failed send is tried again after this many seconds, doubling each time, up to this many attempts.
CHANNELS_SEND_RETRY_SECONDS = int(os.environ.get("CHANNELS_SEND_RETRY_SECONDS", "30"))
CHANNELS_SEND_MAX_ATTEMPTS = int(os.environ.get("CHANNELS_SEND_MAX_ATTEMPTS", "8"))
# The languages offered over USSD: basic phones often cannot show Khmer, Devanagari or Arabic.
CHANNELS_USSD_LANGUAGES = env_list("CHANNELS_USSD_LANGUAGES") or ["en", "es", "fr", "pt", "sw"]
# What the printable survey card tells survivors to text or dial (e.g. +254700123456, *384*123#).
CHANNELS_CARD_SMS_NUMBER = os.environ.get("CHANNELS_CARD_SMS_NUMBER", "")
CHANNELS_CARD_USSD_CODE = os.environ.get("CHANNELS_CARD_USSD_CODE", "")
# Numbers without a country code are read as numbers of this country (ISO 3166 code).
CHANNELS_DEFAULT_REGION = os.environ.get("CHANNELS_DEFAULT_REGION", "KE")
# The SMS channels: each is on when its secret (or Twilio's auth token) is set. Inbound addresses:
# /channels/sms/external/<SMS_EXTERNAL_SECRET>/receive/, /channels/sms/africastalking/<SMS_AT_SECRET>/,
# /channels/sms/twilio/ (signed; SMS_TWILIO_PUBLIC_URL is that address as Twilio calls it).
SMS_CHANNELS = {
    "external": {
        "secret": os.environ.get("SMS_EXTERNAL_SECRET", ""),
        "send_url": os.environ.get("SMS_EXTERNAL_SEND_URL", ""),
        "send_authorization": os.environ.get("SMS_EXTERNAL_SEND_AUTHORIZATION", ""),
        "sender": os.environ.get("SMS_EXTERNAL_FROM", ""),
    },
    "africastalking": {
        "secret": os.environ.get("SMS_AT_SECRET", ""),
        "username": os.environ.get("SMS_AT_USERNAME", ""),
        "api_key": os.environ.get("SMS_AT_API_KEY", ""),
        "sender": os.environ.get("SMS_AT_FROM", ""),
        "send_url": os.environ.get("SMS_AT_SEND_URL", "https://api.africastalking.com/version1/messaging"),
        "allowed_ips": env_list("SMS_AT_ALLOWED_IPS"),
    },
    # USSD: /channels/ussd/africastalking/<USSD_AT_SECRET>/, answered in the callback's own response.
    "africastalking_ussd": {
        "secret": os.environ.get("USSD_AT_SECRET", ""),
        "allowed_ips": env_list("USSD_AT_ALLOWED_IPS"),
    },
    # WhatsApp through Twilio: /channels/whatsapp/twilio/ (signed; WHATSAPP_TWILIO_PUBLIC_URL is that
    # address as Twilio calls it). WHATSAPP_TWILIO_FROM is the sender as `whatsapp:+<number>`.
    "twilio_whatsapp": {
        "account_sid": os.environ.get("WHATSAPP_TWILIO_ACCOUNT_SID", ""),
        "secret": os.environ.get("WHATSAPP_TWILIO_AUTH_TOKEN", ""),
        "sender": os.environ.get("WHATSAPP_TWILIO_FROM", ""),
        "public_url": os.environ.get("WHATSAPP_TWILIO_PUBLIC_URL", ""),
        "api_url": os.environ.get("WHATSAPP_TWILIO_API_URL", "https://api.twilio.com"),
    },
    "twilio": {
        "account_sid": os.environ.get("SMS_TWILIO_ACCOUNT_SID", ""),
        "secret": os.environ.get("SMS_TWILIO_AUTH_TOKEN", ""),
        "sender": os.environ.get("SMS_TWILIO_FROM", ""),
        "public_url": os.environ.get("SMS_TWILIO_PUBLIC_URL", ""),
        "api_url": os.environ.get("SMS_TWILIO_API_URL", "https://api.twilio.com"),
    },
}

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

"""gunicorn settings for `make serve`, read from the environment only.

GUNICORN_BIND (default 127.0.0.1:8000), WEB_CONCURRENCY (workers, default 2 x CPUs + 1),
GUNICORN_THREADS (default 1), GUNICORN_TIMEOUT (seconds, default 30),
GUNICORN_MAX_REQUESTS (recycle a worker after that many requests, default 2000; 0 = never).
"""

import multiprocessing
import os

from gsn_site.structured_logging import json_logging_config

wsgi_app = "gsn_site.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = timeout
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# Requests are logged by Django (gsn_site.structured_logging.RequestLogMiddleware), redacted; gunicorn's
# own access log would carry query strings and client addresses.
accesslog = None
errorlog = "-"
logconfig_dict = json_logging_config(os.environ.get("LOG_LEVEL", "INFO"))

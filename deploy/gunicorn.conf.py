"""gunicorn settings for genebot behind nginx (deploy/genebot-nginx.conf).

    gunicorn -c deploy/gunicorn.conf.py bot.web:app

Several worker processes, each with a few threads: replies are CPU-bound and short, so
more processes (not more threads) use more cores. Conversations need no shared settings:
the state the client carries is validated by any worker. The rate limit in the app is per
process; nginx's limit_req is the real one.
"""

import multiprocessing
import os

bind = os.environ.get("GENEBOT_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GENEBOT_WORKERS", max(2, multiprocessing.cpu_count())))
worker_class = "gthread"
threads = 2
timeout = 30                 # a worker stuck this long is killed and replaced
graceful_timeout = 10
max_requests = 20_000        # recycle workers now and then, with jitter so not all at once
max_requests_jitter = 2_000
raw_env = [
    "GENEBOT_TRUSTED_PROXIES=127.0.0.1",  # nginx on this host names the client in X-Forwarded-For
    "GENEBOT_RATE_LIMIT=" + os.environ.get("GENEBOT_RATE_LIMIT", "off"),  # nginx limits for all workers
]

# One line per request (method, route, status, duration); never the client address or any
# message text, which is only ever in request bodies.
accesslog = "-"
access_log_format = '%(m)s %(U)s %(s)s %(M)sms'
errorlog = "-"
loglevel = "info"
# The app's own loggers (genebot.*) go to stderr with gunicorn's, instead of being lost.
# (gunicorn merges this into its own logging config, whose loggers use these handler names.)
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stdout"},
        "error_console": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"},
    },
    "loggers": {"genebot": {"handlers": ["error_console"], "level": "INFO", "propagate": False}},
}

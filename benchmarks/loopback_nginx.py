"""deploy/genebot-nginx.conf as it is, run by Debian's nginx in a private folder on loopback:
shared by the production-setup test (tests/web/test_deploy.py) and the load benchmark."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MAIN = """
{user} worker_processes 1; pid {tmp}/nginx.pid; error_log {tmp}/error.log warn;
events {{ worker_connections 4096; }}
http {{ access_log off; client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;
       fastcgi_temp_path {tmp}/f; uwsgi_temp_path {tmp}/u; scgi_temp_path {tmp}/s;
       include {tmp}/genebot.conf; }}
"""


def nginx_command(tmp: Path, proxy_port: int, app_port: int, rate_limit: bool = True) -> list[str]:
    """Write the site file (its ports replaced) and a main config into ``tmp``; return the
    command that runs nginx in the foreground with them."""
    site = (DEPLOY / "genebot-nginx.conf").read_text(encoding="utf-8")
    site = site.replace("listen 8080;", f"listen 127.0.0.1:{proxy_port};").replace(
        "server 127.0.0.1:8001;", f"server 127.0.0.1:{app_port};")
    if not rate_limit:  # a benchmark measures throughput, not the limit
        site = site.replace("limit_req zone=genebot_api burst=20 nodelay;", "")
    (tmp / "genebot.conf").write_text(site, encoding="utf-8")
    user = "user root;" if os.geteuid() == 0 else ""  # workers must reach this private folder
    (tmp / "nginx.conf").write_text(MAIN.format(tmp=tmp, user=user), encoding="utf-8")
    return [NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"]

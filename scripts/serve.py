"""A loopback static server for a built site, with the production behaviour the tests
and the PDF printer rely on: the `_headers` headers (so a Content-Security-Policy that
broke the site would show), and each language's 404 page for missing paths."""

from __future__ import annotations

import contextlib
import gzip
import io
import socket
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def parse_headers(site: Path) -> dict[str, str]:
    """The headers that `_headers` sets for every path ("/*")."""
    headers, current = {}, None
    path = site / "_headers"
    if not path.exists():
        return headers
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = line.strip()
            continue
        if current == "/*":
            name, _, value = line.strip().partition(":")
            headers[name.strip()] = value.strip()
    return headers


class SiteHandler(SimpleHTTPRequestHandler):
    prefix = "/"
    extra_headers: dict[str, str] = {}
    gzip = False   # compress text responses, as a real host does (for Lighthouse)

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (self.gzip and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")
                and path.suffix in (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")):
            body = gzip.compress(path.read_bytes())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        if code == 404:
            spanish = self.path.startswith(self.prefix + "es/")
            page = Path(self.directory) / self.prefix.strip("/") / ("es/404.html" if spanish else "404.html")
            if page.exists():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        super().send_error(code, message, explain)

    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(root: Path, port: int, prefix: str = "/", gzip: bool = False) -> Iterator[str]:
    """Serve `root` on 127.0.0.1:port; the site itself is at root/<prefix>. Yields its URL."""
    handler = type("Handler", (SiteHandler,), {
        "prefix": prefix, "extra_headers": parse_headers(root / prefix.strip("/")), "gzip": gzip})
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()

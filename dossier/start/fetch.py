"""Fetch a web page for `new article --from URL`: HTTP(S) only, bounded in time and size.

Redirects are followed (at most five, and only to http or https addresses); the answer must be
an HTML page of at most MAX_BYTES. Every failure is a `DossierError` that says what happened:
an HTTP status such as 404, no answer in time, a page that is not HTML or is too large.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from dossier.problems import DossierError, quote_text

MAX_BYTES = 5_000_000  # a news page with inline scripts is rarely over 2 MB
TIMEOUT = 20.0  # seconds, for connecting and for each read
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "claims-dossier/1 (new article; +https://github.com/)"


@dataclass(frozen=True)
class Page:
    body: bytes
    url: str  # after redirects
    charset: str | None


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise _not_http(req.full_url, newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _not_http(url: str, target: str) -> DossierError:
    return DossierError(f"{url} redirects to {quote_text(target)}, which is not an http(s) address")


def is_url(text: str) -> bool:
    return urlsplit(text).scheme in ("http", "https")


def fetch(url: str, timeout: float | None = None, max_bytes: int | None = None) -> Page:
    """The page at `url`, or a DossierError saying why not (limits default to TIMEOUT and MAX_BYTES)."""
    timeout = TIMEOUT if timeout is None else timeout
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            kind = headers.get_content_type()
            if kind not in HTML_TYPES:
                raise DossierError(f"{url} is not an HTML page (it is {kind}); save the article's web page instead")
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise DossierError(f"{url} is too large ({int(length):,} bytes; at most {max_bytes:,} are read)")
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise DossierError(f"{url} is too large (over {max_bytes:,} bytes)")
            return Page(body, response.geturl(), headers.get_content_charset())
    except urllib.error.HTTPError as error:
        if error.code in (301, 302, 303, 307, 308):
            target = urljoin(url, error.headers.get("Location", ""))
            if urlsplit(target).scheme not in ("http", "https"):  # urllib refuses it before asking the handler
                raise _not_http(url, target) from None
            raise DossierError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
        raise DossierError(f"{url}: the server answered {error.code} {error.reason}") from None
    except TimeoutError:
        raise DossierError(f"{url}: no answer within {timeout:g} seconds") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise DossierError(f"{url}: no answer within {timeout:g} seconds") from None
        raise DossierError(f"{url}: could not connect ({error.reason})") from None

"""Cookies for login-walled sites, from a Netscape cookies.txt (what browser extensions
export). Read with the standard library's MozillaCookieJar rather than by hand."""

from __future__ import annotations

from http.cookiejar import LoadError, MozillaCookieJar
from pathlib import Path


def load_cookies(path: Path) -> list[dict[str, str]]:
    """The file's cookies as Scrapy Request cookies; ValueError says what is wrong."""
    jar = MozillaCookieJar(str(path))
    try:
        # A logged-in session cookie is usually a session (discard) cookie; keep it.
        jar.load(ignore_discard=True, ignore_expires=True)
    except FileNotFoundError:
        raise ValueError(f"cookies file {path} does not exist") from None
    except (LoadError, OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cookies file {path} is not a Netscape cookies.txt: {exc}") from None
    return [
        {
            "name": cookie.name,
            "value": cookie.value or "",
            "domain": cookie.domain.lstrip("."),
            "path": cookie.path or "/",
        }
        for cookie in jar
    ]

"""What counts as media: the crawler never downloads images, video, audio or archives."""

from __future__ import annotations

from urllib.parse import urlsplit

MEDIA_EXTENSIONS = frozenset(
    """
    jpg jpeg jpe png gif webp bmp tif tiff ico svg svgz heic heif avif jxl psd raw cr2 nef
    mp4 m4v mov avi wmv flv mkv webm mpg mpeg 3gp ogv ts m2ts vob
    mp3 wav ogg oga flac aac m4a wma opus mid midi
    zip rar 7z tar gz tgz bz2 xz zst lz lzma cab iso dmg img arj
    exe msi apk deb rpm bin dll so jar
    pdf doc docx xls xlsx ppt pptx odt ods odp epub mobi djvu
    woff woff2 ttf otf eot swf
    """.split()
)

# Content types we parse. Everything else is aborted at the headers, before the body.
TEXT_CONTENT_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml"}
)


def is_media_url(url: str) -> bool:
    path = urlsplit(url).path.lower()
    last = path.rsplit("/", 1)[-1]
    if "." not in last:
        return False
    return last.rsplit(".", 1)[-1] in MEDIA_EXTENSIONS


def is_text_content_type(header_value: bytes | str | None) -> bool:
    """True for parseable text; a missing Content-Type is given the benefit of the doubt
    (many hidden services omit it) and the size cap still applies."""
    if not header_value:
        return True
    if isinstance(header_value, bytes):
        header_value = header_value.decode("latin-1")
    mime = header_value.split(";", 1)[0].strip().lower()
    return mime in TEXT_CONTENT_TYPES

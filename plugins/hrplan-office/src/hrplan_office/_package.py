"""Deterministic Office packages: the same document always gives the same bytes.

An .xlsx or .docx file is a zip archive (an Open Packaging Conventions package).
openpyxl and python-docx stamp the time of writing into the zip entries and into
the document properties; :func:`fixed_package` rewrites the archive with one
fixed time everywhere, so that the same program and options give identical bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime

from hrplan_office._xml_text import escape_text

__all__ = ["FIXED_TIME", "core_properties", "fixed_package"]

#: The time written into every zip entry and as the documents' creation and modification time.
FIXED_TIME = datetime(2000, 1, 1, tzinfo=UTC)

_CORE = "docProps/core.xml"


def _escape(text: str) -> str:
    return escape_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def core_properties(title: str, subject: str = "", creator: str = "hrplan") -> bytes:
    """The ``docProps/core.xml`` part: title, subject and creator, dated :data:`FIXED_TIME`."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    dcterms = 'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        f"{dcterms}>"
        f"<dc:title>{_escape(title)}</dc:title>"
        f"<dc:subject>{_escape(subject)}</dc:subject>"
        f"<dc:creator>{_escape(creator)}</dc:creator>"
        f"<cp:lastModifiedBy>{_escape(creator)}</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


def fixed_package(data: bytes, core: bytes, first: Sequence[str] = ("[Content_Types].xml",)) -> bytes:
    """The package ``data`` rewritten with fixed times, ``core`` as its core properties.

    Entries named in ``first`` come first, in that order (so that the first bytes
    of the file say what it holds); the others keep their order.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    ordered = [n for n in first if n in names] + [n for n in names if n not in first]
    out = io.BytesIO()
    stamp = FIXED_TIME.timetuple()[:6]
    with zipfile.ZipFile(out, "w") as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, core if name == _CORE else source.read(name))
    return out.getvalue()

"""Recognising Office Open XML files (zip packages) from their first bytes."""

from __future__ import annotations

__all__ = ["is_package_of"]

_ZIP_MAGIC = b"PK\x03\x04"


def is_package_of(head: bytes, part_prefix: bytes) -> bool:
    """Whether ``head`` starts a zip package with a part under ``part_prefix`` (``b"xl/"``, ``b"word/"``).

    Zip entries keep their names uncompressed in the local headers, and Office
    writes the main parts near the start, so the first few kilobytes tell an
    Excel workbook from a Word document.
    """
    return head.startswith(_ZIP_MAGIC) and part_prefix in head

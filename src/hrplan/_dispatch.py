"""Choosing the importer or exporter for a file: by name, by extension, by sniffing."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TypeVar

from hrplan.errors import UnknownFormatError
from hrplan.plugins import Exporter, Importer

__all__ = ["by_name", "by_path", "refuses", "sniff"]

T = TypeVar("T", Exporter, Importer)

#: How many bytes of a file importers get to recognise it.
SNIFF_BYTES = 4096


def by_name(kind: str, name: str, available: Mapping[str, T]) -> T:
    """The plugin registered as ``name``, or an :class:`UnknownFormatError` listing the choices."""
    try:
        return available[name]
    except KeyError:
        raise UnknownFormatError(kind, f"no {kind} called {name!r}", available, name) from None


def by_path(path: str | os.PathLike[str], available: Mapping[str, T]) -> T | None:
    """The plugin whose extension ends ``path``; the longest extension wins."""
    filename = os.fspath(path).lower()
    best: tuple[int, T] | None = None
    for plugin in available.values():
        for extension in plugin.extensions:
            if filename.endswith(extension.lower()) and (best is None or len(extension) > best[0]):
                best = (len(extension), plugin)
    return best[1] if best else None


def refuses(importer: Importer, head: bytes) -> bool:
    """Whether ``importer`` can sniff and says ``head`` is not its format."""
    sniffer = getattr(importer, "sniff", None)
    return sniffer is not None and not sniffer(head)


def sniff(head: bytes, available: Mapping[str, Importer]) -> Importer | None:
    """The first importer whose ``sniff`` recognises ``head``."""
    for importer in available.values():
        sniffer = getattr(importer, "sniff", None)
        if sniffer is not None and sniffer(head):
            return importer
    return None

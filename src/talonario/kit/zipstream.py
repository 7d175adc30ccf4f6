"""Streaming a ZIP as it is written (exports, a period's PDFs)."""

from typing import Any


class Sink:
    """Where zipfile writes: kept until taken, never seekable (zipfile then writes each entry
    with a data descriptor, which is what lets it stream)."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def write(self, data: Any) -> int:
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        out = b"".join(self.chunks)
        self.chunks.clear()
        return out

"""Content negotiation over the `Accept` header (RFC 9110 §12.5.1), for endpoints that offer
more than one media type of the same thing."""

from collections.abc import Sequence


def _ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for item in accept.split(","):
        media, *params = (part.strip() for part in item.split(";"))
        if not media:
            continue
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((media.lower(), quality))
    return ranges


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    """The q of the most specific range that matches `offer` (exact, then type/*, then */*)."""
    kind = offer.split("/", 1)[0]
    best: tuple[int, float] = (-1, 0.0)
    for media, quality in ranges:
        if media == offer:
            specificity = 2
        elif media == f"{kind}/*":
            specificity = 1
        elif media == "*/*":
            specificity = 0
        else:
            continue
        if specificity > best[0]:
            best = (specificity, quality)
    return best[1]


def preferred(accept: str | None, offers: Sequence[str]) -> str:
    """The offer the client prefers; the first offer (the default) on a tie, without a header,
    or when nothing offered is acceptable (answering the default beats a 406 for an image)."""
    if not accept:
        return offers[0]
    ranges = _ranges(accept)
    best, best_quality = offers[0], _quality(offers[0], ranges)
    for offer in offers[1:]:
        quality = _quality(offer, ranges)
        if quality > best_quality:
            best, best_quality = offer, quality
    return best

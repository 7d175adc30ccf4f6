"""Requests per minute per API key, in memory or shared through Redis (TALONARIO_REDIS_URL)."""

import math
import time
from dataclasses import dataclass

from limits import RateLimitItemPerMinute
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter


@dataclass(frozen=True, slots=True)
class RateDecision:
    allowed: bool
    limit: int
    remaining: int
    reset_seconds: int

    def headers(self) -> dict[str, str]:
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset_seconds),
        }


class RateLimiter:
    def __init__(self, per_minute: int, redis_url: str | None) -> None:
        self.per_minute = per_minute
        # Redis answers over the network: callers on the event loop hand it to a thread.
        self.is_remote = bool(redis_url)
        self.item = RateLimitItemPerMinute(max(per_minute, 1))
        storage = storage_from_string(redis_url if redis_url else "memory://")
        self.limiter = FixedWindowRateLimiter(storage)

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0

    def hit(self, key: str) -> RateDecision:
        allowed = self.limiter.hit(self.item, "apikey", key)
        stats = self.limiter.get_window_stats(self.item, "apikey", key)
        reset = max(1, math.ceil(stats.reset_time - time.time()))
        return RateDecision(allowed, self.per_minute, max(0, stats.remaining), reset)

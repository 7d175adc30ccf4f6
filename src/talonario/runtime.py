"""What a running process shares between requests: settings, database, caches, limiter."""

from dataclasses import dataclass

from talonario.auth.keys import KeyCache
from talonario.auth.ratelimit import RateLimiter
from talonario.config import Settings
from talonario.db import Database, create_database


@dataclass
class Runtime:
    settings: Settings
    db: Database
    keys: KeyCache
    limiter: RateLimiter

    @classmethod
    def from_settings(cls, settings: Settings) -> "Runtime":
        return cls(
            settings=settings,
            db=create_database(settings),
            keys=KeyCache(settings.api_key_cache_seconds),
            limiter=RateLimiter(settings.rate_limit_per_minute, settings.redis_url),
        )

"""What a running process shares between requests: settings, database, group commit, caches,
limiter."""

from dataclasses import dataclass

from talonario.auth.keys import KeyCache, KeyRevalidator
from talonario.auth.ratelimit import RateLimiter
from talonario.config import Settings
from talonario.db import Database, create_database
from talonario.db.group_commit import GroupCommit
from talonario.records.batch import prepare_batch


@dataclass
class Runtime:
    settings: Settings
    db: Database
    writes: GroupCommit
    keys: KeyCache
    limiter: RateLimiter
    key_revalidator: KeyRevalidator

    @classmethod
    def from_settings(cls, settings: Settings) -> "Runtime":
        db = create_database(settings)
        keys = KeyCache(settings.api_key_cache_seconds)
        return cls(
            settings=settings,
            db=db,
            writes=GroupCommit(db, prepare=prepare_batch),
            keys=keys,
            limiter=RateLimiter(settings.rate_limit_per_minute, settings.redis_url),
            key_revalidator=KeyRevalidator(keys, db),
        )

    def close(self) -> None:
        self.key_revalidator.stop()
        self.writes.stop()
        self.db.dispose()

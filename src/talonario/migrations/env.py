"""Alembic environment: the URL comes from TALONARIO_DATABASE_URL unless the caller set one."""

from alembic import context
from sqlalchemy import create_engine

from talonario.config import get_settings
from talonario.models import Base

config = context.config
url = config.attributes.get("database_url") or get_settings().database_url


def run() -> None:
    engine = create_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run()

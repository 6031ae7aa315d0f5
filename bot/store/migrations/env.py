"""Alembic environment: runs on the connection the bot hands over (see bot/store/db.py)."""

from __future__ import annotations

from alembic import context

from bot.store.db import Base, import_models

import_models()
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations with `getinvolved db upgrade` or through the bot")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()

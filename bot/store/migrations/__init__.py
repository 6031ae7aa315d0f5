"""Alembic migrations for the Get Involved database."""

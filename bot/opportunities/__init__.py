"""Opportunities to have a say (placeholder from the contract: H1's version wins at merge)."""

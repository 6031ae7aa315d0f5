"""Opportunities: chances to have a say that staff publish, matched to each person's profile."""

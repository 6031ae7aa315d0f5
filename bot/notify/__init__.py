"""Email: team notifications (at once or a daily digest) and answers to people, sent from a
queue in the database (bot/store/outbox.py) by a background task, never in a conversation."""

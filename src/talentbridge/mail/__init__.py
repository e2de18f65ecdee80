"""Outgoing e-mail through an outbox: written in the transaction, sent after commit."""

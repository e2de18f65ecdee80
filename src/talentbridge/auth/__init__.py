"""Users, roles, sessions, API tokens and who may do what."""

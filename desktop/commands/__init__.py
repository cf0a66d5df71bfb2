"""One module per ``ipdesk`` command group; each exposes ``register(subparsers)``."""

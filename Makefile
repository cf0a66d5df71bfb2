# The two entry points of the README. Both set up a fresh machine first (scripts/bootstrap.sh).
.PHONY: run test lint setup demo-national package

setup:
	@./scripts/bootstrap.sh

## run: set up, create a demo database on first run (city scale), start the app
run: setup
	.venv/bin/ipdesk gui --demo-if-empty

## test: set up, then run the whole test suite headless (Qt offscreen)
test: setup
	QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q

lint: setup
	.venv/bin/ruff check .
	.venv/bin/lint-imports

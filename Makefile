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

## package: set up, then build the Linux bundle dist/ipdesk (PyInstaller, docs/PACKAGING.md),
## run its headless smoke test and pack dist/ipdesk-<version>-linux-x86_64.tar.gz
package: setup
	.venv/bin/pip install -q "pyinstaller>=6.5"
	.venv/bin/pyinstaller --noconfirm --log-level WARN --workpath build/pyinstaller --distpath dist packaging/ipdesk.spec
	rm -rf dist/ipdesk/linux && cp -r packaging/linux dist/ipdesk/linux
	packaging/smoke.sh dist/ipdesk
	tar -C dist -czf dist/ipdesk-$$(dist/ipdesk/ipdesk --version | cut -d' ' -f2)-linux-$$(uname -m).tar.gz ipdesk
	@du -sh dist/ipdesk dist/ipdesk-*.tar.gz

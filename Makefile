# The two entry points of the README. Both set up a fresh machine first (scripts/bootstrap.sh).
.PHONY: run test lint setup demo-national package i18n

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
	@echo "bundle: $$(du -sb dist/ipdesk | cut -f1 | awk '{printf "%.1f", $$1 / 1048576}') MB of files (target <= 150, docs/PACKAGING.md)"

## i18n: refresh the English translation: list the register texts (scripts/i18n_registers.py), extract
## every wrapped string of desktop/ into resources/translations/ipdesk_en.ts (pyside6-lupdate; obsolete
## entries dropped), then compile ipdesk_en.qm (pyside6-lrelease). Translate new entries in the .ts
## (Qt Linguist: .venv/bin/pyside6-linguist, or any editor) and run it again; commit the .ts and .qm.
I18N_SOURCES = $(shell find desktop -name '*.py' | sort)
i18n:
	.venv/bin/python scripts/i18n_registers.py
	@.venv/bin/pyside6-lupdate -locations none -no-obsolete -source-language zh_CN -target-language en \
		$(I18N_SOURCES) -ts resources/translations/ipdesk_en.ts
	.venv/bin/pyside6-lrelease -nounfinished resources/translations/ipdesk_en.ts -qm resources/translations/ipdesk_en.qm

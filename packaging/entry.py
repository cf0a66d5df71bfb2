"""PyInstaller entry point of the bundle: the ``ipdesk`` console script (``desktop.cli:main``)."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())

import shutil
import subprocess

import pytest


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler-utils) not installed")


@pytest.fixture
def pdftext():
    def run(path, layout=True) -> str:
        _need("pdftotext")
        args = ["pdftotext", "-layout", str(path), "-"] if layout else ["pdftotext", str(path), "-"]
        return subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return run


@pytest.fixture
def pdffonts():
    def run(path) -> list[list[str]]:
        _need("pdffonts")
        out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
        return [line.split() for line in out.splitlines()[2:] if line.strip()]
    return run

"""Where bundled resources and user data live, from source checkouts and frozen bundles alike."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "ipdesk"
APP_AUTHOR = "ipdesk"


def resources_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"找不到资源文件：{path}")
    return path


def user_data_dir() -> Path:
    from platformdirs import user_data_dir as _udd

    return Path(_udd(APP_NAME, APP_AUTHOR))


def default_db_path() -> Path:
    """``$IPDESK_DB`` if set, else ``ipdesk.sqlite`` in the user data directory."""
    env = os.environ.get("IPDESK_DB")
    if env:
        return Path(env).expanduser()
    return user_data_dir() / "ipdesk.sqlite"

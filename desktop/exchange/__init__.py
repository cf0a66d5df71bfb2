"""数据交换的界面：导出/导入数据包（后台运行）、冲突处理、办公室与密钥，以及从文件管理器打开 .ipx。

``install(window)`` adds 文件 › 数据交换 to the main window with one call (see :mod:`desktop.exchange.menu`);
``open_package(window, path)`` is the import flow that ``ipdesk gui FILE.ipx`` starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def install(window: Any) -> Any:
    from desktop.exchange.menu import ExchangeUi

    return ExchangeUi(window)


def open_package(window: Any, path: str | Path | None = None) -> Any:
    from desktop.exchange.menu import open_package as flow

    return flow(window, path)

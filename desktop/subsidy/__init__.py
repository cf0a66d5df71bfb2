"""补贴与理赔流程的界面：试点项目与规则、补贴申请办理、批量办理、预算台账、待办、理赔流程、公示名单。

``install(window)`` wires everything into the main window with one call (see :mod:`desktop.subsidy.wiring`).
"""

from __future__ import annotations

from typing import Any


def install(window: Any) -> Any:
    from desktop.subsidy.wiring import SubsidyUi

    return SubsidyUi(window)

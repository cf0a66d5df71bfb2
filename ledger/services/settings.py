"""Ledger-wide settings kept in ``app_setting`` (audited by its triggers): read, validate, write.

* ``get_setting(store, key)`` → the stored text or the default; ``all_settings(store)`` → every key.
* ``check_settings(values)`` → ``list[Issue]`` (live validation for the form).
* ``set_setting(store, key, value)`` / ``set_settings(store, values)`` → validate everything first,
  then write only what changed in one transaction; return the changed keys. Needs
  ``programme.manage`` (管理员) once users exist.
* ``backup_info(store)`` → the backup folder, retention rule and the generations present.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ledger.errors import InvalidInput, Issue
from ledger.store import Store, lookups
from ledger.store import backup as backup_files

AMOUNT_UNITS = ("元", "万元")
DATE_FORMATS = {"YYYY-MM-DD": "2024-03-05", "YYYY年M月D日": "2024年3月5日", "YYYY/MM/DD": "2024/03/05"}
_CODE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str
    default: str
    check: Callable[[str, str], list[Issue]]


def _text(limit: int) -> Callable[[str, str], list[Issue]]:
    def check(key: str, value: str) -> list[Issue]:
        label = SPECS[key].label
        if len(value) > limit:
            return [Issue(key, "text.too_long", f"{label}不能超过 {limit} 个字，实为 {len(value)} 个")]
        if any(unicodedata.category(c) in ("Cc", "Cf") for c in value):
            return [Issue(key, "text.control_char", f"{label}含有控制字符")]
        return []

    return check


def _office_code(key: str, value: str) -> list[Issue]:
    if value and not _CODE.match(value):
        return [Issue(key, "office.code", "办公室代码只能由 1–32 位字母、数字、- 或 _ 组成")]
    return []


def _choice(options: tuple[str, ...]) -> Callable[[str, str], list[Issue]]:
    def check(key: str, value: str) -> list[Issue]:
        if value not in options:
            return [Issue(key, "setting.choice", f"{SPECS[key].label}只能是 {'、'.join(options)} 之一，实为 {value}")]
        return []

    return check


def _programme_id(key: str, value: str) -> list[Issue]:
    if value and not value.isdigit():
        return [Issue(key, "programme.id", f"默认试点项目编号无效：{value}")]
    return []


SPECS: dict[str, SettingSpec] = {s.key: s for s in (
    SettingSpec("bureau_name", "局名称（报告封面）", "", _text(60)),
    SettingSpec("office_code", "办公室代码", "", _office_code),
    SettingSpec("office_name", "办公室名称", "", _text(100)),
    SettingSpec("default_programme_id", "默认试点项目", "", _programme_id),
    SettingSpec("amount_unit", "金额显示单位", "万元", _choice(AMOUNT_UNITS)),
    SettingSpec("date_format", "日期格式", "YYYY-MM-DD", _choice(tuple(DATE_FORMATS))),
)}


def _security() -> Any:
    try:
        return importlib.import_module("ledger.security")
    except ImportError:
        return None


def _require_manage(store: Store) -> None:
    require = getattr(_security(), "require", None)
    if require is not None:
        require(store, "programme.manage")


def _known(key: str) -> SettingSpec:
    spec = SPECS.get(key)
    if spec is None:
        raise InvalidInput([Issue(key, "setting.unknown", f"未知的设置项：{key}")])
    return spec


def get_setting(store: Store, key: str) -> str:
    spec = _known(key)
    return store.setting(key, spec.default) or spec.default


def all_settings(store: Store) -> dict[str, str]:
    return {key: get_setting(store, key) for key in SPECS}


def check_settings(values: Mapping[str, str], store: Store | None = None) -> list[Issue]:
    issues: list[Issue] = []
    for key, value in values.items():
        spec = SPECS.get(key)
        if spec is None:
            issues.append(Issue(key, "setting.unknown", f"未知的设置项：{key}"))
            continue
        issues += spec.check(key, str(value).strip())
    pid = str(values.get("default_programme_id", "")).strip()
    if store is not None and pid.isdigit() and not lookups.exists(store.conn, "programme", int(pid)):
        issues.append(Issue("default_programme_id", "programme.missing", f"试点项目 #{pid} 不存在"))
    return issues


def set_settings(store: Store, values: Mapping[str, str]) -> list[str]:
    """Validate all, then write the changed ones in one transaction; return the changed keys."""
    clean = {k: str(v).strip() for k, v in values.items()}
    issues = check_settings(clean, store)
    if issues:
        raise InvalidInput(issues)
    current = all_settings(store)
    changed = [k for k, v in clean.items() if v != current[k]]
    if not changed:
        return []
    _require_manage(store)
    with store.write() as conn:
        for key in changed:
            lookups.set_setting(conn, key, clean[key])
    return changed


def set_setting(store: Store, key: str, value: str) -> bool:
    _known(key)
    return bool(set_settings(store, {key: value}))


@dataclass(frozen=True)
class BackupInfo:
    folder: str
    retention: str
    generations: int
    latest: str


def backup_info(store: Store) -> BackupInfo:
    from ledger.services.backup_generations import DAILY, MONTHLY, WEEKLY, backup_dir_of

    folder = backup_dir_of(store)
    files = sorted(backup_files.generation_files(folder, store.path)) if folder.is_dir() else []
    return BackupInfo(
        folder=str(folder),
        retention=f"每天首次打开时自动备份；保留最近 {DAILY} 天、{WEEKLY} 周、{MONTHLY} 个月各一份",
        generations=len(files),
        latest=files[-1].name if files else "",
    )

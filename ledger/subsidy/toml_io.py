"""RuleSet ⇄ TOML (the documented exchange format, see resources/programmes/README.md).

Money is written in yuan (keys ending ``_yuan``; strings like ``"200000.00"`` or
integers), ratios as percent strings (``"50%"``, ``"62.5%"``), dates as TOML dates
or ``"YYYY-MM-DD"`` strings. Internally money is fen and ratios are basis points.
"""

from __future__ import annotations

import tomllib
from dataclasses import fields
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import tomli_w

from ledger.errors import InvalidInput, Issue, errors_only
from ledger.paths import resource_path
from ledger.subsidy.rules import RuleSet, TypeCap, Uplift, _pct, validate_rules

FORMAT_VERSION = 1

# section → {toml key: (RuleSet field, kind)}
_SPEC: dict[str, dict[str, tuple[str, str]]] = {
    "programme": {
        "name": ("name", "str"), "year": ("year", "int"), "region": ("region", "str"),
        "source": ("source", "str"), "notes": ("notes", "str"),
        "programme_year_index": ("programme_year_index", "int"),
    },
    "ratio": {
        "default": ("ratio_bp", "pct"), "max": ("max_ratio_bp", "pct"),
        "times_funded_basis": ("times_funded_basis", "str"),
        "by_times_funded": ("ratio_by_times_funded", "pct_list"),
        "by_tier": ("tier_ratios", "pct_dict"),
        "ladder_by_tier": ("tier_ratio_ladders", "pct_list_dict"),
    },
    "caps": {
        "per_policy_yuan": ("cap_per_policy_fen", "yuan"),
        "per_policy_by_times_funded_yuan": ("cap_per_policy_by_times_funded_fen", "yuan_list"),
        "per_ip_right_yuan": ("cap_per_ip_right_fen", "yuan"),
        "per_enterprise_year_yuan": ("cap_per_enterprise_year_fen", "yuan"),
        "per_enterprise_year_by_tier_yuan": ("cap_per_enterprise_year_by_tier_fen", "yuan_dict"),
        "programme_total_yuan": ("cap_programme_total_fen", "yuan"),
    },
    "premium": {
        "min_yuan": ("min_premium_fen", "yuan"), "min_basis": ("min_premium_basis", "str"),
        "max_rate": ("max_premium_rate_bp", "pct"),
        "max_rate_overseas": ("max_premium_rate_overseas_bp", "pct"),
    },
    "budget": {
        "total_yuan": ("budget_fen", "yuan"), "exhaustion": ("budget_exhaustion", "str"),
    },
    "eligibility": {
        "required_tags_any": ("required_tags_any", "str_list"),
        "insurance_types": ("insurance_types_allowed", "str_list"),
        "exclude_blacklisted": ("exclude_blacklisted", "bool"),
        "min_ip_remaining_years": ("min_ip_remaining_years", "int"),
        "require_premium_fully_paid": ("require_premium_fully_paid", "bool"),
        "exclude_cancelled_policy": ("exclude_cancelled_policy", "bool"),
        "contract_date_from": ("contract_date_from", "date"),
        "contract_date_to": ("contract_date_to", "date"),
        "require_no_double_funding_declaration": ("require_no_double_funding_declaration", "bool"),
        "exclude_other_department_funding": ("exclude_other_department_funding", "bool"),
    },
    "uniqueness": {
        "ip_right_insurance_type": ("unique_ip_type_scope", "str"),
        "policy_once": ("unique_policy", "bool"),
    },
    "rounding": {"mode": ("rounding", "str"), "unit": ("rounding_unit", "str")},
}
_UPLIFT_KEYS = {"name", "when_any", "add", "enterprise_year_cap_yuan", "type_cap_yuan"}
_TYPECAP_KEYS = {"name", "types", "scope", "cap_yuan"}
_KIND_HINT = {
    "str": "文本", "int": "整数", "bool": "true 或 false", "pct": "百分比字符串（如 \"50%\"）",
    "yuan": "金额（元，如 \"200000.00\" 或 200000）", "date": "日期 YYYY-MM-DD",
    "str_list": "文本列表", "pct_list": "百分比列表", "yuan_list": "金额列表",
    "pct_dict": "表（企业类型 = 百分比）", "pct_list_dict": "表（企业类型 = 百分比列表）",
    "yuan_dict": "表（企业类型 = 金额）",
}


class _Bad(ValueError):
    pass


def _yuan_to_fen(v: Any) -> int:
    if isinstance(v, bool):
        raise _Bad
    if isinstance(v, int):
        return v * 100
    if isinstance(v, float):
        v = repr(v)
    if not isinstance(v, str):
        raise _Bad
    try:
        d = Decimal(v.replace(",", "").strip()) * 100
    except InvalidOperation as exc:
        raise _Bad from exc
    if not d.is_finite() or d != d.to_integral_value():
        raise _Bad
    return int(d)


def _pct_to_bp(v: Any) -> int:
    if not isinstance(v, str) or not v.strip().endswith("%"):
        raise _Bad
    try:
        d = Decimal(v.strip()[:-1].strip()) * 100
    except InvalidOperation as exc:
        raise _Bad from exc
    if not d.is_finite() or d != d.to_integral_value():
        raise _Bad
    return int(d)


def _convert(kind: str, v: Any) -> Any:
    if kind == "str":
        if not isinstance(v, str):
            raise _Bad
        return v
    if kind == "int":
        if isinstance(v, bool) or not isinstance(v, int):
            raise _Bad
        return v
    if kind == "bool":
        if not isinstance(v, bool):
            raise _Bad
        return v
    if kind == "pct":
        return _pct_to_bp(v)
    if kind == "yuan":
        return _yuan_to_fen(v)
    if kind == "date":
        if isinstance(v, date):
            return v.isoformat()
        if isinstance(v, str):
            return v
        raise _Bad
    if kind.endswith("_list"):
        if not isinstance(v, list):
            raise _Bad
        return tuple(_convert(kind[:-5], x) for x in v)
    if kind.endswith("_dict"):
        if not isinstance(v, dict):
            raise _Bad
        return {str(k): _convert(kind[:-5], x) for k, x in v.items()}
    raise AssertionError(kind)


def _unknown(where: str, keys: set[str], allowed: set[str]) -> list[Issue]:
    return [Issue(f"{where}.{k}" if where else k, "toml.unknown_key",
                  f"[{where or '顶层'}] 中的键 {k} 未知；可用：{'、'.join(sorted(allowed))}")
            for k in sorted(keys - allowed)]


def _get(issues: list[Issue], where: str, table: dict, key: str, kind: str) -> Any:
    try:
        return _convert(kind, table[key])
    except _Bad:
        issues.append(Issue(f"{where}.{key}", "toml.type",
                            f"[{where}] {key} 应为{_KIND_HINT[kind]}，实为 {table[key]!r}"))
        return None


def rules_from_toml(text: str, source_name: str = "规则文件") -> RuleSet:
    """Parse and check a programme TOML; raise ``InvalidInput`` naming the bad keys."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        issue = Issue("toml", "toml.syntax", f"{source_name} 不是有效的 TOML：{exc}")
        raise InvalidInput([issue]) from exc
    issues: list[Issue] = _unknown("", set(doc), {"format", *_SPEC, "uplifts"})
    if doc.get("format", FORMAT_VERSION) != FORMAT_VERSION:
        issues.append(Issue("format", "toml.format",
                            f"格式版本 {doc.get('format')!r} 不受支持（应为 {FORMAT_VERSION}）"))
    kw: dict[str, Any] = {}
    for section, spec in _SPEC.items():
        table = doc.get(section, {})
        if not isinstance(table, dict):
            issues.append(Issue(section, "toml.type", f"[{section}] 应为表"))
            continue
        allowed = set(spec) | ({"by_insurance_type"} if section == "caps" else set())
        issues += _unknown(section, set(table), allowed)
        for key, (fname, kind) in spec.items():
            if key in table:
                value = _get(issues, section, table, key, kind)
                if value is not None:
                    kw[fname] = value
    for where, key in (("programme", "name"), ("programme", "year"), ("ratio", "default")):
        if not isinstance(doc.get(where), dict) or key not in doc[where]:
            issues.append(Issue(f"{where}.{key}", "toml.missing", f"缺少必填项 [{where}] {key}"))
    kw["insurance_type_caps"] = tuple(_typecaps(issues, doc.get("caps", {})))
    kw["uplifts"] = tuple(_uplifts(issues, doc.get("uplifts", [])))
    if errors_only(issues):
        raise InvalidInput(issues, f"{source_name}：" + "；".join(i.message for i in issues))
    rs = RuleSet(**kw)
    problems = errors_only(validate_rules(rs))
    if problems:
        raise InvalidInput(problems, f"{source_name}：规则自相矛盾：" + "；".join(i.message for i in problems))
    return rs


def _items(issues: list[Issue], where: str, value: Any, allowed: set[str]) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
        issues.append(Issue(where, "toml.type", f"[[{where}]] 应为表数组"))
        return []
    out = []
    for item in value:
        issues.extend(_unknown(where, set(item), allowed))
        if "name" not in item:
            issues.append(Issue(f"{where}.name", "toml.missing", f"[[{where}]] 缺少 name"))
        out.append(item)
    return out


def _typecaps(issues: list[Issue], caps: Any) -> list[TypeCap]:
    if not isinstance(caps, dict):
        return []
    out = []
    where = "caps.by_insurance_type"
    for item in _items(issues, where, caps.get("by_insurance_type", []), _TYPECAP_KEYS):
        vals = {k: _get(issues, where, item, k, kind) for k, kind in
                (("name", "str"), ("types", "str_list"), ("scope", "str"), ("cap_yuan", "yuan"))
                if k in item}
        if "cap_yuan" not in item or "types" not in item:
            issues.append(Issue(where, "toml.missing", f"[[{where}]] 须有 types 和 cap_yuan"))
        elif None not in vals.values():
            out.append(TypeCap(vals.get("name", ""), vals["types"], vals["cap_yuan"],
                               vals.get("scope", "any")))
    return out


def _uplifts(issues: list[Issue], value: Any) -> list[Uplift]:
    out = []
    for item in _items(issues, "uplifts", value, _UPLIFT_KEYS):
        vals = {k: _get(issues, "uplifts", item, k, kind) for k, kind in
                (("name", "str"), ("when_any", "str_list"), ("add", "pct"),
                 ("enterprise_year_cap_yuan", "yuan"), ("type_cap_yuan", "yuan_dict"))
                if k in item}
        if "add" not in item or "when_any" not in item:
            issues.append(Issue("uplifts", "toml.missing", "[[uplifts]] 须有 when_any 和 add"))
        elif None not in vals.values():
            out.append(Uplift(vals.get("name", ""), vals["when_any"], vals["add"],
                              vals.get("type_cap_yuan", {}), vals.get("enterprise_year_cap_yuan")))
    return out


def _fen_to_yuan(fen: int) -> str:
    whole, cents = divmod(abs(fen), 100)
    return f"{'-' if fen < 0 else ''}{whole}.{cents:02d}"


def _out(kind: str, v: Any) -> Any:
    if kind == "pct":
        return _pct(v)
    if kind == "yuan":
        return _fen_to_yuan(v)
    if kind == "date":
        return date.fromisoformat(v)
    if kind.endswith("_list"):
        return [_out(kind[:-5], x) for x in v]
    if kind.endswith("_dict"):
        return {k: _out(kind[:-5], x) for k, x in v.items()}
    return v


def rules_to_toml(rs: RuleSet) -> str:
    """The exchange TOML for ``rs`` (None and empty values are left out)."""
    values = {f.name: getattr(rs, f.name) for f in fields(rs)}
    doc: dict[str, Any] = {"format": FORMAT_VERSION}
    for section, spec in _SPEC.items():
        table = {key: _out(kind, values[fname]) for key, (fname, kind) in spec.items()
                 if values[fname] is not None and values[fname] not in ((), {}, "")}
        if section == "caps" and rs.insurance_type_caps:
            table["by_insurance_type"] = [
                {"name": c.name, "types": list(c.types), "scope": c.scope,
                 "cap_yuan": _fen_to_yuan(c.cap_fen)} for c in rs.insurance_type_caps]
        if table:
            doc[section] = table
    if rs.uplifts:
        doc["uplifts"] = []
        for u in rs.uplifts:
            item: dict[str, Any] = {"name": u.name, "when_any": list(u.when_any), "add": _pct(u.add_bp)}
            if u.enterprise_year_cap_fen is not None:
                item["enterprise_year_cap_yuan"] = _fen_to_yuan(u.enterprise_year_cap_fen)
            if u.type_cap_overrides_fen:
                item["type_cap_yuan"] = {k: _fen_to_yuan(v) for k, v in u.type_cap_overrides_fen.items()}
            doc["uplifts"].append(item)
    return tomli_w.dumps(doc)


def _programmes_dir() -> Path:
    return resource_path("programmes")


def list_programmes() -> list[str]:
    """Slugs of the example programme files shipped in resources/programmes/."""
    return sorted(p.stem for p in _programmes_dir().glob("*.toml"))


def load_programme(slug: str) -> RuleSet:
    """A shipped example, e.g. ``load_programme("wuxi-2020")``."""
    path = _programmes_dir() / f"{slug}.toml"
    return rules_from_toml(path.read_text(encoding="utf-8"), f"{slug}.toml")

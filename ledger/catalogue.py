"""The bundled insurance catalogue: insurers, products and the white paper's typical cases.

Pure loader: reads ``resources/catalogue/*.toml``, validates every entry and returns frozen
dataclasses. No database code here; the store seeds its tables from these objects.
Every problem raises :class:`ledger.errors.DataProblem` with a Chinese message naming the file
and the entry.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ledger.errors import DataProblem
from ledger.paths import resource_path

LIABILITY_CLASSES: tuple[str, ...] = ("补偿类", "责任类", "融资类")
SUBJECTS: tuple[str, ...] = (
    "知识产权综合保险",
    "专利代理人保险",
    "专利执行保险",
    "专利运营保险",
    "专利侵权保险",
    "著作权保险",
    "商标保险",
    "地理标志保险",
    "植物新品种权",
    "集成电路布图设计",
)
IP_TYPES: tuple[str, ...] = (
    "发明专利",
    "实用新型",
    "外观设计",
    "商标",
    "著作权",
    "软件著作权",
    "地理标志",
    "植物新品种",
    "集成电路布图设计",
    "商业秘密",
)
PATENT_TYPES: tuple[str, ...] = ("发明专利", "实用新型", "外观设计")
FUNCTION_CLASSES: tuple[str, ...] = ("激励创新类", "转化运用类", "风险保障类")
TARGET_PARTIES: tuple[str, ...] = (
    "权利人",
    "侵权人",
    "申请人",
    "代理人",
    "评估机构",
    "银行",
    "担保公司",
    "双方",
)
INSURANCE_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "enforcement": "执行/维权费用",
        "infringement_loss": "被侵权损失",
        "infringement_liability": "侵权责任",
        "overseas": "海外纠纷/海外侵权",
        "application_cost": "申请费用",
        "invalidation": "无效/驳回",
        "credit_guarantee": "质押融资保证/许可信用",
        "professional_liability": "职业责任",
        "comprehensive": "综合",
    }
)


@dataclass(frozen=True)
class Insurer:
    code: str
    full_name: str
    short_name: str
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Product:
    code: str
    name: str
    liability_class: str
    subject: str
    ip_types: tuple[str, ...]
    function_class: str
    target_party: tuple[str, ...]
    description: str
    insurers: tuple[str, ...]
    insurance_type: str
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    other_subjects: tuple[str, ...] = ()
    liability_class_inferred: bool = False
    subject_inferred: bool = False
    function_class_inferred: bool = False
    target_party_inferred: bool = False
    notes: str = ""


@dataclass(frozen=True)
class CaseStudySeed:
    number: int
    title: str
    year: int
    region: str
    parties: str
    product: str
    product_codes: tuple[str, ...]
    clause_type: str
    ip_types: str
    insurers: str
    insurer_codes: tuple[str, ...]
    background: str
    innovation: str
    effect: str
    figures: Mapping[str, int]
    year_inferred: bool = False
    effect_incomplete: bool = False
    figures_note: str = ""


# ───────────────────────────── reading and field checks ─────────────────────────────


def _default(name: str) -> Path:
    try:
        return resource_path("catalogue", name)
    except FileNotFoundError as exc:
        raise DataProblem(f"找不到保险目录文件 {name}：{exc}") from exc


def _read(path: Path, array: str) -> tuple[str, list[dict[str, Any]]]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError as exc:
        raise DataProblem(f"找不到保险目录文件：{path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DataProblem(f"保险目录文件 {path} 格式错误（TOML）：{exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataProblem(f"无法读取保险目录文件 {path}：{exc}") from exc
    version = data.get("catalogue_version")
    if not isinstance(version, str) or not version.strip():
        raise DataProblem(f"保险目录文件 {path} 缺少 catalogue_version（目录版本号）")
    entries = data.get(array, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise DataProblem(f"保险目录文件 {path} 中 [[{array}]] 应为条目数组")
    if not entries:
        raise DataProblem(f"保险目录文件 {path} 中没有任何 [[{array}]] 条目")
    return version, entries


class _Entry:
    """Typed access to one TOML table, with messages naming file and entry."""

    def __init__(self, path: Path, kind: str, index: int, raw: dict[str, Any], key: str) -> None:
        self.path, self.kind, self.raw = path, kind, raw
        label = raw.get(key)
        self.where = f"第 {index} 条{kind}" + (f"（{key} = {label}）" if label is not None else "")

    def fail(self, message: str) -> DataProblem:
        return DataProblem(f"保险目录文件 {self.path}，{self.where}：{message}")

    def check_keys(self, allowed: set[str]) -> None:
        unknown = sorted(set(self.raw) - allowed)
        if unknown:
            raise self.fail(f"未知字段 {', '.join(unknown)}")

    def text(self, key: str, *, required: bool = True) -> str:
        value = self.raw.get(key, "")
        if not isinstance(value, str):
            raise self.fail(f"字段 {key} 应为文字")
        value = value.strip()
        if required and not value:
            raise self.fail(f"缺少字段 {key} 或为空")
        return value

    def flag(self, key: str) -> bool:
        value = self.raw.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"字段 {key} 应为 true 或 false")
        return value

    def integer(self, key: str) -> int:
        value = self.raw.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(f"字段 {key} 应为整数")
        return value

    def texts(self, key: str, *, required: bool = True, allowed: tuple[str, ...] = ()) -> tuple[str, ...]:
        value = self.raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"字段 {key} 应为非空文字列表")
        items = tuple(v.strip() for v in value)
        if required and not items:
            raise self.fail(f"字段 {key} 至少需要一项")
        if len(set(items)) != len(items):
            raise self.fail(f"字段 {key} 有重复项")
        for item in items:
            if allowed and item not in allowed:
                raise self.fail(f"字段 {key} 的取值“{item}”不在允许范围内（{'、'.join(allowed)}）")
        return items

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in allowed:
            raise self.fail(f"字段 {key} 的取值“{value}”不在允许范围内（{'、'.join(allowed)}）")
        return value

    def code(self, key: str = "code") -> str:
        value = self.text(key)
        if not value.isascii() or not value.replace("_", "").isalnum() or not value[0].isalpha():
            raise self.fail(f"字段 {key} 应为以字母开头的英文字母、数字或下划线（实为“{value}”）")
        if value != value.lower():
            raise self.fail(f"字段 {key} 应为小写（实为“{value}”）")
        return value


def _unique(path: Path, kind: str, values: list[tuple[str, str]]) -> None:
    """``values`` are (value, what) pairs; any value seen twice is an error."""
    seen: dict[str, str] = {}
    for value, what in values:
        if value in seen:
            raise DataProblem(f"保险目录文件 {path}：{kind}“{value}”重复（{seen[value]}；{what}）")
        seen[value] = what


# ───────────────────────────── insurers ─────────────────────────────

_INSURER_KEYS = {"code", "full_name", "short_name", "aliases", "sources"}


def load_insurers(path: Path | None = None) -> list[Insurer]:
    path = path or _default("insurers.toml")
    _, entries = _read(path, "insurer")
    insurers: list[Insurer] = []
    for i, raw in enumerate(entries, start=1):
        e = _Entry(path, "保险机构", i, raw, "code")
        e.check_keys(_INSURER_KEYS)
        insurers.append(
            Insurer(
                code=e.code(),
                full_name=e.text("full_name"),
                short_name=e.text("short_name"),
                aliases=e.texts("aliases", required=False),
                sources=e.texts("sources", required=False),
            )
        )
    _unique(path, "保险机构代码", [(x.code, x.full_name) for x in insurers])
    names: list[tuple[str, str]] = []
    for x in insurers:
        names += [(n, x.code) for n in {x.full_name, x.short_name, *x.aliases}]
    _unique(path, "保险机构名称", names)
    return insurers


# ───────────────────────────── products ─────────────────────────────

_PRODUCT_KEYS = {f for f in Product.__dataclass_fields__}


def load_products(
    path: Path | None = None, *, insurers_path: Path | None = None
) -> list[Product]:
    path = path or _default("products.toml")
    _, entries = _read(path, "product")
    insurer_codes = {x.code for x in load_insurers(insurers_path)}
    products: list[Product] = []
    for i, raw in enumerate(entries, start=1):
        e = _Entry(path, "产品", i, raw, "code")
        e.check_keys(_PRODUCT_KEYS)
        insurers = e.texts("insurers")
        for code in insurers:
            if code not in insurer_codes:
                raise e.fail(f"引用了未知的保险机构代码“{code}”（见 insurers.toml）")
        subject = e.choice("subject", SUBJECTS)
        other_subjects = e.texts("other_subjects", required=False, allowed=SUBJECTS)
        if subject in other_subjects:
            raise e.fail("other_subjects 不应重复 subject")
        insurance_type = e.text("insurance_type")
        if insurance_type not in INSURANCE_TYPES:
            raise e.fail(
                f"字段 insurance_type 的取值“{insurance_type}”不在允许范围内"
                f"（{'、'.join(INSURANCE_TYPES)}）"
            )
        products.append(
            Product(
                code=e.code(),
                name=e.text("name"),
                aliases=e.texts("aliases", required=False),
                liability_class=e.choice("liability_class", LIABILITY_CLASSES),
                liability_class_inferred=e.flag("liability_class_inferred"),
                subject=subject,
                other_subjects=other_subjects,
                subject_inferred=e.flag("subject_inferred"),
                ip_types=e.texts("ip_types", allowed=IP_TYPES),
                function_class=e.choice("function_class", FUNCTION_CLASSES),
                function_class_inferred=e.flag("function_class_inferred"),
                target_party=e.texts("target_party", allowed=TARGET_PARTIES),
                target_party_inferred=e.flag("target_party_inferred"),
                description=e.text("description"),
                notes=e.text("notes", required=False),
                insurers=insurers,
                insurance_type=insurance_type,
                sources=e.texts("sources"),
            )
        )
    _unique(path, "产品代码", [(p.code, p.name) for p in products])
    names: list[tuple[str, str]] = []
    for p in products:
        names += [(n, p.code) for n in (p.name, *p.aliases)]
    _unique(path, "产品名称", names)
    return products


# ───────────────────────────── cases ─────────────────────────────

_CASE_KEYS = {f for f in CaseStudySeed.__dataclass_fields__}
_FIGURE_SUFFIXES = ("_fen", "_bp", "_count", "_year", "_years", "_per_year")


def _figures(e: _Entry) -> Mapping[str, int]:
    raw = e.raw.get("figures", {})
    if not isinstance(raw, dict):
        raise e.fail("[case.figures] 应为键值表")
    figures: dict[str, int] = {}
    for key, value in raw.items():
        if not key.endswith(_FIGURE_SUFFIXES):
            raise e.fail(f"数据项 {key} 的名称应以 {'、'.join(_FIGURE_SUFFIXES)} 结尾")
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise e.fail(f"数据项 {key} 应为非负整数（金额以分计，比例以基点计）")
        if key.endswith("_bp") and value > 10000:
            raise e.fail(f"比例 {key} = {value} 超过 10000 基点（100%）")
        figures[key] = value
    return MappingProxyType(figures)


def load_cases(
    path: Path | None = None,
    *,
    products_path: Path | None = None,
    insurers_path: Path | None = None,
) -> list[CaseStudySeed]:
    path = path or _default("cases.toml")
    _, entries = _read(path, "case")
    insurer_codes = {x.code for x in load_insurers(insurers_path)}
    product_codes = {p.code for p in load_products(products_path, insurers_path=insurers_path)}
    cases: list[CaseStudySeed] = []
    for i, raw in enumerate(entries, start=1):
        e = _Entry(path, "案例", i, raw, "number")
        e.check_keys(_CASE_KEYS)
        number = e.integer("number")
        if number < 1:
            raise e.fail("案例编号 number 应为正整数")
        year = e.integer("year")
        if not 1990 <= year <= 2100:
            raise e.fail(f"年份 year = {year} 不合理")
        codes = e.texts("product_codes", required=False)
        for code in codes:
            if code not in product_codes:
                raise e.fail(f"引用了未知的产品代码“{code}”（见 products.toml）")
        insurers = e.texts("insurer_codes", required=False)
        for code in insurers:
            if code not in insurer_codes:
                raise e.fail(f"引用了未知的保险机构代码“{code}”（见 insurers.toml）")
        effect_incomplete = e.flag("effect_incomplete")
        cases.append(
            CaseStudySeed(
                number=number,
                title=e.text("title"),
                year=year,
                year_inferred=e.flag("year_inferred"),
                region=e.text("region"),
                parties=e.text("parties"),
                product=e.text("product"),
                product_codes=codes,
                clause_type=e.text("clause_type"),
                ip_types=e.text("ip_types"),
                insurers=e.text("insurers"),
                insurer_codes=insurers,
                background=e.text("background"),
                innovation=e.text("innovation"),
                effect=e.text("effect"),
                effect_incomplete=effect_incomplete,
                figures=_figures(e),
                figures_note=e.text("figures_note", required=False),
            )
        )
    _unique(path, "案例编号", [(str(c.number), c.title) for c in cases])
    return sorted(cases, key=lambda c: c.number)


def catalogue_version(path: Path | None = None) -> str:
    """The version string of the bundled catalogue (``catalogue_version`` in products.toml)."""
    version, _ = _read(path or _default("products.toml"), "product")
    return version.strip()

"""Cell-value parsers for spreadsheet import.

Every parser takes a raw cell value (what python-calamine or the csv module returns:
``str``, ``float``, ``int``, ``bool``, ``datetime.date``/``datetime``) and either returns
the normalised value or raises :class:`ValueError` with a Chinese message that quotes the
value but does not name the field — the caller adds sheet, row and column.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING

from ledger.errors import Issue
from ledger.importing.columns import ColumnSpec, RecordKind, column_letter, get_kind

if TYPE_CHECKING:
    from ledger.importing.headers import HeaderMap

MAX_FEN = 10**15  # 10 万亿元: far beyond any real policy, well inside SQLite INTEGER

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"\s+")


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") and ch not in "\t\n\r"


def _clean(value: str) -> str:
    """NFKC + drop zero-width/control characters, keeping whitespace untouched."""
    text = unicodedata.normalize("NFKC", value).translate(_ZERO_WIDTH)
    if not text.isprintable() and any(_is_control(ch) for ch in text):
        text = "".join(ch for ch in text if not _is_control(ch))
    return text


def normalise_text(value: object) -> str:
    """NFKC (full-width → half-width, U+3000 → space), drop zero-width and control
    characters, collapse whitespace runs to one space, strip. ``None`` → ``''``."""
    if value.__class__ is str and value.isascii() and value.isprintable():  # type: ignore[union-attr]
        # Printable ASCII (most cells): NFKC and the character filter leave it unchanged and
        # its only whitespace is the space, so collapsing and stripping is split + join.
        return " ".join(value.split())  # type: ignore[union-attr]
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return _SPACES.sub(" ", repr(value)).strip()
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return _SPACES.sub(" ", _clean(str(value))).strip()


def _show(value: object) -> str:
    """The value as quoted in messages (short, readable)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    else:
        text = str(value).strip()
    return text if len(text) <= 40 else text[:40] + "…"


# ---------------------------------------------------------------------------- amounts

_UNITS = (("人民币元", 1), ("万元", 10_000), ("千元", 1_000), ("亿元", 100_000_000),
          ("万", 10_000), ("亿", 100_000_000), ("元", 1))
_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+", re.ASCII)
_SEVERAL_NUMBERS = re.compile(r"[0-9]\s*[\s/~～、+\-至到和及;|]\s*[.,]?[0-9]")
_CURRENCY = re.compile(r"^(?:¥|rmb|cny|人民币)|(?:rmb|cny)$", re.IGNORECASE)


def _to_fen(yuan: Decimal, raw: object, *, exact: bool) -> int:
    if yuan < 0:
        raise ValueError(f"金额不能为负数：“{_show(raw)}”")
    fen = yuan * 100
    if fen >= MAX_FEN:
        raise ValueError(f"金额过大：“{_show(raw)}”")
    rounded = fen.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if exact and rounded != fen:
        raise ValueError(f"金额最多精确到分（两位小数）：“{_show(raw)}”")
    return int(rounded)


def parse_amount_fen(value: object, unit_multiplier: int = 1) -> int:
    """Parse an amount into integer fen.

    ``unit_multiplier`` is the column's unit in yuan (1 for 元, 10000 for 万元); a unit
    written in the cell itself (``12.5万``, ``5000元``) wins over the column's.  Numeric
    cells (floats from Excel) are converted via ``repr`` → ``Decimal`` and rounded to the
    fen half-up, as Excel displays them; text must not carry more than two decimals after
    unit conversion.
    """
    if isinstance(value, bool) or value is None:
        raise ValueError(f"无法识别的金额“{_show(value)}”")
    if isinstance(value, int):
        if value >= 0 and unit_multiplier.__class__ is int and (fen := value * unit_multiplier * 100) < MAX_FEN:
            return fen  # whole yuan: exact, what the Decimal path gives
        return _to_fen(Decimal(value) * unit_multiplier, value, exact=True)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"无法识别的金额“{_show(value)}”")
        if abs(value) * unit_multiplier * 100 >= MAX_FEN:
            raise ValueError(f"金额过大：“{_show(value)}”")
        if (value >= 0 and value.is_integer() and unit_multiplier.__class__ is int
                and (fen := int(value) * unit_multiplier * 100) < MAX_FEN):
            return fen  # whole yuan below 2**53: repr → Decimal is the same integer
        return _to_fen(Decimal(repr(value)) * unit_multiplier, value, exact=False)
    if isinstance(value, Decimal):
        if not value.is_finite() or abs(value) * unit_multiplier * 100 >= MAX_FEN:
            raise ValueError(f"无法识别的金额“{_show(value)}”")
        return _to_fen(value * unit_multiplier, value, exact=True)
    if not isinstance(value, str):
        raise ValueError(f"无法识别的金额“{_show(value)}”")
    text = _clean(value).strip()
    if _SEVERAL_NUMBERS.search(text):
        raise ValueError(f"无法识别的金额“{_show(value)}”：一个单元格只能填一个金额")
    text = _SPACES.sub("", text)
    if not text:
        raise ValueError("金额为空")
    negative = False
    if text.startswith("(") and text.endswith(")"):  # accounting negative (1,234.00)
        negative, text = True, text[1:-1]
    if text.startswith(("-", "−", "－")):
        negative, text = True, text[1:]
    elif text.startswith("+"):
        text = text[1:]
    text = _CURRENCY.sub("", text)
    text = _CURRENCY.sub("", text)  # "¥RMB" or a trailing code after a leading symbol
    multiplier = unit_multiplier
    for unit, factor in _UNITS:
        if text.endswith(unit):
            text, multiplier = text[: -len(unit)], factor
            break
    if text.startswith(("-", "−")):
        negative, text = True, text[1:]
    if not _NUMBER.fullmatch(text):
        raise ValueError(f"无法识别的金额“{_show(value)}”")
    try:
        yuan = Decimal(text.replace(",", "")) * multiplier
    except InvalidOperation:  # pragma: no cover - the regex admits only plain decimals
        raise ValueError(f"无法识别的金额“{_show(value)}”") from None
    if negative and yuan != 0:
        raise ValueError(f"金额不能为负数：“{_show(value)}”")
    if yuan * 100 >= MAX_FEN:
        raise ValueError(f"金额过大：“{_show(value)}”")
    return _to_fen(yuan, value, exact=True)


# ---------------------------------------------------------------------------- dates

EXCEL_MAX_SERIAL = 2_958_465  # 9999-12-31
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_DATE_SEP = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?", re.ASCII)
_DATE_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)
_TIME_TAIL = re.compile(r"[ T]?\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$", re.ASCII)


def excel_serial_to_date(serial: float) -> dt.date:
    """Excel 1900 date system; serial 60 is the non-existent 1900-02-29 (Lotus bug)."""
    day = int(serial)
    if day < 1 or day > EXCEL_MAX_SERIAL:
        raise ValueError(f"无法识别的日期“{_show(serial)}”")
    if day == 60:
        raise ValueError("日期不存在：“1900-02-29”（Excel 序号 60）")
    if day < 60:
        return dt.date(1899, 12, 31) + dt.timedelta(days=day)
    return _EXCEL_EPOCH + dt.timedelta(days=day)


def _ymd(year: str, month: str, day: str, raw: object) -> str:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        raise ValueError(f"日期不存在：“{_show(raw)}”") from None


def parse_date(value: object) -> str:
    """Return an ISO ``YYYY-MM-DD`` string from a date cell, an Excel serial number,
    a ``YYYYMMDD`` number or text such as ``2022.9.2`` / ``2022年9月2日``."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        raise ValueError(f"无法识别的日期“{_show(value)}”")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise ValueError(f"无法识别的日期“{_show(value)}”")
        if 1 <= value <= EXCEL_MAX_SERIAL:
            return excel_serial_to_date(value).isoformat()
        if float(value).is_integer() and 10_000_101 <= value <= 99_991_231:
            return parse_date(str(int(value)))
        raise ValueError(f"无法识别的日期“{_show(value)}”")
    if not isinstance(value, str):
        raise ValueError(f"无法识别的日期“{_show(value)}”")
    text = _clean(value).strip()
    if not text:
        raise ValueError("日期为空")
    core = _TIME_TAIL.sub("", text).strip()
    m = _DATE_SEP.fullmatch(core) or _DATE_COMPACT.fullmatch(core)
    if not m:
        raise ValueError(f"无法识别的日期“{_show(value)}”")
    return _ymd(*m.groups(), raw=value)


# ---------------------------------------------------------------------------- others

_TRUE = {"是", "y", "yes", "true", "1", "√", "✓", "✔", "有", "对", "t"}
_FALSE = {"否", "n", "no", "false", "0", "×", "✗", "✘", "无", "不是", "f"}


def parse_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = normalise_text(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"无法识别的是/否值“{_show(value)}”：请填写“是”或“否”")


_LIST_SPLIT = re.compile(r"[、,;/\n\r\t|]+")


def parse_list(value: object) -> list[str]:
    """Split on 、，,;；/ and newlines; trims items, drops blanks and duplicates."""
    if value is None:
        return []
    raw = _clean(value) if isinstance(value, str) else normalise_text(value)
    items: list[str] = []
    for part in _LIST_SPLIT.split(raw):
        item = normalise_text(part)
        if item and item not in items:
            items.append(item)
    return items


def _enum_key(text: str) -> str:
    return _SPACES.sub("", normalise_text(text)).lower()


def parse_enum(value: object, choices: Iterable[str],
               synonyms: Mapping[str, str] | None = None) -> str:
    """Return the canonical choice for ``value`` (case-, width- and space-insensitive)."""
    choices = tuple(choices)
    key = _enum_key(normalise_text(value))
    for choice in choices:
        if _enum_key(choice) == key:
            return choice
    for alias, target in (synonyms or {}).items():
        if _enum_key(alias) == key:
            return target
    raise ValueError(f"“{_show(value)}”不是可选值之一：{'、'.join(choices)}")


_INT = re.compile(r"([-+]?[0-9]{1,18})(?:\.0+)?")
_INT_GROUPED = re.compile(r"[-+]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.0+)?")
_DECIMAL = re.compile(r"[-+]?[0-9]+\.[0-9]+")


def parse_int(value: object) -> int:
    if isinstance(value, bool) or value is None:
        raise ValueError(f"无法识别的整数“{_show(value)}”")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return int(value)
        raise ValueError(f"应为整数：“{_show(value)}”")
    text = _SPACES.sub("", normalise_text(value))
    if _INT_GROUPED.fullmatch(text):
        text = text.replace(",", "")
    m = _INT.fullmatch(text)
    if m is None:
        if _DECIMAL.fullmatch(text):
            raise ValueError(f"应为整数：“{_show(value)}”")
        raise ValueError(f"无法识别的整数“{_show(value)}”")
    return int(m.group(1))


_SHARE_ITEM = re.compile(r"(.*?)[\s:=(]*([0-9]+(?:\.[0-9]+)?)\s*%\)?")


def parse_shares(value: object) -> list[tuple[str, int]]:
    """Parse co-insurance shares: ``人保财险60%、平安产险40%`` → ``[("人保财险", 6000),
    ("平安产险", 4000)]`` (basis points).  A single insurer without a share gets 100 %."""
    items = [i for i in re.split(r"[、,;/\n\r|]+", _clean(value) if isinstance(value, str)
                                 else normalise_text(value)) if i.strip()]
    if not items:
        raise ValueError("保险机构为空")
    result: list[tuple[str, int]] = []
    for item in items:
        text = normalise_text(item)
        m = _SHARE_ITEM.fullmatch(text)
        if m is None:
            if "%" in text or len(items) > 1:
                raise ValueError(f"多家保险机构须写明各自份额，如“人保财险60%、平安产险40%”：“{_show(value)}”")
            return [(text, 10_000)]
        name = m.group(1).strip(" :=(（：")
        if not name:
            raise ValueError(f"份额前缺少保险机构名称：“{_show(value)}”")
        bp = Decimal(m.group(2)) * 100
        if bp != bp.to_integral_value():
            raise ValueError(f"份额最多两位小数：“{_show(value)}”")
        if any(n == name for n, _ in result):
            raise ValueError(f"保险机构“{name}”重复：“{_show(value)}”")
        result.append((name, int(bp)))
    total = sum(bp for _, bp in result)
    if total != 10_000:
        raise ValueError(f"份额合计应为 100%，实为 {Decimal(total) / 100:f}%：“{_show(value)}”")
    return result


def parse_text(value: object) -> str:
    """Text cell → normalised string; numbers typed into text columns lose ``.0``.
    Refuses numbers Excel has already rounded (more than 15 significant digits)."""
    if isinstance(value, float) and math.isfinite(value) and abs(value) >= 1e15:
        raise ValueError(f"数字“{_show(value)}”超过 15 位，Excel 已丢失精度："
                         "请把该列设为“文本”格式后重新填写")
    return normalise_text(value)


# ---------------------------------------------------------------------------- rows


class UncachedFormula:
    """Stands in for a formula cell the file stores without a computed value."""

    _instance: UncachedFormula | None = None

    def __new__(cls) -> UncachedFormula:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "FORMULA_WITHOUT_VALUE"

    def __str__(self) -> str:
        return "（公式，无计算结果）"


FORMULA_WITHOUT_VALUE = UncachedFormula()



@dataclass(frozen=True)
class CellError:
    """One cell that could not be normalised, located as the user sees it."""

    sheet: str
    excel_row: int
    column: str  # Excel column letters; '' for a problem with a missing column
    header: str
    message: str
    key: str = ""

    def __str__(self) -> str:
        where = f"工作表「{self.sheet}」第 {self.excel_row} 行"
        if self.column:
            where += f" {self.column} 列「{self.header}」"
        return f"{where}：{self.message}"

    def to_issue(self) -> Issue:
        return Issue(self.key or "row", "import.cell", str(self))


def _is_blank(value: object) -> bool:
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    return not value.strip() or (not value.isprintable() and not normalise_text(value))


def convert_cell(spec: ColumnSpec, value: object, unit_multiplier: int = 1) -> object:
    """Convert one non-blank cell according to its column spec (raises ValueError)."""
    if isinstance(value, UncachedFormula):
        raise ValueError("单元格是公式但文件中没有计算结果（文件可能由其他程序生成）："
                         "请在 Excel 中打开并保存后再导入，或把公式改为数值")
    match spec.type:
        case "amount":
            return parse_amount_fen(value, unit_multiplier)
        case "date":
            return parse_date(value)
        case "int":
            return parse_int(value)
        case "bool":
            return parse_bool(value)
        case "enum":
            return parse_enum(value, spec.choices, spec.choice_synonyms)
        case "list":
            return parse_list(value)
        case "shares":
            return parse_shares(value)
        case _:
            return parse_text(value)


def normalise_row(kind: str | RecordKind, header_map: HeaderMap, values: Sequence[object], *,
                  sheet: str = "", excel_row: int = 0) -> tuple[dict[str, object], list[CellError]]:
    """Normalise one data row.

    Returns ``(record, errors)``: ``record`` has every mapped key (``None`` for a blank
    cell; a key is absent only when its column is absent); ``errors`` lists the cells
    that failed type conversion, blank required cells and required columns the sheet lacks.
    """
    spec = get_kind(kind)
    record: dict[str, object] = {}
    errors: list[CellError] = []
    for index, col in sorted(header_map.columns.items()):
        cspec = spec.spec(col.key)
        raw = values[index] if index < len(values) else ""
        letter = column_letter(index)
        if _is_blank(raw):
            record[col.key] = None
            if cspec.required:
                errors.append(CellError(sheet, excel_row, letter, col.header, "必填项为空", col.key))
            continue
        try:
            record[col.key] = convert_cell(cspec, raw, col.unit_multiplier)
        except ValueError as exc:
            record[col.key] = None
            errors.append(CellError(sheet, excel_row, letter, col.header, str(exc), col.key))
    for key in header_map.missing_required:
        errors.append(CellError(sheet, excel_row, "", spec.spec(key).header,
                                f"缺少必填列「{spec.spec(key).header}」", key))
    return record, errors

"""Read .xlsx/.xlsm/.xls/.ods (python-calamine) and .csv (csv module) into SheetData.

Only visible worksheets are read.  Rows keep absolute column positions (index 0 is
column A) and carry their Excel row number, so error messages point at the cell the
user sees.  Every problem with the file itself raises :class:`InvalidInput` with a
Chinese message naming the file; calamine exceptions never escape.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

import python_calamine as calamine

from ledger.errors import InvalidInput, Issue
from ledger.importing.columns import RecordKind, get_kind
from ledger.importing.headers import HEADER_SCAN_ROWS, HeaderMap, detect_header
from ledger.importing.normalise import FORMULA_WITHOUT_VALUE

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
CSV_SUFFIXES = (".csv", ".tsv")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
_ZIP_MAGIC = b"PK\x03\x04"

Row = tuple[int, list[object]]


@dataclass
class SheetData:
    """One worksheet: where its header is and an iterator of its data rows.

    ``rows`` yields ``(excel_row_number, values)`` for every non-blank row below the
    header, once (it streams).  ``values[i]`` is the cell in column ``i`` (0 = A).
    """

    path: Path
    sheet: str
    header_row: int  # 1-based, as shown in Excel
    headers: list[str]
    header_map: HeaderMap
    rows: Iterator[Row]

    def __iter__(self) -> Iterator[Row]:
        return self.rows


def _fail(code: str, message: str) -> InvalidInput:
    return InvalidInput([Issue("file", code, message)])


# ------------------------------------------------------------------ opening


def _check_file(path: Path) -> bytes:
    name = path.name
    if not path.exists():
        raise _fail("import.file_missing", f"找不到文件「{name}」：{path}")
    if not path.is_file():
        raise _fail("import.not_a_file", f"「{name}」不是文件：{path}")
    suffix = path.suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES + CSV_SUFFIXES:
        raise _fail("import.unsupported_type",
                    f"不支持的文件类型「{name}」：请选择 .xlsx、.xlsm、.xls、.ods 或 .csv 文件")
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise _fail("import.unreadable", f"无法读取文件「{name}」：{exc.strerror or exc}") from None
    if not head:
        raise _fail("import.empty_file", f"文件「{name}」是空文件（0 字节），没有可导入的数据")
    return head


def _encrypted(name: str) -> InvalidInput:
    return _fail("import.encrypted",
                 f"无法读取文件「{name}」：文件已加密或受密码保护。"
                 "请在 Excel 中取消密码后另存为 .xlsx 再导入")


def _corrupt(name: str, head: bytes, detail: str) -> InvalidInput:
    if head.startswith(_ZIP_MAGIC) or head.startswith(_OLE2_MAGIC):
        return _fail("import.corrupt",
                     f"文件「{name}」已损坏，无法读取（{detail}）：请在 Excel 中打开后另存为 .xlsx 再导入")
    return _fail("import.not_spreadsheet",
                 f"文件「{name}」不是有效的电子表格文件（扩展名与内容不符）：请在 Excel 中另存为 .xlsx 再导入")


def _calamine_detail(exc: BaseException) -> str:
    if isinstance(exc, calamine.ZipError):
        return "压缩包不完整或已损坏"
    if isinstance(exc, calamine.XmlError):
        return "内部 XML 格式错误"
    return type(exc).__name__


def _open_workbook(path: Path, head: bytes) -> calamine.CalamineWorkbook:
    name = path.name
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm") and head.startswith(_OLE2_MAGIC):
        # An OOXML file inside an OLE2 container is an encrypted (password) workbook.
        # A renamed legacy .xls is the other possibility: let calamine sniff it.
        data = path.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") not in data:
            try:
                return calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException:  # noqa: BLE001 - calamine may raise pyo3 panics
                pass
        raise _encrypted(name)
    try:
        return calamine.CalamineWorkbook.from_path(str(path))
    except (KeyboardInterrupt, SystemExit):
        raise
    except calamine.PasswordError:
        raise _encrypted(name) from None
    except OSError as exc:
        raise _fail("import.unreadable", f"无法读取文件「{name}」：{exc}") from None
    except BaseException as exc:  # noqa: BLE001 - CalamineError, ValueError, PanicException
        raise _corrupt(name, head, _calamine_detail(exc)) from None


def _visible_sheets(wb: calamine.CalamineWorkbook) -> list[str]:
    names: list[str] = []
    for meta in wb.sheets_metadata:
        if meta.visible != calamine.SheetVisibleEnum.Visible:
            continue
        if meta.typ != calamine.SheetTypeEnum.WorkSheet:
            continue
        names.append(meta.name)
    return names


def _sheet_rows(path: Path, head: bytes, wb: calamine.CalamineWorkbook, sheet: str,
                formulas: set[tuple[int, int]]) -> Iterator[list[object]]:
    try:
        data = wb.get_sheet_by_name(sheet)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001
        raise _corrupt(path.name, head, f"工作表「{sheet}」：{_calamine_detail(exc)}") from None
    if data.start is None:
        return iter(())
    offset = data.start[1]
    pad: list[object] = [""] * offset

    def gen() -> Iterator[list[object]]:
        # python-calamine pads leading blank rows (row 0 is Excel row 1) but starts
        # each row at the first used column, so re-pad columns to absolute positions.
        for r, row in enumerate(data.iter_rows()):
            values = pad + row if offset else row
            if formulas:
                for c in range(len(values)):
                    if (r, c) in formulas and values[c] == "":
                        values[c] = FORMULA_WITHOUT_VALUE
            yield values

    return gen()


# ------------------------------------------------------ uncached formulas (xlsx)

_CELL_REF = re.compile(r"([A-Z]+)([0-9]+)")
_HAS_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _ref_to_index(ref: str) -> tuple[int, int] | None:
    m = _CELL_REF.fullmatch(ref)
    if m is None:
        return None
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _uncached_formulas(path: Path, sheet: str) -> set[tuple[int, int]]:
    """Formula cells stored without a cached value (files written by openpyxl and other
    generators that cannot calculate).  Best effort: any problem → empty set."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return set()
    try:
        with zipfile.ZipFile(path) as zf:
            target = _sheet_part(zf, sheet)
            if target is None or not _mentions_formula(zf, target):
                return set()
            found: set[tuple[int, int]] = set()
            with zf.open(target) as fh:
                for _event, elem in ElementTree.iterparse(fh, events=("end",)):
                    if _local(elem.tag) != "c":
                        continue
                    children = {_local(ch.tag): ch for ch in elem}
                    if "f" in children and not (children.get("v") is not None
                                                and (children["v"].text or "")):
                        pos = _ref_to_index(elem.get("r", ""))
                        if pos is not None:
                            found.add(pos)
                    elem.clear()
            return found
    except Exception:  # noqa: BLE001 - diagnostics only, calamine has the final word
        return set()


def _sheet_part(zf: zipfile.ZipFile, sheet: str) -> str | None:
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    rid = None
    for elem in book.iter():
        if _local(elem.tag) == "sheet" and elem.get("name") == sheet:
            rid = elem.get(f"{{{rel_ns}}}id")
    if rid is None:
        return None
    rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    for rel in rels:
        if rel.get("Id") == rid:
            target = rel.get("Target", "")
            if target.startswith("/"):
                return target.lstrip("/")
            return str(PurePosixPath("xl") / target)
    return None


_AFTER_F = frozenset(b" \t\n\r\f\v>/")


def _has_formula(data: bytes) -> bool:
    """``_HAS_FORMULA.search(data)``, with ``bytes.find`` doing the scanning: the regex alone
    stops at every ``<`` of the sheet (a second per 10 MB)."""
    i = data.find(b"<f")
    while i != -1:
        if i + 2 < len(data) and data[i + 2] in _AFTER_F:
            return True
        i = data.find(b"<f", i + 2)
    return b":f" in data and _HAS_FORMULA.search(data) is not None  # a prefixed <x:f>


def _mentions_formula(zf: zipfile.ZipFile, part: str) -> bool:
    tail = b""
    with zf.open(part) as fh:
        while chunk := fh.read(1 << 20):
            if _has_formula(tail + chunk):
                return True
            tail = chunk[-8:]
    return False


# ------------------------------------------------------------------ CSV


def _decode_csv(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "gb18030"]
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _fail("import.encoding",
                f"无法识别文件「{path.name}」的文字编码：请在 Excel 中另存为“CSV UTF-8”或 .xlsx 再导入")


def _sniff_delimiter(text: str) -> str:
    sample = list(itertools.islice((ln for ln in text.splitlines() if ln.strip()), 50))
    best, best_score = ",", (False, 0.0, 0)
    for delim in (",", "\t", ";"):
        counts = [len(r) for r in csv.reader(sample, delimiter=delim)]
        if not counts:
            continue
        mode, freq = Counter(counts).most_common(1)[0]
        score = (mode > 1, freq / len(counts), mode)
        if score > best_score:
            best, best_score = delim, score
    return best


def _csv_rows(path: Path) -> list[list[object]]:
    text = _decode_csv(path)
    if "\x00" in text:
        raise _fail("import.not_spreadsheet",
                    f"文件「{path.name}」不是文本格式的 CSV 文件：请在 Excel 中另存为 .xlsx 再导入")
    delim = "\t" if path.suffix.lower() == ".tsv" else _sniff_delimiter(text)
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim)]
    except csv.Error as exc:
        raise _fail("import.corrupt", f"文件「{path.name}」的 CSV 格式有误：{exc}") from None


# ------------------------------------------------------------------ assembling


def _blank(values: Iterable[object]) -> bool:
    for v in values:
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        return False
    return True


def _build(path: Path, sheet: str, rows: Iterator[list[object]], kind: RecordKind,
           extra: Mapping[str, str] | None) -> SheetData | None | bool:
    """SheetData, ``None`` (no header found) or ``False`` (blank sheet)."""
    first = list(itertools.islice(rows, HEADER_SCAN_ROWS))
    if all(_blank(r) for r in first):
        return False
    found = detect_header(kind, first, extra)
    if found is None:
        return None
    offset, hmap = found
    headers = ["" if v is None else str(v).strip() for v in first[offset]]

    def data() -> Iterator[Row]:
        numbered = enumerate(itertools.chain(first[offset + 1:], rows), start=offset + 2)
        for excel_row, values in numbered:
            if not _blank(values):
                yield excel_row, values

    return SheetData(path, sheet, offset + 1, headers, hmap, data())


def _no_header(name: str, sheets: list[str], kind: RecordKind) -> InvalidInput:
    anchor = kind.spec(kind.anchor).header
    others = "、".join([c.header for c in kind.columns if c.key != kind.anchor][:4])
    where = "、".join(f"「{s}」" for s in sheets)
    return _fail("import.no_header",
                 f"在文件「{name}」的工作表{where}前 {HEADER_SCAN_ROWS} 行中找不到表头："
                 f"需要至少包含 {anchor} 和另一个可识别的列名（如 {others}）")


def read_workbook(path: str | Path, kind: str | RecordKind, *,
                  extra_synonyms: Mapping[str, str] | None = None,
                  sheet: str | None = None) -> list[SheetData]:
    """Every visible sheet of ``path`` whose first 20 rows contain a ``kind`` header.

    Raises :class:`InvalidInput` if the file cannot be read, has no data, or no sheet
    has a recognisable header.
    """
    path = Path(path)
    spec = get_kind(kind)
    head = _check_file(path)
    sources: list[tuple[str, Iterator[list[object]]]]
    if path.suffix.lower() in CSV_SUFFIXES:
        sources = [(path.stem, iter(_csv_rows(path)))]
    else:
        wb = _open_workbook(path, head)
        names = _visible_sheets(wb)
        if sheet is not None:
            if sheet not in names:
                raise _fail("import.sheet_missing",
                            f"文件「{path.name}」中没有可见的工作表「{sheet}」")
            names = [sheet]
        sources = [(n, _sheet_rows(path, head, wb, n, _uncached_formulas(path, n))) for n in names]
    found: list[SheetData] = []
    headless: list[str] = []
    for name, rows in sources:
        result = _build(path, name, rows, spec, extra_synonyms)
        if result is None:
            headless.append(name)
        elif result is not False:
            assert isinstance(result, SheetData)
            found.append(result)
    if found:
        return found
    if headless:
        raise _no_header(path.name, headless, spec)
    raise _fail("import.no_data", f"文件「{path.name}」中没有数据：可见的工作表都是空的")


def read_table(path: str | Path, kind: str | RecordKind, *,
               extra_synonyms: Mapping[str, str] | None = None,
               sheet: str | None = None) -> SheetData:
    """The best ``kind`` sheet of ``path`` (most recognised columns; first on ties),
    or the named ``sheet``.  See :func:`read_workbook`."""
    sheets = read_workbook(path, kind, extra_synonyms=extra_synonyms, sheet=sheet)
    return max(sheets, key=lambda s: s.header_map.score)

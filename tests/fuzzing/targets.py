"""Fuzz targets: generated garbage into validators, money, importers, TOML rules, exchange packages.

Each target takes a hypothesis ``DataObject`` and calls the code under test through
:func:`guarded`: a rejection must be a ``LedgerError`` (``InvalidInput``, ``Refused`` …) or a
``ValueError`` whose message contains Chinese; anything else is an unhandled exception. Returned
``Issue`` lists must carry Chinese messages too. ``Recorder`` either raises (tests, so hypothesis
shrinks the input) or collects (the benchmark, to count distinct crashes).
"""

from __future__ import annotations

import io
import random
import re
import tempfile
import traceback
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from ledger import money, validation
from ledger.errors import Issue, LedgerError
from ledger.importing import (
    KINDS,
    detect_header,
    map_headers,
    normalise_row,
    normalise_text,
    parse_amount_fen,
    parse_bool,
    parse_date,
    parse_enum,
    parse_int,
    parse_list,
    parse_shares,
    parse_text,
    read_table,
)
from ledger.importing.normalise import excel_serial_to_date
from ledger.subsidy.toml_io import _SPEC, rules_from_toml

CJK = re.compile(r"[\u3400-\u9fff]")
ACCEPTED = (LedgerError, ValueError)


class NotChinese(AssertionError):
    pass


@dataclass
class Recorder:
    """Counts calls; ``collect=True`` records crashes instead of raising them."""

    collect: bool = False
    calls: int = 0
    rejections: int = 0
    crashes: dict[str, str] = field(default_factory=dict)  # signature -> example traceback

    def crash(self, target: str, exc: BaseException, sample: Any) -> None:
        if not self.collect:
            raise exc
        tb = traceback.extract_tb(exc.__traceback__)
        where = next((f"{f.filename.split('/work/main/')[-1]}:{f.lineno}" for f in reversed(tb)
                      if "/ledger/" in f.filename), "?")
        sig = f"{target}: {type(exc).__name__} at {where}"
        self.crashes.setdefault(sig, f"{sig}\n  input: {sample!r:.300}\n  {exc!s:.300}")


REC = Recorder()


def _check_issues(result: Any) -> None:
    if isinstance(result, list):
        for item in result:
            if isinstance(item, Issue) and not CJK.search(item.message):
                raise NotChinese(f"Issue without Chinese message: {item!r}")


def guarded(target: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    REC.calls += 1
    try:
        result = fn(*args, **kwargs)
    except ACCEPTED as exc:
        message = getattr(exc, "message", None) or str(exc)
        if not CJK.search(message):
            REC.crash(target, NotChinese(f"{type(exc).__name__} without Chinese: {message!r}"), args)
        REC.rejections += 1
        return None
    except Exception as exc:  # noqa: BLE001 - this is what we hunt
        REC.crash(target, exc, args)
        return None
    try:
        _check_issues(result)
    except NotChinese as exc:
        REC.crash(target, exc, args)
    return result


# -- strategies ---------------------------------------------------------------------------------
ID_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXYZIOSVabcxyz.-_/ ．－０１２３９ＡＬＸ\t\n\u3000\u200b\x00\x7f"
CJK_CHARS = "专利商标知识产权有限公司科技无锡元万亿分角整负零壹贰叁肆伍陆柒捌玖拾佰仟年月日是否"
id_text = st.text(alphabet=ID_CHARS + CJK_CHARS[:8], max_size=30)
any_text = st.one_of(st.text(max_size=60), id_text,
                     st.text(alphabet=ID_CHARS + CJK_CHARS + "¥￥,，%％()（）+-eE∞", max_size=40))
numbers = st.one_of(st.integers(), st.integers(min_value=-10**30, max_value=10**30),
                    st.floats(allow_nan=True, allow_infinity=True), st.decimals(allow_nan=True, allow_infinity=True))
objects = st.one_of(any_text, numbers, st.none(), st.booleans(), st.dates(), st.datetimes(),
                    st.binary(max_size=10), st.lists(st.integers(), max_size=3))
amount_text = st.one_of(
    any_text,
    st.from_regex(r"\A[-+¥￥]?[0-9０-９,，]{0,16}(\.[0-9]{0,4})?(万|亿|元|万元)?\Z"),
    st.builds(lambda d: str(d), st.decimals(allow_nan=True, allow_infinity=True)),
)


# -- validators -----------------------------------------------------------------------------------
STR_VALIDATORS = ("validate_uscc", "validate_org_code", "validate_patent", "validate_plant_variety",
                  "validate_ic_layout", "validate_trademark", "validate_free_text_number",
                  "normalise_uscc", "normalise_org_code", "normalise_patent", "normalise_plant_variety",
                  "normalise_ic_layout", "normalise_trademark", "patent_kind", "uscc_region_name",
                  "region_info", "region_name", "is_known_region", "clean_text")


def t_validators(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(STR_VALIDATORS))
    guarded(name, getattr(validation, name), data.draw(any_text))
    value = data.draw(objects)
    guarded("validate_nice_class", validation.validate_nice_class, value)
    guarded("validate_region_code", validation.validate_region_code, value)
    guarded("validate_phone", validation.validate_phone, value)
    guarded("validate_bank_account", validation.validate_bank_account, value)
    guarded("validate_date", validation.validate_date, value, "d", "日期", required=data.draw(st.booleans()))
    guarded("validate_period", validation.validate_period, value, data.draw(objects), "p", "保险期间")
    guarded("validate_text", validation.validate_text, value, "t", "名称",
            max_len=data.draw(st.integers(0, 300)))
    guarded("validate_choice", validation.validate_choice, value, validation.IP_TYPES, "c", "类型")
    guarded("validate_amount_fen", validation.validate_amount_fen, value, "a", "金额")
    ip_type = data.draw(st.one_of(st.sampled_from(validation.IP_TYPES), any_text))
    guarded("validate_ip_number", validation.validate_ip_number, ip_type, data.draw(any_text))
    guarded("validate_share_total", validation.validate_share_total,
            data.draw(st.lists(st.integers(-10**6, 10**6), max_size=6)))


# -- money ----------------------------------------------------------------------------------------
def t_money(data: st.DataObject) -> None:
    text = data.draw(amount_text)
    guarded("parse_amount_text", validation.parse_amount_text, text,
            allow_negative=data.draw(st.booleans()))
    value = data.draw(st.one_of(amount_text, numbers, st.booleans(), st.none()))
    guarded("yuan_to_fen", money.yuan_to_fen, value, allow_negative=data.draw(st.booleans()),
            rounding=data.draw(st.sampled_from([None, "ROUND_HALF_UP", "ROUND_DOWN"])))
    fen = data.draw(st.one_of(st.integers(-10**20, 10**20), st.integers()))  # these take int fen only
    guarded("chinese_capital", money.chinese_capital, fen)
    guarded("format_yuan", money.format_yuan, fen)
    guarded("format_wan", money.format_wan, fen)
    guarded("prose_amount", money.prose_amount, fen)
    guarded("apply_ratio_bp", money.apply_ratio_bp, fen, data.draw(st.integers(-10**6, 10**6)))
    guarded("ratio_bp_of", money.ratio_bp_of, fen, data.draw(st.integers(-10**12, 10**12)))


# -- importing: cell parsers, headers, rows --------------------------------------------------------
PARSERS = {"parse_amount_fen": parse_amount_fen, "parse_date": parse_date, "parse_bool": parse_bool,
           "parse_list": parse_list, "parse_int": parse_int, "parse_shares": parse_shares,
           "parse_text": parse_text, "normalise_text": normalise_text}
date_like = st.one_of(objects, st.from_regex(r"\A\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\Z"),
                      st.floats(-1e6, 3e6), st.integers(-10**6, 10**7))
cell = st.one_of(objects, date_like, amount_text)


def t_parsers(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(PARSERS)))
    value = data.draw(date_like if name == "parse_date" else cell)
    if name == "parse_amount_fen":
        guarded(name, parse_amount_fen, value, data.draw(st.sampled_from([1, 100, 10000, 1000000, 10**8])))
    else:
        guarded(name, PARSERS[name], value)
    guarded("parse_enum", parse_enum, data.draw(cell), validation.IP_TYPES,
            data.draw(st.none() | st.dictionaries(any_text, any_text, max_size=3)))
    # a helper behind parse_date (which refuses NaN/inf first): finite serials only
    guarded("excel_serial_to_date", excel_serial_to_date,
            data.draw(st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.integers(-10**9, 10**9))))


def _header_words(kind: str) -> list[str]:
    spec = KINDS[kind]
    return [c.header for c in spec.columns]


def t_headers(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(sorted(KINDS)))
    words = _header_words(kind)
    header_cell = st.one_of(st.sampled_from(words), cell,
                            st.builds(lambda w, s: w + s, st.sampled_from(words), any_text))
    headers = data.draw(st.lists(header_cell, max_size=25))
    synonyms = data.draw(st.none() | st.dictionaries(any_text, st.sampled_from([*KINDS[kind].keys, "nope"]),
                                                     max_size=3))
    hmap = guarded("map_headers", map_headers, kind, headers, synonyms)
    rows = data.draw(st.lists(st.lists(cell, max_size=12), max_size=6))
    guarded("detect_header", detect_header, kind, [headers, *rows], synonyms)
    if hmap is not None:
        for row in rows:
            guarded("normalise_row", normalise_row, kind, hmap, row, sheet="表1", excel_row=2)


# -- importing: whole files --------------------------------------------------------------------------
_SAMPLES: dict[str, bytes] = {}


def sample_files() -> dict[str, bytes]:
    """A valid xlsx and csv of enterprises (made once) for mutation."""
    if not _SAMPLES:
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.append(_header_words("enterprises"))
        for i in range(5):
            ws.append(["91110000600037341L", f"企业{i}", "320214", "半导体", "专精特新", "张三", "13912345678"][:len(_header_words("enterprises"))])
        buf = io.BytesIO()
        wb.save(buf)
        _SAMPLES[".xlsx"] = buf.getvalue()
        csv = ",".join(_header_words("enterprises")) + "\n" + "91110000600037341L,企业,320214\n" * 3
        _SAMPLES[".csv"] = csv.encode("utf-8")
        _SAMPLES[".csv-gbk"] = csv.encode("gbk")
    return _SAMPLES


def _mutate(blob: bytes, rnd: random.Random) -> bytes:
    b = bytearray(blob)
    how = rnd.randrange(4)
    if how == 0 and b:  # truncate
        return bytes(b[: rnd.randrange(len(b))])
    if how == 1 and b:  # flip bytes
        for _ in range(rnd.randint(1, 20)):
            b[rnd.randrange(len(b))] = rnd.randrange(256)
        return bytes(b)
    if how == 2:  # insert garbage
        at = rnd.randrange(len(b) + 1)
        return bytes(b[:at]) + rnd.randbytes(rnd.randint(1, 64)) + bytes(b[at:])
    return bytes(b)


_TMP = Path(tempfile.mkdtemp(prefix="ipdesk-fuzz-"))


def t_files(data: st.DataObject) -> None:
    samples = sample_files()
    source = data.draw(st.sampled_from([*samples, "random"]))
    if source == "random":
        blob = data.draw(st.binary(max_size=2000))
    else:
        blob = _mutate(samples[source], random.Random(data.draw(st.integers(0, 2**32))))
    suffix = data.draw(st.sampled_from([".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt", ""]))
    if source.startswith(".csv") and data.draw(st.booleans()):
        suffix = ".csv"
    path = _TMP / f"fuzz{suffix}"
    path.write_bytes(blob)
    kind = data.draw(st.sampled_from(sorted(KINDS)))

    def read_all() -> int:
        sheet = read_table(path, kind)
        n = 0
        for excel_row, values in sheet.rows:
            normalise_row(kind, sheet.header_map, values, sheet=sheet.sheet, excel_row=excel_row)
            n += 1
        return n

    guarded("read_table", read_all)


# -- subsidy rules TOML --------------------------------------------------------------------------
toml_scalar = st.one_of(any_text, st.integers(-10**20, 10**20), st.floats(allow_nan=False), st.booleans(),
                        st.dates(), st.sampled_from(["50%", "120%", "-5%", "abc%", "200000.00", "1e400", "NaN%"]))
toml_value = st.recursive(toml_scalar, lambda inner: st.lists(inner, max_size=4)
                          | st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=3), max_leaves=8)


def _toml_doc(data: st.DataObject) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    for section in data.draw(st.lists(st.sampled_from([*_SPEC, "uplifts", "bogus"]), max_size=6, unique=True)):
        if section == "uplifts":
            doc[section] = data.draw(st.lists(st.dictionaries(
                st.sampled_from(["name", "when_any", "add", "enterprise_year_cap_yuan", "type_cap_yuan", "x"]),
                toml_value, max_size=5), max_size=3) | toml_value)
            continue
        keys = list(_SPEC.get(section, {"k": None})) + ["by_insurance_type", "unknown"]
        doc[section] = data.draw(st.dictionaries(st.sampled_from(keys), toml_value, max_size=6) | toml_scalar)
    if data.draw(st.booleans()):
        doc["format"] = data.draw(st.sampled_from([1, 2, "1", 0]))
    return doc


def t_toml(data: st.DataObject) -> None:
    import tomli_w

    how = data.draw(st.sampled_from(["text", "doc", "mutated"]))
    if how == "text":
        text = data.draw(st.one_of(st.text(max_size=300), st.text(alphabet="[]=\"'.,#\n abc0123%{}", max_size=200)))
    else:
        try:
            text = tomli_w.dumps(_toml_doc(data))
        except (TypeError, ValueError):
            return
        if how == "mutated":
            rnd = random.Random(data.draw(st.integers(0, 2**32)))
            text = _mutate(text.encode(), rnd).decode("utf-8", "replace")
    guarded("rules_from_toml", rules_from_toml, text)


# -- exchange packages -------------------------------------------------------------------------------
def exchange_available() -> str:
    """'' when ledger.exchange.package can be fuzzed, else the reason it cannot."""
    try:
        import ledger.exchange.package  # noqa: F401
    except ImportError as exc:
        return f"ledger.exchange 尚不可用：{exc}"
    return ""


_EXCHANGE_STORE: list[Any] = []


def _exchange_conn():
    if not _EXCHANGE_STORE:
        from ledger.store import open_store

        _EXCHANGE_STORE.append(open_store(_TMP / "exchange.sqlite"))
    return _EXCHANGE_STORE[0].conn


member_names = st.one_of(st.sampled_from(["manifest.json", "manifest.sig", "records/enterprise.jsonl",
                                          "../evil", "/abs", "a/../../b", "C:/x", "a\\b", "dup"]),
                         st.text(min_size=1, max_size=20))


def t_exchange(data: st.DataObject) -> None:
    from ledger.exchange import package

    buf = io.BytesIO()
    how = data.draw(st.sampled_from(["zip", "bytes", "mutated"]))
    if how == "bytes":
        blob = data.draw(st.binary(max_size=3000))
    else:
        with warnings.catch_warnings(), zipfile.ZipFile(buf, "w") as zf:
            warnings.simplefilter("ignore")  # duplicate names are part of the attack
            for name in data.draw(st.lists(member_names, max_size=6)):
                content = data.draw(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode),
                                              st.sampled_from([b"{}", b"[]", b'{"format": 1}', b"null"])))
                try:
                    zf.writestr(name, content)
                except Exception:  # noqa: BLE001 - zipfile itself rejects some names (test data, not target)
                    continue
        blob = buf.getvalue()
        if how == "mutated":
            blob = _mutate(blob, random.Random(data.draw(st.integers(0, 2**32))))
    path = _TMP / "fuzz.ipdx"
    path.write_bytes(blob)

    def verify() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            verified = package.verify(_exchange_conn(), path)
        zf = getattr(verified, "zf", None)
        if zf is not None:
            zf.close()

    guarded("exchange.verify", verify)


TARGETS: dict[str, Callable[[st.DataObject], None]] = {
    "validators": t_validators, "money": t_money, "parsers": t_parsers, "headers": t_headers,
    "files": t_files, "toml": t_toml, "exchange": t_exchange,
}


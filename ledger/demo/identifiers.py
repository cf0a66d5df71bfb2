"""Valid-looking identifiers for demo data, each with its real check character.

The check algorithms are implemented here on purpose (not imported from ``ledger.validation``)
so the tests can verify generated numbers against the validators independently.
Every generator takes a ``random.Random`` and a ``seen`` set to keep numbers unique.
"""

from __future__ import annotations

import random

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_PATENT_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9)
# Characters allowed in the organisation-code body of a USCC (both alphabets).
_ORG_BODY = [c for c in USCC_ALPHABET if c in _ORG_ALPHABET]

PATENT_TYPE_DIGIT = {"发明专利": "1", "实用新型": "2", "外观设计": "3"}
_MOBILE_PREFIXES = ("139", "138", "137", "136", "135", "134", "150", "151", "152", "157", "158",
                    "159", "182", "183", "187", "188", "130", "131", "132", "155", "156", "185",
                    "186", "133", "153", "180", "181", "189", "177", "173", "199", "166", "198")
# Account number shapes by bank (length, leading digits); demo values only.
BANK_ACCOUNT_SHAPES = {
    "中国工商银行": (19, "1103"), "中国农业银行": (19, "1064"), "中国银行": (12, "5"),
    "中国建设银行": (20, "3205"), "交通银行": (21, "3220"), "招商银行": (15, "5109"),
    "江苏银行": (17, "2201"), "兴业银行": (18, "4080"), "中信银行": (19, "8110"),
    "浦发银行": (20, "8401"), "农村商业银行": (17, "0132"),
}


def _unique(seen: set[str], make) -> str:  # type: ignore[no-untyped-def]
    for _ in range(1000):
        value = make()
        if value not in seen:
            seen.add(value)
            return value
    raise RuntimeError("could not make a unique identifier")  # pragma: no cover


# --- 统一社会信用代码 ---------------------------------------------------------------------------

def org_check(body8: str) -> str:
    """GB 11714: 11 − Σ(c × w) mod 11; 10 → X, 11 → 0."""
    total = sum(_ORG_ALPHABET.index(c) * w for c, w in zip(body8, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def uscc_check(first17: str) -> str:
    """GB 32100: 31 − (Σ c × 3^(i−1) mod 31) mod 31, as a character of the alphabet."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc(rng: random.Random, region: str, seen: set[str], *, department: str = "9",
         kind: str = "1", modern: bool = True) -> str:
    """USCC with the region code at positions 3–8 and a valid organisation code inside.

    ``modern`` codes (issued since 2015) have organisation codes starting ``MA``; older
    companies kept their 8-digit numeric organisation code.
    """
    def make() -> str:
        if modern:
            body = "MA" + "".join(rng.choice(_ORG_BODY) for _ in range(6))
        else:
            body = str(rng.choice("567")) + "".join(rng.choice("0123456789") for _ in range(7))
        org = body + org_check(body)
        first = department + kind + region + org
        return first + uscc_check(first)

    return _unique(seen, make)


# --- 专利 / 植物新品种 / 集成电路布图设计 --------------------------------------------------------

def mod11_check(digits: str) -> str:
    total = sum(int(d) * _PATENT_WEIGHTS[i % 8] for i, d in enumerate(digits))
    r = total % 11
    return "X" if r == 10 else str(r)


def patent_number(rng: random.Random, ip_type: str, year: int, seen: set[str]) -> str:
    """Application number since 2003: YYYY + type digit + 7-digit serial + '.' + check."""
    digit = PATENT_TYPE_DIGIT[ip_type]

    def make() -> str:
        body = f"{year}{digit}{rng.randrange(100000, 9999999):07d}"
        return f"{body}.{mod11_check(body)}"

    return _unique(seen, make)


def plant_variety_number(rng: random.Random, year: int, seen: set[str]) -> str:
    """品种权申请号: CNA + YYYY + 4-digit serial + '.' + check (before 2019), else CNA + 11 digits."""
    def make() -> str:
        if year < 2019:
            body = f"{year}{rng.randrange(1, 9999):04d}"
            return f"CNA{body}.{mod11_check(body)}"
        return f"CNA{year}{rng.randrange(1, 9999999):07d}"

    return _unique(seen, make)


def ic_layout_number(rng: random.Random, year: int, seen: set[str]) -> str:
    """布图设计登记号: BS. + 2-digit year + 6-digit serial + check (mod 11)."""
    def make() -> str:
        body = f"{year % 100:02d}{rng.randrange(1, 999999):06d}"
        return f"BS.{body}{mod11_check(body)}"

    return _unique(seen, make)


# --- 商标 / 著作权 / 地理标志 / 商业秘密 --------------------------------------------------------

def trademark_number(rng: random.Random, year: int, seen: set[str], *, madrid: bool = False) -> str:
    """商标注册号 (digits, growing with the year) or a Madrid ``G`` number."""
    def make() -> str:
        if madrid:
            return f"G{rng.randrange(1000000, 1799999)}"
        base = max(1_000_000, 10_000_000 + (year - 2012) * 5_000_000)
        return str(rng.randrange(base, base + 5_000_000))

    return _unique(seen, make)


def software_copyright_number(rng: random.Random, year: int, seen: set[str]) -> str:
    return _unique(seen, lambda: f"{year}SR{rng.randrange(1, 1999999):07d}")


def copyright_number(rng: random.Random, year: int, seen: set[str]) -> str:
    kind = rng.choice("FFFAAIL")
    return _unique(seen, lambda: f"国作登字-{year}-{kind}-{rng.randrange(1, 99999999):08d}")


def gi_number(rng: random.Random, seen: set[str]) -> str:
    """地理标志: a certification-mark registration or an agricultural GI certificate number."""
    def make() -> str:
        if rng.random() < 0.6:
            return f"地理标志证明商标第{rng.randrange(5000000, 40000000)}号"
        return f"AGI{rng.randrange(100, 3999):05d}"

    return _unique(seen, make)


def trade_secret_number(rng: random.Random, year: int, seen: set[str]) -> str:
    return _unique(seen, lambda: f"SM-{year}-{rng.randrange(1, 9999):04d}")


# --- 联系方式与账户 --------------------------------------------------------------------------

def mobile(rng: random.Random) -> str:
    return rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(0, 100_000_000):08d}"


def bank_account(rng: random.Random, bank: str, seen: set[str]) -> str:
    length, lead = BANK_ACCOUNT_SHAPES.get(bank, (19, "6222"))
    return _unique(seen, lambda: lead + "".join(rng.choice("0123456789") for _ in range(length - len(lead))))

"""Password hashing (scrypt, stdlib) and the password policy.

A stored hash carries its own parameters and salt, so parameters can be raised later without
breaking old accounts::

    scrypt$n=16384,r=8,p=1$<salt, urlsafe base64>$<32-byte key, urlsafe base64>

:func:`verify_password` compares with :func:`hmac.compare_digest` (constant time) and refuses
malformed or absurd parameters (a tampered hash must not make a login allocate gigabytes).
Plain-text passwords are never stored or logged.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re

from ledger.errors import Issue

SCHEME = "scrypt"
N, R, P = 16384, 8, 1  # ~16 MiB, ~60 ms on an office PC
KEY_BYTES = 32
SALT_BYTES = 16
MIN_LENGTH = 8
MAX_LENGTH = 128
_MAX_N = 1 << 20
_MAXMEM = 1 << 30  # 1 GiB upper bound passed to scrypt
_FORMAT = re.compile(r"^scrypt\$n=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_\-=]+)\$([A-Za-z0-9_\-=]+)$")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text.encode("ascii"))


def _derive(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length,
                          maxmem=_MAXMEM)


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """A new salted scrypt hash string for ``password`` (a fresh random salt by default)."""
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    key = _derive(password, salt, N, R, P, KEY_BYTES)
    return f"{SCHEME}$n={N},r={R},p={P}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored``; False (never an exception) for a bad hash."""
    m = _FORMAT.match(stored or "")
    if not m:
        return False
    n, r, p = (int(x) for x in m.group(1, 2, 3))
    if n < 2 or n > _MAX_N or n & (n - 1) or not 1 <= r <= 32 or not 1 <= p <= 16:
        return False
    try:
        salt, expected = _unb64(m.group(4)), _unb64(m.group(5))
    except ValueError:
        return False
    if not 8 <= len(expected) <= 64:
        return False
    try:
        actual = _derive(password, salt, n, r, p, len(expected))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(actual, expected)


# A well-formed hash with the current parameters: verifying against it costs one real derivation.
# Its key is arbitrary (no password derives to zeros), so nothing has to be hashed at import time.
_DUMMY = f"{SCHEME}$n={N},r={R},p={P}${_b64(bytes(SALT_BYTES))}${_b64(bytes(KEY_BYTES))}"


def burn_time(password: str) -> None:
    """Spend as long as a real verification (for unknown users, so timing reveals nothing)."""
    verify_password(password, _DUMMY)


def needs_rehash(stored: str) -> bool:
    m = _FORMAT.match(stored or "")
    return m is None or (int(m.group(1)), int(m.group(2)), int(m.group(3))) != (N, R, P)


def check_password(password: str, *, username: str = "") -> list[Issue]:
    """Policy: 8–128 characters, at least one letter and one digit, not the user name."""
    issues: list[Issue] = []
    if len(password) < MIN_LENGTH:
        issues.append(Issue("password", "password.too_short", f"密码至少需要 {MIN_LENGTH} 个字符"))
    if len(password) > MAX_LENGTH:
        issues.append(Issue("password", "password.too_long", f"密码不能超过 {MAX_LENGTH} 个字符"))
    has_letter = any(c.isascii() and c.isalpha() for c in password)
    has_digit = any(c.isdigit() for c in password)
    if not (has_letter and has_digit):
        issues.append(Issue("password", "password.letters_digits", "密码必须同时包含英文字母和数字"))
    if username and password.strip().lower() == username.strip().lower():
        issues.append(Issue("password", "password.is_username", "密码不能与用户名相同"))
    if password != password.strip():
        issues.append(Issue("password", "password.whitespace", "密码首尾不能有空格"))
    return issues

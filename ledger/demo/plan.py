"""In-memory plan of the demo rows: fixed ids, deterministic uuids, dates relative to TODAY."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

# The demo's "today": statuses (生效/到期, workflow states) are computed against it so that the
# same seed gives the same database whatever the day it is generated on.
TODAY = date(2025, 12, 31)
YEARS = tuple(range(2020, 2026))

# Insert order (parents before children).
TABLES = (
    "app_user", "programme", "enterprise", "ip_right", "policy", "policy_insurer", "policy_ip_right",
    "subsidy_application", "subsidy_event", "claim", "claim_cost_item", "claim_payment", "case_study",
)
LINK_TABLES = frozenset({"policy_insurer", "policy_ip_right"})


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def day_in_year(rng: random.Random, year: int) -> date:
    start = date(year, 1, 1)
    return start + timedelta(days=rng.randrange((date(year + 1, 1, 1) - start).days))


def stamp(d: date, rng: random.Random) -> str:
    """ISO timestamp in office hours of day ``d``."""
    return f"{d.isoformat()}T{rng.randrange(8, 18):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"


@dataclass
class Right:
    id: int
    ip_type: str
    title: str
    grant_date: date | None
    status: str


@dataclass
class Ent:
    id: int
    name: str
    district: str
    city: str  # short city name used in names: 无锡 / 苏州 / 北京
    city_full: str  # 无锡市
    province: str
    industry: Any
    brand: str
    tags: tuple[str, ...]
    blacklisted: bool
    rights: list[Right] = field(default_factory=list)


@dataclass
class Pol:
    id: int
    no: str
    ent: Ent
    product: Any
    start: date
    end: date
    signed: date
    sum_insured: int
    premium: int
    paid: int
    status: str
    overseas: bool


@dataclass
class Actors:
    recorders: tuple[str, ...] = ("jingban1", "jingban2")
    reviewers: tuple[str, ...] = ("shenhe1", "shenhe2")
    finance: str = "caiwu1"


class Plan:
    """Rows per table with ids allocated from ``next_ids`` and uuids from their own generator."""

    def __init__(self, seed: int, next_ids: dict[str, int]) -> None:
        self.rng = random.Random(seed)
        self._uuid_rng = random.Random(f"uuid-{seed}")
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self._next = dict(next_ids)
        self.actors = Actors()
        self.programmes: dict[int, int] = {}
        self.enterprises: list[Ent] = []
        self.policies: list[Pol] = []
        self.serial: dict[str, int] = {}
        # Offices built with other seeds number their policies, claims and applications apart, so
        # demo districts merge at the city without clashing serials (the default seed starts at 0).
        self.serial_base = 0 if seed == 2022 else (seed % 90 + 10) * 100_000

    def uuid(self) -> str:
        return str(uuid.UUID(int=self._uuid_rng.getrandbits(128), version=4))

    def add(self, table: str, values: dict[str, Any]) -> int:
        row_id = self._next[table]
        self._next[table] = row_id + 1
        self.rows[table].append({"id": row_id, "uuid": self.uuid(), **values})
        return row_id

    def link(self, table: str, values: dict[str, Any]) -> None:
        self.rows[table].append(values)

    def next_serial(self, key: str) -> int:
        self.serial[key] = self.serial.get(key, self.serial_base) + 1
        return self.serial[key]

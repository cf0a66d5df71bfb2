"""The nine annex cases of the white paper (test fixture), from the committed catalogue.

``resources/catalogue/cases.toml`` is the transcription of the white paper's annex; reading it
keeps the tests independent of files outside the repository.
"""

from __future__ import annotations

from ledger.catalogue import load_cases
from reports.case_report import CaseData


def load_seed_cases() -> list[CaseData]:
    return [
        CaseData(number=c.number, title=c.title, region=c.region, parties=c.parties, product=c.product,
                 clause_type=c.clause_type, ip_types=c.ip_types, insurers=c.insurers,
                 background=c.background, innovation=c.innovation, effect=c.effect)
        for c in load_cases()
    ]

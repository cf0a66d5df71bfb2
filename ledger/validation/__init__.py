"""Headless validators returning ``list[Issue]`` (see ``ledger.errors``).

The names below load with their module on first use (PEP 562): the registers need only the
region tables (``ledger.validation.regions``), and the identifier checks pull in python-stdnum,
which the desktop's start-up does not need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledger.lazy_exports import lazy_exports

_MODULE_OF = {
    **dict.fromkeys(('MAX_AMOUNT_FEN', 'clean_text', 'parse_amount_text', 'validate_amount_fen', 'validate_bank_account', 'validate_choice', 'validate_date', 'validate_period', 'validate_phone', 'validate_share_total', 'validate_text'),
                    'ledger.validation.fields'),
    **dict.fromkeys(('IP_TYPES', 'PATENT_TYPES', 'normalise_ic_layout', 'normalise_org_code', 'normalise_patent', 'normalise_plant_variety', 'normalise_trademark', 'normalise_uscc', 'org_code_check_char', 'patent_check_char', 'patent_kind', 'uscc_check_char', 'uscc_region_name', 'validate_free_text_number', 'validate_ic_layout', 'validate_ip_number', 'validate_nice_class', 'validate_org_code', 'validate_patent', 'validate_plant_variety', 'validate_trademark', 'validate_uscc'),
                    'ledger.validation.identifiers'),
    **dict.fromkeys(('RegionInfo', 'districts_of', 'is_known_region', 'region_info', 'region_name', 'validate_region_code'),
                    'ledger.validation.regions'),
}

__all__ = [
    "IP_TYPES",
    "MAX_AMOUNT_FEN",
    "PATENT_TYPES",
    "RegionInfo",
    "clean_text",
    "districts_of",
    "is_known_region",
    "normalise_ic_layout",
    "normalise_org_code",
    "normalise_patent",
    "normalise_plant_variety",
    "normalise_trademark",
    "normalise_uscc",
    "org_code_check_char",
    "parse_amount_text",
    "patent_check_char",
    "patent_kind",
    "region_info",
    "region_name",
    "uscc_check_char",
    "uscc_region_name",
    "validate_amount_fen",
    "validate_bank_account",
    "validate_choice",
    "validate_date",
    "validate_free_text_number",
    "validate_ic_layout",
    "validate_ip_number",
    "validate_nice_class",
    "validate_org_code",
    "validate_patent",
    "validate_period",
    "validate_phone",
    "validate_plant_variety",
    "validate_region_code",
    "validate_share_total",
    "validate_text",
    "validate_trademark",
    "validate_uscc",
]


__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF, globals())


if TYPE_CHECKING:
    from ledger.validation.fields import (
        MAX_AMOUNT_FEN,
        clean_text,
        parse_amount_text,
        validate_amount_fen,
        validate_bank_account,
        validate_choice,
        validate_date,
        validate_period,
        validate_phone,
        validate_share_total,
        validate_text,
    )
    from ledger.validation.identifiers import (
        IP_TYPES,
        PATENT_TYPES,
        normalise_ic_layout,
        normalise_org_code,
        normalise_patent,
        normalise_plant_variety,
        normalise_trademark,
        normalise_uscc,
        org_code_check_char,
        patent_check_char,
        patent_kind,
        uscc_check_char,
        uscc_region_name,
        validate_free_text_number,
        validate_ic_layout,
        validate_ip_number,
        validate_nice_class,
        validate_org_code,
        validate_patent,
        validate_plant_variety,
        validate_trademark,
        validate_uscc,
    )
    from ledger.validation.regions import (
        RegionInfo,
        districts_of,
        is_known_region,
        region_info,
        region_name,
        validate_region_code,
    )

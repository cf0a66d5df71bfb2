"""Programme subsidy rules (data, TOML exchange) and the pure calculation engine.

The names below load with their module on first use (PEP 562), so importing a light submodule
such as ``ledger.subsidy.workflow`` (the desktop's menus need its permissions at start-up) does
not load the engine, the rules and the TOML exchange.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledger.lazy_exports import lazy_exports

_MODULE_OF = {
    **dict.fromkeys(("ApplicationFacts", "BatchResult", "Calculation", "CoveredRight", "Grant", "LedgerContext",
                     "Step", "calculate", "calculate_batch", "check_eligibility", "require_valid"),
                    "ledger.subsidy.engine"),
    **dict.fromkeys(("ENTERPRISE_TAGS", "INSURANCE_TYPES", "RuleSet", "TypeCap", "Uplift", "validate_rules"),
                    "ledger.subsidy.rules"),
    **dict.fromkeys(("list_programmes", "load_programme", "rules_from_toml", "rules_to_toml"),
                    "ledger.subsidy.toml_io"),
}

__all__ = [
    "ENTERPRISE_TAGS", "INSURANCE_TYPES", "ApplicationFacts", "BatchResult", "Calculation",
    "CoveredRight", "Grant", "LedgerContext", "RuleSet", "Step", "TypeCap", "Uplift",
    "calculate", "calculate_batch", "check_eligibility", "require_valid", "list_programmes", "load_programme",
    "rules_from_toml", "rules_to_toml", "validate_rules",
]


__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF, globals())


if TYPE_CHECKING:
    from ledger.subsidy.engine import (
        ApplicationFacts,
        BatchResult,
        Calculation,
        CoveredRight,
        Grant,
        LedgerContext,
        Step,
        calculate,
        calculate_batch,
        check_eligibility,
        require_valid,
    )
    from ledger.subsidy.rules import (
        ENTERPRISE_TAGS,
        INSURANCE_TYPES,
        RuleSet,
        TypeCap,
        Uplift,
        validate_rules,
    )
    from ledger.subsidy.toml_io import (
        list_programmes,
        load_programme,
        rules_from_toml,
        rules_to_toml,
    )

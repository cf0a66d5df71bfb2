"""Programme subsidy rules (data, TOML exchange) and the pure calculation engine."""

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

__all__ = [
    "ENTERPRISE_TAGS", "INSURANCE_TYPES", "ApplicationFacts", "BatchResult", "Calculation",
    "CoveredRight", "Grant", "LedgerContext", "RuleSet", "Step", "TypeCap", "Uplift",
    "calculate", "calculate_batch", "check_eligibility", "require_valid", "list_programmes", "load_programme",
    "rules_from_toml", "rules_to_toml", "validate_rules",
]

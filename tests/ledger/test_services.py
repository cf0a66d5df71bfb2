"""Write services: validation with Chinese messages, warnings needing a reason, dependants, links."""

from __future__ import annotations

import pytest

from ledger.errors import InvalidInput, Refused
from ledger.services.claims import ClaimInput, CostItem, create_claim
from ledger.services.enterprises import (
    EnterpriseInput,
    create_enterprise,
    delete_enterprise,
    get_enterprise,
)
from ledger.services.ip_rights import IpRightInput, create_ip_right, delete_ip_right
from ledger.services.policies import InsurerShare, PolicyInput, create_policy, get_policy

from factories import enterprise, insurer_ids, patent, policy, product_id


def _fields(exc: InvalidInput) -> set[str]:
    return {i.field for i in exc.issues}


def test_enterprise_errors_name_the_fields_in_chinese(ledger_store):
    with pytest.raises(InvalidInput) as caught:
        create_enterprise(ledger_store, EnterpriseInput(name="", uscc="A1110000600037341L", district_code="999999",
                                                        contact_phone="12345", bank_account="abc"))
    assert {"name", "uscc", "district_code", "contact_phone", "bank_account"} <= _fields(caught.value)
    assert "企业名称不能为空" in caught.value.message
    assert ledger_store.scalar("SELECT count(*) FROM enterprise") == 0


def test_uscc_checksum_warning_needs_an_override_reason(ledger_store):
    real_but_failing = EnterpriseInput(name="厦门早期试点企业有限公司", uscc="91350211M00013FA1N", district_code="350211")
    with pytest.raises(InvalidInput, match="理由"):
        create_enterprise(ledger_store, real_but_failing)
    out = create_enterprise(ledger_store, real_but_failing, override_reason="营业执照原件核对无误")
    assert [w.code for w in out.warnings] == ["uscc.checksum"]
    assert get_enterprise(ledger_store, out.id)["uscc_override_reason"] == "营业执照原件核对无误"


def test_duplicate_uscc_and_lowercase_input(ledger_store):
    enterprise(ledger_store, 0)
    with pytest.raises(InvalidInput, match="已登记"):
        create_enterprise(ledger_store, EnterpriseInput(name="另一家", uscc=" 91110000600037341l ",
                                                        district_code="320214"))


def test_delete_refused_while_records_depend_on_it(ledger_store):
    eid = enterprise(ledger_store, 0)
    ip = patent(ledger_store, eid)
    policy(ledger_store, eid, "PICC-2023-001", ip_ids=[ip])
    with pytest.raises(Refused, match="知识产权 1 条、保单 1 条"):
        delete_enterprise(ledger_store, eid)
    with pytest.raises(Refused, match="保单承保标的 1 条"):
        delete_ip_right(ledger_store, ip)
    assert ledger_store.scalar("SELECT count(*) FROM enterprise") == 1


def test_patent_number_type_and_checksum(ledger_store):
    eid = enterprise(ledger_store, 0)
    with pytest.raises(InvalidInput) as caught:
        create_ip_right(ledger_store, IpRightInput(enterprise_id=eid, ip_type="实用新型", number="201710601862.3"))
    assert "patent.type_mismatch" in {i.code for i in caught.value.issues}
    with pytest.raises(InvalidInput, match="校验"):
        create_ip_right(ledger_store, IpRightInput(enterprise_id=eid, ip_type="发明专利", number="201710601862.4"))
    ok = create_ip_right(ledger_store, IpRightInput(enterprise_id=eid, ip_type="发明专利", number="ZL 201710601862.3"))
    assert ledger_store.scalar("SELECT number FROM ip_right WHERE id = ?", (ok.id,)) == "201710601862.3"


def test_coinsurance_shares_must_sum_to_100_percent(ledger_store):
    eid = enterprise(ledger_store, 0)
    ids = insurer_ids(ledger_store)
    base = dict(policy_no="GX-1", enterprise_id=eid, product_id=product_id(ledger_store), sum_insured_fen=3_500_000_00,
                premium_fen=70_000_00, premium_paid_fen=70_000_00, start_date="2020-06-01", end_date="2021-05-31")
    with pytest.raises(InvalidInput, match="合计"):
        create_policy(ledger_store, PolicyInput(**base, insurers=(InsurerShare(ids[0], 6000, True),
                                                                  InsurerShare(ids[1], 3000))))
    out = create_policy(ledger_store, PolicyInput(**base, insurers=(
        InsurerShare(ids[0], 4000, True), InsurerShare(ids[1], 3000), InsurerShare(ids[2], 3000))))
    got = get_policy(ledger_store, out.id)
    assert sorted(s["share_bp"] for s in got["insurers"]) == [3000, 3000, 4000]


def test_policy_refuses_bad_period_amounts_and_foreign_ip_rights(ledger_store):
    a, b = enterprise(ledger_store, 0), enterprise(ledger_store, 1)
    ip_of_b = patent(ledger_store, b)
    with pytest.raises(InvalidInput) as caught:
        policy(ledger_store, a, "X-1", ip_ids=[ip_of_b], start="2023-05-01", end="2023-01-01",
               premium=5_000_00, paid=6_000_00)
    assert {"end_date", "premium_paid_fen", "ip_right_ids"} <= _fields(caught.value)


def test_claim_paid_never_above_remaining_sum_insured(ledger_store):
    eid = enterprise(ledger_store, 0)
    pid = policy(ledger_store, eid, "P-1", sum_insured=200_000_00)
    item = CostItem("律师代理费", claimed_fen=150_000_00, approved_fen=150_000_00, paid_fen=150_000_00)
    create_claim(ledger_store, ClaimInput("C-1", pid, "2023-03-01", cost_items=(item,)))
    with pytest.raises(InvalidInput, match="剩余保额 50,000.00"):
        create_claim(ledger_store, ClaimInput("C-2", pid, "2023-04-01", cost_items=(item,)))
    with pytest.raises(InvalidInput, match="超过核定"):
        create_claim(ledger_store, ClaimInput("C-3", pid, "2023-04-01", cost_items=(
            CostItem("调查费", claimed_fen=100, approved_fen=50, paid_fen=80),)))


def test_huge_and_garbage_text_is_refused_cleanly(ledger_store):
    with pytest.raises(InvalidInput, match="不能超过 200 个字符"):
        create_enterprise(ledger_store, EnterpriseInput(name="名" * 10_000_000, uscc="91110000600037341L",
                                                        district_code="320214"))
    with pytest.raises(InvalidInput):
        create_enterprise(ledger_store, EnterpriseInput(name="\x00\x01", uscc="\ufffd" * 18, district_code="abc"))

"""Finance payment list and 公示 list rows for the reports."""

from __future__ import annotations

from ledger.services.payments import payment_rows, publicity_rows
from ledger.services.subsidy_workflow import pay

from subsidy_setup import apply, ent, pol, programme, to_approved, to_publicity


def test_payment_and_publicity_rows(ledger_store):
    s = ledger_store
    g = programme(s, "shandong-2021")
    e = ent(s, 0)
    a = apply(s, g, pol(s, e, "F-1", premium=1_000_001, shares=((0, 6000), (1, 4000))), 1_000_001)
    b = apply(s, g, pol(s, ent(s, 1), "F-2", premium=2_000_000), 2_000_000, "2023-03-02")
    to_approved(s, a)
    to_publicity(s, b)
    rows = payment_rows(s, programme_id=g)
    assert len(rows) == 1
    r = rows[0]
    assert (r["企业名称"], r["USCC"], r["bank_name"], r["bank_account"]) == (
        "无锡燊堃科技有限公司0", "91110000600037341L", "中国银行无锡分行", "6217000012345678")
    assert (r["policy_no"], r["险种"], r["district_code"]) == ("F-1", "专利执行保险", "320214")
    assert (r["premium_paid_fen"], r["ratio_bp"], r["approved_fen"]) == (1_000_001, 6000, 600_001)  # 6,000.006
    assert r["insurers"].count("%") == 2 and "60%（主承）" in r["insurers"] and "40%" in r["insurers"]
    assert [x["share_bp"] for x in r["insurer_shares"]] == [6000, 4000]
    assert r["explanation"].startswith("实缴保费 10,000.01 × 补贴比例 60% = 6,000.01")
    pub = publicity_rows(s, g)
    assert [(x["序号"], x["policy_no"], x["computed_fen"], x["publicity_end"]) for x in pub] == [
        (1, "F-2", 1_200_000, "2023-05-07")]
    s.actor = "钱财务"
    pay(s, a, voucher_no="PZ-9", paid_at="2023-06-01", payment_batch="2023-1")
    assert [x["voucher_no"] for x in payment_rows(s, batch="2023-1")] == ["PZ-9"]
    assert payment_rows(s, year=1999) == []
    assert payment_rows(s, year=2021)[0]["paid_fen"] == 600_001

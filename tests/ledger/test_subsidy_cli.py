"""``ipdesk programme`` and ``ipdesk subsidy``: output, exit codes (2 invalid, 3 refused)."""

from __future__ import annotations

import os
import subprocess
import sys

from ledger.subsidy import load_programme, rules_from_toml

from subsidy_setup import FIRST, SECOND, apply, ent, pol, programme


def ipdesk(db, *args, user="system"):
    return subprocess.run([sys.executable, "-m", "desktop.cli", "--db", str(db), "--user", user, *args],
                          capture_output=True, text=True, env=dict(os.environ))


def test_programme_export_import_list_close(ledger_store, db_path, tmp_path):
    g = programme(ledger_store, "shandong-2024", budget_fen=300_000_000)
    ledger_store.close()
    out = tmp_path / "sd.toml"
    r = ipdesk(db_path, "programme", "export", str(g), "--out", str(out))
    assert r.returncode == 0, r.stderr
    from dataclasses import replace

    assert rules_from_toml(out.read_text("utf-8")) == replace(load_programme("shandong-2024"), budget_fen=300_000_000)
    r = ipdesk(db_path, "programme", "import", str(out))
    assert r.returncode == 0 and "已更新试点项目" in r.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text('[programme]\nname = "x"\nyear = 2024\n[ratio]\ndefault = "150%"\n', "utf-8")
    r = ipdesk(db_path, "programme", "import", str(bad))
    assert r.returncode == 2 and "150% 超过 100%" in r.stderr
    r = ipdesk(db_path, "programme", "list")
    assert r.returncode == 0 and "山东省知识产权保险保费补贴（2024 年度）" in r.stdout and "3,000,000.00" in r.stdout
    r = ipdesk(db_path, "programme", "close", str(g), "--reason", "2024 年度结转")
    assert r.returncode == 0, r.stderr
    r = ipdesk(db_path, "programme", "close", str(g), "--reason", "again")
    assert r.returncode == 3 and "已结转" in r.stderr
    r = ipdesk(db_path, "programme", "export", "999", "--out", str(out))
    assert r.returncode == 3 and "不存在" in r.stderr


def test_subsidy_explain_advance_list_recompute(ledger_store, db_path):
    s = ledger_store
    g = programme(s, "wuxi-2020")
    a = apply(s, g, pol(s, ent(s, 0), "W-1", premium=80_000_000), 80_000_000)
    s.close()
    r = ipdesk(db_path, "subsidy", "explain", "--id", str(a))
    assert r.returncode == 0, r.stderr
    assert "1. 实缴保费 800,000.00 × 补贴比例 50% = 400,000.00" in r.stdout
    assert "2. 单保单上限 300,000.00" in r.stdout and "申报" in r.stdout
    r = ipdesk(db_path, "subsidy", "advance", "--id", str(a), "--to", "批准", user=FIRST)
    assert r.returncode == 3 and "不能转为“批准”" in r.stderr
    assert ipdesk(db_path, "subsidy", "advance", "--id", str(a), "--to", "初审", user=FIRST).returncode == 0
    r = ipdesk(db_path, "subsidy", "advance", "--id", str(a), "--to", "复核", user=FIRST)
    assert r.returncode == 3 and "双人复核" in r.stderr
    assert ipdesk(db_path, "subsidy", "advance", "--id", str(a), "--to", "复核", user=SECOND).returncode == 0
    r = ipdesk(db_path, "subsidy", "advance", "--id", str(a), "--to", "公示", "--start", "2023-05-01",
               "--end", "2023-05-0x", user=SECOND)
    assert r.returncode == 2 and "公示结束日期" in r.stderr
    r = ipdesk(db_path, "subsidy", "advance", "--id", str(a), "--to", "公示", "--start", "2023-05-01",
               "--end", "2023-05-07", user=SECOND)
    assert r.returncode == 0 and "已转为“公示”" in r.stdout
    r = ipdesk(db_path, "subsidy", "list", "--programme", str(g), "--state", "公示")
    assert r.returncode == 0 and "SB-2020-000001" in r.stdout and "300,000.00" in r.stdout
    r = ipdesk(db_path, "subsidy", "recompute", "--programme", str(g))
    assert r.returncode == 0 and "已重新计算 0 件" in r.stdout
    r = ipdesk(db_path, "subsidy", "advance", "--id", str(a), "--to", "批准", "--at", "2023-05-08", user="赵批准")
    assert r.returncode == 0, r.stderr
    r = ipdesk(db_path, "subsidy", "advance", "--id", str(a), "--to", "拨付", "--voucher", "PZ-1",
               "--paid-at", "2023-06-01", "--amount", "300000.01", user="钱财务")
    assert r.returncode == 3 and "超过批准金额" in r.stderr
    r = ipdesk(db_path, "subsidy", "advance", "--id", str(a), "--to", "拨付", "--voucher", "PZ-1",
               "--paid-at", "2023-06-01", "--amount", "abc", user="钱财务")
    assert r.returncode == 2
    r = ipdesk(db_path, "subsidy", "explain", "--id", str(a))
    assert "复核 → 公示  张复核" in r.stdout and "公示 → 批准  赵批准" in r.stdout

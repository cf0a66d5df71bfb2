"""``ipdesk report …`` / ``ipdesk export …`` end to end: files, figures = ``ipdesk stats``, exit codes."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from ledger.money import chinese_capital, prose_amount
from reports.finance_workbook import SHEET
from tests.reports.demo_ledger import CASE_YEAR, ROOT, demo_db, ipdesk, stats_json


@pytest.fixture
def db(tmp_path):
    return demo_db(tmp_path)


def test_report_annual_cli_matches_stats(db, tmp_path, pdftext):
    out = tmp_path / "annual.pdf"
    result = ipdesk("report", "annual", "--year", str(CASE_YEAR), "--out", str(out), db=db)
    assert result.returncode == 0, result.stderr
    assert "生成年度报告" in result.stderr and "100%" in result.stderr  # progress on stderr
    assert str(out) in result.stdout
    s = stats_json(db, "--year", str(CASE_YEAR))
    flat = re.sub(r"\s+", "", pdftext(out))
    assert f"累计为{s['enterprises']}家企业的{s['ip_rights']}件" in flat
    assert f"提供了{prose_amount(s['sum_insured_fen'])}风险保障".replace(" ", "") in flat


def test_report_case_and_cases_cli(db, tmp_path, pdftext):
    one = tmp_path / "case.pdf"
    assert ipdesk("report", "case", "--id", "3", "--out", str(one), db=db).returncode == 0
    flat = re.sub(r"\s+", "", pdftext(one))
    assert flat.startswith("知识产权保险典型案例3") or "案例3：商标被侵权损失保险" in flat
    many = tmp_path / "cases.pdf"
    assert ipdesk("report", "cases", "--year", "2020", "--out", str(many), db=db).returncode == 0
    flat = re.sub(r"\s+", "", pdftext(many))
    assert [flat.index(f"案例{n}：") for n in (1, 4, 6, 9)] == sorted(flat.index(f"案例{n}：") for n in (1, 4, 6, 9))


def test_export_finance_and_registers_cli(db, tmp_path):
    out = tmp_path / "finance.xlsx"
    result = ipdesk("export", "finance", "--year", "2024", "--out", str(out), db=db)
    assert result.returncode == 0, result.stderr
    ws = load_workbook(out)[SHEET]
    total_row = next(i for i in range(3, ws.max_row + 1) if ws.cell(i, 1).value == "合计")
    amounts = [ws.cell(i, 11).value for i in range(3, total_row)]
    from decimal import Decimal

    total = sum(int(Decimal(str(a)) * 100) for a in amounts)
    assert ws.cell(total_row, 12).value == chinese_capital(total)
    reg = tmp_path / "registers.xlsx"
    result = ipdesk("export", "registers", "--out", str(reg), db=db)
    assert result.returncode == 0, result.stderr
    assert len(load_workbook(reg, read_only=True).sheetnames) == 5


def test_unwritable_output_exits_3_with_chinese_message(db, tmp_path):
    result = ipdesk("report", "annual", "--year", "2022", "--out", str(tmp_path / "nope" / "a.pdf"), db=db)
    assert result.returncode == 3
    assert "无法写入报告文件" in result.stderr and "文件夹不存在" in result.stderr
    result = ipdesk("export", "registers", "--out", str(tmp_path), db=db)
    assert result.returncode == 3 and "无法写入报告文件" in result.stderr
    assert not list((tmp_path).glob("*.part"))


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_exits_3(db, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    result = ipdesk("export", "finance", "--year", "2024", "--out", str(ro / "f.xlsx"), db=db)
    assert result.returncode == 3 and "权限不足" in result.stderr


def test_unknown_case_and_usage_errors(db, tmp_path):
    result = ipdesk("report", "case", "--id", "999", "--out", str(tmp_path / "x.pdf"), db=db)
    assert result.returncode == 3 and "不存在" in result.stderr
    assert ipdesk("report", "annual", "--out", str(tmp_path / "x.pdf"), db=db).returncode == 1  # --year missing
    assert ipdesk("export", db=db).returncode == 1


def test_empty_year_cli(db, tmp_path, pdftext):
    out = tmp_path / "empty.pdf"
    assert ipdesk("report", "annual", "--year", "2031", "--out", str(out), db=db).returncode == 0
    assert "本年度暂无试点数据" in re.sub(r"\s+", "", pdftext(out))


def test_report_commands_do_not_load_qt(db, tmp_path):
    code = ("import sys, desktop.cli as c; rc = c.main(['--db', sys.argv[1], 'report', 'case', '--id', '1', "
            "'--out', sys.argv[2]]); assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt loaded';"
            "sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code, str(db), str(tmp_path / "c.pdf")], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

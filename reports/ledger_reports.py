"""The report builders fed from a real ledger (``ledger.services.report_data``), each export audited.

Used by ``ipdesk report …`` / ``ipdesk export …`` and by the GUI's 报表 page (run them on a worker
thread; ``progress(fraction)`` and ``cancel()`` are passed through to the builders).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ledger.services import report_data, report_registers
from ledger.store import Store
from reports.annual_report import AnnualReportData, build_annual_pdf
from reports.case_report import CaseData, build_case_pdf
from reports.finance_workbook import PaymentRow, build_finance_workbook
from reports.pdf_doc import ReportWriteError
from reports.register_workbook import build_register_workbook

Progress = Callable[[float], None] | None
Cancel = Callable[[], bool] | None


def check_writable(out: str | os.PathLike) -> None:
    """Fail before the (long) build when ``out`` cannot be written, with the builders' message."""
    target = Path(out)
    if target.is_dir():
        raise ReportWriteError(f"无法写入报告文件 {target}：这是一个文件夹")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".check", dir=target.parent)
    except PermissionError as exc:
        raise ReportWriteError(f"无法写入报告文件 {target}：权限不足") from exc
    except FileNotFoundError as exc:
        raise ReportWriteError(f"无法写入报告文件 {target}：文件夹不存在") from exc
    except OSError as exc:
        raise ReportWriteError(f"无法写入报告文件 {target}：{exc.strerror or exc}") from exc
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def annual_data(store: Store, year: int, programme_id: int | None = None) -> AnnualReportData:
    inputs = report_data.annual_report_inputs(store, year, programme_id)
    cases = [CaseData(**c) for c in inputs.pop("cases")]
    return AnnualReportData.from_stats(inputs, cases=cases)


def annual_report(store: Store, year: int, out: str | os.PathLike, *, programme_id: int | None = None,
                  progress: Progress = None, cancel: Cancel = None) -> Path:
    report_data.require_export(store)
    check_writable(out)
    data = annual_data(store, year, programme_id)
    path = build_annual_pdf(data, out, progress=progress, cancel=cancel)
    report_data.record_export(store, "annual_report", str(path), year=year, programme_id=programme_id,
                              policies=data.policies, cases=len(data.cases))
    return path


def case_report(store: Store, case_id: int, out: str | os.PathLike) -> Path:
    report_data.require_export(store)
    check_writable(out)
    case = CaseData(**report_data.case_inputs(store, case_id))
    path = build_case_pdf([case], out, title=f"知识产权保险典型案例 {case.number}")
    report_data.record_export(store, "case_report", str(path), case_id=case_id)
    return path


def cases_report(store: Store, year: int, out: str | os.PathLike) -> Path:
    report_data.require_export(store)
    check_writable(out)
    cases = [CaseData(**c) for c in report_data.cases_of_year(store, year)]
    path = build_case_pdf(cases, out, title=f"{year}年知识产权保险典型案例")
    report_data.record_export(store, "cases_report", str(path), year=year, cases=len(cases))
    return path


def finance_workbook(store: Store, year: int, out: str | os.PathLike, *, programme_id: int | None = None,
                     batch: str | None = None) -> Path:
    report_data.require_export(store)
    check_writable(out)
    inputs = report_data.finance_inputs(store, year, programme_id, batch)
    rows = [PaymentRow(**r) for r in inputs["rows"]]
    path = build_finance_workbook(rows, out, title=inputs["title"], year=year, batch=batch,
                                  summary_by_district=inputs["summary_by_district"],
                                  summary_by_product=inputs["summary_by_product"],
                                  budget=_budget_labels(inputs["budget"]))
    report_data.record_export(store, "finance_workbook", str(path), year=year, programme_id=programme_id,
                              batch=batch, rows=len(rows), total_fen=sum(r.subsidy_fen for r in rows))
    return path


def _budget_labels(budget: dict | None) -> dict[str, int] | None:
    """Budget figures under Chinese labels (the workbook prints 'label=amount 元')."""
    if not budget:
        return None
    labels = (("allocated_fen", "年度预算"), ("committed_fen", "已核定未拨付"), ("paid_fen", "已拨付"),
              ("recovered_fen", "已追回"), ("remaining_fen", "预算余额"))
    return {label: int(budget.get(key) or 0) for key, label in labels}


def register_workbook(store: Store, out: str | os.PathLike, *, progress: Progress = None,
                      cancel: Cancel = None) -> Path:
    report_data.require_export(store)
    check_writable(out)
    counts = report_registers.register_counts(store)
    path = build_register_workbook(report_registers.register_sheets(store), out, progress=progress,
                                   cancel=cancel, total_rows=sum(counts.values()))
    report_data.record_export(store, "register_workbook", str(path), rows=counts,
                              bank_accounts=report_data.can_view_bank_accounts(store))
    return path

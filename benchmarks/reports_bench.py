"""Reports benchmark (issue 4): annual PDF and the 100k-row register workbook beside their peer routes.

    .venv/bin/python benchmarks/reports_bench.py [--db benchmarks/out/national.sqlite] [--year 2024]

Routes, each in its own subprocess (time = wall clock, memory = the child's peak RSS):
  annual       our annual report PDF for --year (data from ledger.stats + build_annual_pdf)
  register     our register workbook, policies sheet (all policies, ~100k rows at national scale)
  xlsxwriter   xlsxwriter constant_memory writing the same cells from the same SQL stream
  sql          the SQL stream alone (what both workbook routes share)
  soffice      LibreOffice headless converting the register xlsx to PDF (peer route of the PDF)
Goals: annual PDF >= 10x faster than the LibreOffice route; register <= 1.3x the raw writer.
The national database is built with ``ipdesk demo --scale national`` when missing (minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "benchmarks" / "out"


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def _store(db: str):  # type: ignore[no-untyped-def]
    from ledger.services.opening import open_ledger

    return open_ledger(db, create=False)


# -- routes (run in a child process) -------------------------------------------------------------
def route_annual(db: str, out: Path, year: int) -> dict:
    from reports.annual_report import build_annual_pdf
    from reports.ledger_reports import annual_data

    store = _store(db)
    base = _peak_mb()
    t0 = time.perf_counter()
    data = annual_data(store, year)
    t1 = time.perf_counter()
    build_annual_pdf(data, out)
    t2 = time.perf_counter()
    from pypdf import PdfReader

    return {"seconds": t2 - t0, "data_seconds": t1 - t0, "pdf_seconds": t2 - t1, "baseline_mb": base,
            "pages": len(PdfReader(out).pages), "policies": data.policies}


def route_register(db: str, out: Path, year: int) -> dict:
    from ledger.services.report_registers import register_counts, register_sheets
    from reports.register_workbook import build_register_workbook

    store = _store(db)
    n = register_counts(store, ("policy",))["policy"]
    base = _peak_mb()
    t0 = time.perf_counter()
    build_register_workbook(register_sheets(store, ("policy",)), out, total_rows=n)
    return {"seconds": time.perf_counter() - t0, "rows": n, "baseline_mb": base}


def route_xlsxwriter(db: str, out: Path, year: int) -> dict:
    import xlsxwriter

    from ledger.services.report_registers import register_sheets

    store = _store(db)
    base = _peak_mb()
    t0 = time.perf_counter()
    ((name, headers, kinds, rows),) = register_sheets(store, ("policy",))
    wb = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    ws = wb.add_worksheet(name)
    money = wb.add_format({"num_format": '"¥"#,##0.00'})
    integer = wb.add_format({"num_format": "#,##0"})
    ws.write_row(0, 0, headers)
    n = 0
    for n, r in enumerate(rows, 1):
        for c, (v, k) in enumerate(zip(r, kinds, strict=False)):
            if v is None:
                continue
            if k == "money_fen":
                ws.write_number(n, c, float(Decimal(v) / 100), money)
            elif k == "int":
                ws.write_number(n, c, v, integer)
            else:
                ws.write_string(n, c, str(v))
    wb.close()
    return {"seconds": time.perf_counter() - t0, "rows": n, "baseline_mb": base}


def route_sql(db: str, out: Path, year: int) -> dict:
    from ledger.services.report_registers import register_sheets

    store = _store(db)
    base = _peak_mb()
    t0 = time.perf_counter()
    ((_, _, _, rows),) = register_sheets(store, ("policy",))
    n = sum(1 for _ in rows)
    return {"seconds": time.perf_counter() - t0, "rows": n, "baseline_mb": base}


def route_soffice(db: str, out: Path, year: int, source: Path | None = None) -> dict:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        return {"error": "LibreOffice (soffice) 未安装：apt-get install libreoffice-calc-nogui"}
    assert source is not None
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as outdir:
        t0 = time.perf_counter()
        result = subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless",
                                 "--convert-to", "pdf", "--outdir", outdir, str(source)],
                                capture_output=True, text=True, timeout=3600)
        seconds = time.perf_counter() - t0
        pdfs = list(Path(outdir).glob("*.pdf"))
        if result.returncode != 0 or not pdfs:
            return {"error": f"soffice failed: {result.stderr[-300:]}"}
        shutil.move(str(pdfs[0]), out)
    from pypdf import PdfReader

    return {"seconds": seconds, "pages": len(PdfReader(out).pages), "baseline_mb": 0.0,
            "peak_mb_children": _peak_mb(resource.RUSAGE_CHILDREN)}


ROUTES = {"annual": route_annual, "register": route_register, "xlsxwriter": route_xlsxwriter,
          "sql": route_sql, "soffice": route_soffice}


def child(args: argparse.Namespace) -> None:
    fn = ROUTES[args.route]
    extra = {"source": Path(args.source)} if args.route == "soffice" else {}
    result = fn(args.db, Path(args.out), args.year, **extra)
    result["peak_mb"] = result.pop("peak_mb_children", None) or _peak_mb()
    print(json.dumps(result))


# -- driver ----------------------------------------------------------------------------------------
def ensure_db(db: Path) -> None:
    if db.exists():
        return
    db.parent.mkdir(parents=True, exist_ok=True)
    print(f"building the national demo database {db} (ipdesk demo --scale national, takes minutes)…", flush=True)
    subprocess.run([sys.executable, "-m", "desktop.cli", "--db", str(db), "demo", "--scale", "national"],
                   cwd=ROOT, check=True)


def run_route(route: str, db: Path, out: Path, year: int, source: Path | None = None) -> dict:
    cmd = [sys.executable, __file__, "--route", route, "--db", str(db), "--out", str(out), "--year", str(year)]
    if source is not None:
        cmd += ["--source", str(source)]
    print(f"  {route} …", end="", flush=True)
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        print(" failed")
        return {"error": proc.stderr[-800:]}
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f" {result.get('seconds', float('nan')):.2f} s" if "seconds" in result else f" {result}")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=OUT / "national.sqlite")
    ap.add_argument("--year", type=int, default=2024)
    ap.add_argument("--route", choices=sorted(ROUTES), help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--source", help=argparse.SUPPRESS)
    ap.add_argument("--skip-soffice", action="store_true", help="skip the LibreOffice route")
    args = ap.parse_args()
    if args.route:
        child(args)
        return
    ensure_db(args.db)
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"database {args.db} ({args.db.stat().st_size / 2**20:.0f} MB), year {args.year}")
    r = {}
    r["annual"] = run_route("annual", args.db, OUT / "annual.pdf", args.year)
    r["sql"] = run_route("sql", args.db, OUT / "none", args.year)
    r["register"] = run_route("register", args.db, OUT / "register_policies.xlsx", args.year)
    r["xlsxwriter"] = run_route("xlsxwriter", args.db, OUT / "xlsxwriter_policies.xlsx", args.year)
    if args.skip_soffice:
        r["soffice"] = {"error": "skipped (--skip-soffice)"}
    else:
        r["soffice"] = run_route("soffice", args.db, OUT / "register_policies_soffice.pdf", args.year,
                                 source=OUT / "register_policies.xlsx")
    print()
    print(f"{'route':<12}{'seconds':>10}{'peak MB':>10}  notes")
    for name, res in r.items():
        if "error" in res:
            print(f"{name:<12}{'—':>10}{'—':>10}  {res['error'].strip().splitlines()[-1] if res['error'].strip() else ''}")
            continue
        notes = {k: (round(v, 2) if isinstance(v, float) else v) for k, v in res.items()
                 if k not in ("seconds", "peak_mb")}
        print(f"{name:<12}{res['seconds']:>10.2f}{res['peak_mb']:>10.0f}  {notes}")
    print()
    reg, raw = r["register"], r["xlsxwriter"]
    if "seconds" in reg and "seconds" in raw:
        ratio = reg["seconds"] / raw["seconds"]
        print(f"register workbook / xlsxwriter constant_memory = {ratio:.2f}x (goal <= 1.3x): "
              f"{'OK' if ratio <= 1.3 else 'MISSED'}")
    ann, lo = r["annual"], r["soffice"]
    if "seconds" in ann and "seconds" in lo:
        speed = lo["seconds"] / ann["seconds"]
        print(f"LibreOffice route / annual PDF = {speed:.1f}x faster (goal >= 10x): {'OK' if speed >= 10 else 'MISSED'}")
    elif "error" in lo:
        print(f"LibreOffice route not measured: {lo['error'].strip()}")
    (OUT / "reports_bench.json").write_text(json.dumps(r, ensure_ascii=False, indent=2), "utf-8")


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()

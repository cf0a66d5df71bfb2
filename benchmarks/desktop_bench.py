"""Desktop benchmark (issue 3, Performance): start-up, policy register, memory, dashboard stalls.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/desktop_bench.py [--db PATH] [--runs 5]
        [--only startup,register,memory,dashboard]   # default: all four (memory needs register)
    xvfb-run -a .venv/bin/python benchmarks/desktop_bench.py          # same, on an X server

The database (default benchmarks/out/national.sqlite) is copied to a temporary directory first and
opened once there (catalogue sync), so nothing writes to the original. Every measurement runs in a
fresh child process of this script (clean imports, caches and RSS); QSettings go to a temporary
XDG_CONFIG_HOME so the user's window state is neither read nor changed. Children compile to a
temporary PYTHONPYCACHEPREFIX (written by the warm-up children, PYTHONDONTWRITEBYTECODE ignored):
the installed application runs from bytecode, so recompiling our sources in every start-up child
would measure the development checkout, not the application.

1. start-up: wall clock from just before the child is spawned to
   * baseline: the first event-loop tick after an empty QMainWindow (1440x900) is shown
     (its first paint is printed too);
   * ours: the window is USABLE = MainWindow(open_ledger(copy)) shown, its first frame painted, the
     start page's first query delivered to the GUI thread (dashboard: ledger.stats figures in the
     tiles; register: the first page of rows in the model) and painted, and then one more
     event-loop tick (the GUI thread is free for input). Measured for the 工作台 start page (first
     run) and for 保单 (the last page is remembered). Daily automatic backup excluded (once a day).
   ratio = median(ours) / median(baseline); goal <= 1.3.
2. policy register, in one child: for each action the exact SQL of the model (count + first page,
   built by ledger.store.registers) on a plain sqlite3 connection (+ pinyin_key) in the same
   process, vs the time from the action on the GUI thread until the model has its first page
   (``RegisterModel.loaded``). Actions: open (show the page), sort by 投保企业 (pinyin) and by
   保单号, search 1 char and 3 chars (the query after the typing debounce, i.e. 回车).
   The pinyin key cache is cleared before every timed run, raw and app alike. Goal <= 2.0.
   (Since the model delivers its first page before counting — the count follows as a second
   job — ``loaded`` no longer includes the count that the raw figure still does.)
   Then rows -> screen: from ``loaded`` to the end of the table viewport's first paint after it
   (the next event-loop tick after the Paint event); goal <= one frame (16.7 ms). Printed as wall
   time and as the GUI thread's CPU time over the same span (``time.thread_time``): the machine
   may be shared and loaded, and the CPU time is the figure that does not depend on it.
3. peak RSS (ru_maxrss) of the app child with the national database open and the policy register
   shown, vs the empty-window child.
4. dashboard: a 5 ms QTimer on the GUI thread records the gaps between its ticks from showing the
   page (built then) while the dashboard's statistics compute in the background and are shown,
   until 0.3 s after the last section (charts, expiry lists: ``DashboardPage.filled``) shows them;
   goal: longest gap <= 50 ms. The app starts on 典型案例 and is left to settle 2 s first (that
   page's deferred filter choices, the pinyin warm-up and the heap freeze), so the figure is what
   the dashboard itself costs; work still running from another page can add GIL waits.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FRAME_MS = 1000 / 60
SEARCH_1 = "科"
SEARCH_3 = "科技有"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _emit(result: dict) -> None:
    print("RESULT " + json.dumps(result), flush=True)


# ------------------------------------------------------------------------------------------------
# children
# ------------------------------------------------------------------------------------------------
def child_empty(t_spawn: float) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    win = QMainWindow()
    win.resize(1440, 900)
    marks: dict[str, float] = {}

    class Paint(QObject):
        def eventFilter(self, obj, ev):  # noqa: N802
            if ev.type() == QEvent.Type.Paint and "paint" not in marks:
                QTimer.singleShot(0, lambda: marks.setdefault("paint", time.time()))
            return False

    hook = Paint()
    win.installEventFilter(hook)
    win.show()
    QTimer.singleShot(0, lambda: marks.setdefault("tick", time.time()))

    def check() -> None:
        if "tick" in marks and "paint" in marks:
            app.quit()
        else:
            QTimer.singleShot(1, check)

    QTimer.singleShot(0, check)
    app.exec()
    _emit({"tick_ms": 1000 * (marks["tick"] - t_spawn), "paint_ms": 1000 * (marks["paint"] - t_spawn),
           "peak_mb": _peak_mb()})


def _app_window(db: str, page: str):  # type: ignore[no-untyped-def]
    """QApplication + MainWindow on ``db`` with ``page`` as the remembered last page (not shown)."""
    from desktop.app import make_application

    app = make_application()
    from PySide6.QtCore import QSettings

    from desktop.main_window import PAGES, MainWindow
    from ledger.services.opening import open_ledger

    settings = QSettings(str(Path(os.environ["XDG_CONFIG_HOME"]) / f"bench-{page}.ini"),
                         QSettings.Format.IniFormat)
    settings.clear()
    settings.setValue("window/page", [p[0] for p in PAGES].index(page))
    store = open_ledger(db, actor="admin")
    win = MainWindow(store, settings)
    return app, win


class _PaintProbe:
    """Records when a widget's Paint events finish (the next event-loop tick after the event)."""

    def __init__(self, widget) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent, QObject, QTimer

        self.painted: list[float] = []
        self.painted_cpu: list[float] = []  # GUI-thread CPU time (time.thread_time) at the same ticks
        probe = self

        def mark() -> None:
            probe.painted.append(time.perf_counter())
            probe.painted_cpu.append(time.thread_time())

        class Filter(QObject):
            def eventFilter(self, obj, ev):  # noqa: N802
                if ev.type() == QEvent.Type.Paint:
                    QTimer.singleShot(0, mark)
                return False

        self.filter = Filter()
        widget.installEventFilter(self.filter)

    def first_after(self, t: float) -> float | None:
        return next((p for p in self.painted if p >= t), None)

    def cpu_first_after(self, t: float) -> float | None:
        """The GUI thread's CPU clock at the end of the first paint after wall time ``t``."""
        return next((c for p, c in zip(self.painted, self.painted_cpu, strict=True) if p >= t), None)


def _spin_until(app, cond, timeout: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    """Run a real event loop until ``cond()``; polled every 2 ms by a timer, so the GUI thread is
    idle in Qt (GIL released) as in the application, not busy-spinning in Python."""
    from PySide6.QtCore import QEventLoop, QTimer

    if cond():
        return
    loop = QEventLoop()
    end = time.perf_counter() + timeout
    failed = []

    def poll() -> None:
        if cond():
            loop.quit()
        elif time.perf_counter() > end:
            failed.append(True)
            loop.quit()

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(poll)
    timer.start()
    loop.exec()
    timer.stop()
    if failed:
        raise TimeoutError("benchmark step timed out")


def child_startup(t_spawn: float, db: str, page: str) -> None:
    app, win = _app_window(db, page)
    from PySide6.QtCore import QTimer

    from desktop.pages.dashboard import DashboardPage

    target = win.pages[page]
    marks: dict[str, float] = {}
    delivered = {"t": None}
    if isinstance(target, DashboardPage):
        widget = target.tiles["enterprises"]  # the query started in MainWindow.__init__ (last page)
    else:
        widget = target.table.viewport()
        target.model.loaded.connect(lambda: delivered.__setitem__("t", time.perf_counter()))
    probe = _PaintProbe(widget)
    win_probe = _PaintProbe(win)
    win.show()

    def check() -> None:
        if isinstance(target, DashboardPage) and target.stats is not None and delivered["t"] is None:
            delivered["t"] = time.perf_counter()  # DashboardPage._show ran (stats is set there)
        t = delivered["t"]
        if t is not None and win_probe.painted and probe.first_after(t) is not None:
            marks["usable"] = time.time()  # this is an event-loop tick after the paint
            app.quit()
        else:
            QTimer.singleShot(1, check)

    QTimer.singleShot(0, check)
    app.exec()
    _emit({"usable_ms": 1000 * (marks["usable"] - t_spawn), "peak_mb": _peak_mb()})
    win.ops.wait(10000)


def _raw_sql(db: str):  # type: ignore[no-untyped-def]
    import sqlite3

    from ledger.store import collation, registers
    from ledger.store.registers import POLICIES

    conn = sqlite3.connect(db, isolation_level=None)
    collation.register(conn)

    def run(order_by: str, descending: bool, search: str) -> float:
        collation.sort_key.cache_clear()
        collation._segment_key.cache_clear()
        where, params = registers._where(POLICIES, {}, search)
        select = ", ".join([POLICIES.id_expr] + [c.expr for c in POLICIES.columns])
        t0 = time.perf_counter()
        conn.execute(f"SELECT count(*) FROM {POLICIES.from_sql}{where}", params).fetchone()
        conn.execute(
            f"SELECT {select} FROM {POLICIES.from_sql}{where}"
            f"{registers.order_clause(POLICIES, order_by, descending)} LIMIT ? OFFSET ?",
            [*params, 200, 0],
        ).fetchall()
        return time.perf_counter() - t0

    return run


def child_register(db: str, runs: int) -> None:
    app, win = _app_window(db, "case")  # start on a small register; 保单 is opened by the bench
    from PySide6.QtCore import Qt

    from desktop.main_window import PAGES
    from ledger.store import collation

    win.show()
    _spin_until(app, lambda: win.pages["case"].model.total is not None)
    page = win.pages["policy"]
    model, table = page.model, page.table
    state = {"loaded": None, "loaded_cpu": None}

    def on_loaded() -> None:
        state["loaded"] = time.perf_counter()
        state["loaded_cpu"] = time.thread_time()  # the GUI thread's CPU clock

    model.loaded.connect(on_loaded)
    probe = _PaintProbe(table.viewport())
    cols = [c.key for c in page.spec.columns]
    policy_index = [p[0] for p in PAGES].index("policy")
    case_index = [p[0] for p in PAGES].index("case")
    raw = _raw_sql(db)

    def timed(action) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
        collation.sort_key.cache_clear()
        collation._segment_key.cache_clear()
        _spin_until(app, lambda: not win.ops.busy())
        state["loaded"] = None
        t0 = time.perf_counter()
        action()
        _spin_until(app, lambda: state["loaded"] is not None)
        t1 = state["loaded"]
        assert model.rowCount() > 0
        _spin_until(app, lambda: probe.first_after(t1) is not None, 10)
        return t1 - t0, probe.first_after(t1) - t1, probe.cpu_first_after(t1) - state["loaded_cpu"]

    def act_open() -> None:
        win.show_page(case_index)
        page._loaded = False
        win.show_page(policy_index)  # → RegisterPage.ensure_loaded → the query

    def act_sort(key: str, order) -> callable:  # type: ignore[no-untyped-def,valid-type]
        def act() -> None:
            table.sortByColumn(cols.index(key), order)

        return act

    def reset_sort() -> None:
        table.sortByColumn(cols.index("start_date"), Qt.SortOrder.DescendingOrder)
        _spin_until(app, lambda: model.total is not None)

    def act_search(text: str):  # type: ignore[no-untyped-def]
        def act() -> None:
            page.filter_bar.search.setText(text)
            page.filter_bar._search_now()  # what 回车 does; typing waits for the debounce first

        return act

    def clear_search() -> None:
        page.filter_bar.search.setText("")
        page.filter_bar._search_now()
        _spin_until(app, lambda: model.total is not None)

    asc = Qt.SortOrder.AscendingOrder
    actions = [
        ("open (起保日期 desc)", ("start_date", True, ""), act_open, None),
        ("sort 投保企业 (pinyin)", ("enterprise", False, ""), act_sort("enterprise", asc), reset_sort),
        ("sort 保单号", ("policy_no", False, ""), act_sort("policy_no", asc), reset_sort),
        (f"search 1 char {SEARCH_1}", ("start_date", True, SEARCH_1), act_search(SEARCH_1), clear_search),
        (f"search 3 chars {SEARCH_3}", ("start_date", True, SEARCH_3), act_search(SEARCH_3), clear_search),
    ]
    out = []
    for label, query, action, undo in actions:
        raws, apps, paints, cpus = [], [], [], []
        for i in range(runs + 1):  # the first round warms the caches and is dropped
            if undo is not None:
                undo()
            r = raw(*query)
            a, p, c = timed(action)
            if i:
                raws.append(r)
                apps.append(a)
                paints.append(p)
                cpus.append(c)
        out.append({"action": label, "raw_ms": 1000 * statistics.median(raws),
                    "app_ms": 1000 * statistics.median(apps), "paint_ms": 1000 * statistics.median(paints),
                    "paint_max_ms": 1000 * max(paints), "paint_cpu_ms": 1000 * statistics.median(cpus),
                    "paint_cpu_max_ms": 1000 * max(cpus)})
    if True:  # leave the register shown in its default state for the memory figure
        clear_search()
        reset_sort()
    _emit({"register": out, "peak_mb": _peak_mb(), "rows_in_model": model.rowCount()})
    win.ops.wait(10000)


def child_dashboard(db: str) -> None:
    app, win = _app_window(db, "case")
    from PySide6.QtCore import QTimer

    dash = win.pages["dashboard"]
    win.show()
    _spin_until(app, lambda: win.pages["case"].model.total is not None)
    _spin_until(app, lambda: not win.ops.busy())
    # the start page's deferred work (filter choices, pinyin warm-up, heap freeze) finishes first:
    # this measures what the dashboard itself costs the GUI thread
    settle = time.perf_counter() + 2.0
    _spin_until(app, lambda: time.perf_counter() > settle and not win.ops.busy())
    gaps: list[float] = []
    last = {"t": time.perf_counter()}
    done = {"t": None, "show_ms": 0.0}
    original = dash._show

    def show(data):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        original(data)
        done["show_ms"] = 1000 * (time.perf_counter() - t)
        done["t"] = time.perf_counter()

    dash._show = show
    filled = {"t": None}
    if hasattr(type(dash), "filled"):  # the page shows its sections on later turns: wait for them too
        dash.filled.connect(lambda: filled.__setitem__("t", time.perf_counter()))
    else:
        filled["t"] = 0.0

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last["t"])
        last["t"] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    t0 = time.perf_counter()
    last["t"] = t0
    win.show_page(0)  # 工作台: DashboardPage.refresh → ledger.stats.compute on a worker
    _spin_until(app, lambda: done["t"] is not None and filled["t"] is not None and filled["t"] >= done["t"])
    t_done = done["t"]
    end = max(t_done, filled["t"]) + 0.3
    _spin_until(app, lambda: time.perf_counter() > end)
    timer.stop()
    gaps_ms = sorted(1000 * g for g in gaps)
    _emit({"compute_ms": 1000 * (t_done - t0), "show_ms": done["show_ms"],
           "filled_ms": 1000 * (max(t_done, filled["t"]) - t0), "ticks": len(gaps),
           "max_gap_ms": gaps_ms[-1], "p99_gap_ms": gaps_ms[int(0.99 * (len(gaps_ms) - 1))],
           "gaps_over_50": sum(g > 50 for g in gaps_ms)})
    win.ops.wait(10000)


# ------------------------------------------------------------------------------------------------
# parent
# ------------------------------------------------------------------------------------------------
def _child(args: list[str], env: dict[str, str]) -> dict:
    t_spawn = time.time()
    proc = subprocess.run(
        [sys.executable, __file__, "--child", *args, "--t-spawn", repr(t_spawn)],
        env=env, capture_output=True, text=True, timeout=900,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError(f"child {args} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")


def _prepare(db: Path, work: Path) -> Path:
    copy = work / "national.sqlite"
    t = time.perf_counter()
    shutil.copyfile(db, copy)
    from ledger.services.opening import open_ledger

    open_ledger(copy, actor="admin").close()  # migrations (if any) and catalogue sync, once
    print(f"copied and opened {db} → {copy} in {time.perf_counter() - t:.1f} s")
    return copy


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=str(ROOT / "benchmarks" / "out" / "national.sqlite"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--only", default="startup,register,memory,dashboard",
                    help="comma-separated subset of startup, register, memory, dashboard "
                         "(memory runs the register child; its empty-window figure needs startup "
                         "or one extra empty child)")
    ap.add_argument("--child", nargs="*")
    ap.add_argument("--t-spawn", type=float)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "empty":
            child_empty(args.t_spawn)
        elif kind == "startup":
            child_startup(args.t_spawn, rest[0], rest[1])
        elif kind == "register":
            child_register(rest[0], int(rest[1]))
        elif kind == "dashboard":
            child_dashboard(rest[0])
        return

    only = {w.strip() for w in args.only.split(",") if w.strip()}
    unknown = only - {"startup", "register", "memory", "dashboard"}
    if unknown:
        sys.exit(f"--only: unknown measurement(s) {', '.join(sorted(unknown))}")
    db = Path(args.db)
    if not db.exists():
        sys.exit(f"{db} not found: build it with `ipdesk demo --scale national` (benchmarks/national_demo.py)")
    with tempfile.TemporaryDirectory(prefix="desktop-bench-") as tmp:
        work = Path(tmp)
        env = dict(os.environ, XDG_CONFIG_HOME=str(work / "config"), PYTHONPYCACHEPREFIX=str(work / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # the shipped app has bytecode: children do too
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        copy = _prepare(db, work)
        print(f"platform: QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']} DISPLAY={env.get('DISPLAY', '')}; "
              f"{args.runs} runs each, medians")
        print(_child_doc())
        _child(["empty"], env)  # warm the OS file cache for Qt's libraries
        results: dict = {}
        empty: list[dict] = []
        if "startup" in only:
            _child(["startup", str(copy), "dashboard"], env)
            dash, pol = [], []
            for _ in range(args.runs):  # interleaved so drifts hit all three alike
                empty.append(_child(["empty"], env))
                dash.append(_child(["startup", str(copy), "dashboard"], env))
                pol.append(_child(["startup", str(copy), "policy"], env))
            base_tick = statistics.median(r["tick_ms"] for r in empty)
            base_paint = statistics.median(r["paint_ms"] for r in empty)
            results["startup"] = {"empty_tick_ms": base_tick, "empty_paint_ms": base_paint}
            print("\n1. start-up (process spawn → …), median ms")
            print(f"   empty QMainWindow: first event-loop tick {base_tick:7.0f}   (first paint {base_paint:.0f})")
            for label, rows in (("工作台 (dashboard)", dash), ("保单 (policy register)", pol)):
                ms = statistics.median(r["usable_ms"] for r in rows)
                ratio = ms / base_tick
                results["startup"][label] = {"usable_ms": ms, "ratio": ratio}
                print(f"   ours, usable on {label:24s} {ms:7.0f}   ratio {ratio:5.2f}  "
                      f"(goal <= 1.30: {'OK' if ratio <= 1.3 else 'OVER'})")
            print(f"   peak RSS at usable: empty {statistics.median(r['peak_mb'] for r in empty):.0f} MB, "
                  f"工作台 {statistics.median(r['peak_mb'] for r in dash):.0f} MB, "
                  f"保单 {statistics.median(r['peak_mb'] for r in pol):.0f} MB")

        if "register" in only or "memory" in only:
            reg = _child(["register", str(copy), str(args.runs)], env)
        if "register" in only:
            results["register"] = reg["register"]
            print("\n2. policy register (100k policies), median ms of", args.runs)
            print(f"   {'action':28s} {'raw SQL':>8s} {'model':>8s} {'ratio':>6s}   {'rows→painted':>12s} (max)"
                  f"   {'GUI CPU':>8s} (max)")
            for r in reg["register"]:
                ratio = r["app_ms"] / r["raw_ms"]
                r["ratio"] = ratio
                print(f"   {r['action']:28s} {r['raw_ms']:8.1f} {r['app_ms']:8.1f} {ratio:6.2f}"
                      f"{'' if ratio <= 2 else ' OVER'}   {r['paint_ms']:8.1f}     ({r['paint_max_ms']:.1f})"
                      f"{'' if r['paint_ms'] <= FRAME_MS else ' > 1 frame'}"
                      f"   {r['paint_cpu_ms']:8.1f} ({r['paint_cpu_max_ms']:.1f})")
            print(f"   goals: model <= 2.0 x raw SQL; rows→painted <= {FRAME_MS:.1f} ms (one frame)")
            print("   GUI CPU: the GUI thread's CPU time (time.thread_time) over rows→painted")

        if "memory" in only:
            if not empty:
                empty.append(_child(["empty"], env))
            empty_mb = statistics.median(r["peak_mb"] for r in empty)
            results["memory"] = {"empty_peak_mb": empty_mb, "app_peak_mb": reg["peak_mb"]}
            print("\n3. peak RSS")
            print(f"   empty QMainWindow                          {empty_mb:7.1f} MB")
            print(f"   app, national db open, 保单 register shown  {reg['peak_mb']:7.1f} MB"
                  f"  ({reg['peak_mb'] / empty_mb:.1f} x; {reg['rows_in_model']} rows loaded)")

        if "dashboard" in only:
            d = _child(["dashboard", str(copy)], env)
            results["dashboard"] = d
            print("\n4. dashboard (ledger.stats.compute in the background, 5 ms GUI timer)")
            print(f"   stats delivered after {d['compute_ms']:.0f} ms; _show on the GUI thread {d['show_ms']:.1f} ms; "
                  f"every section filled after {d['filled_ms']:.0f} ms")
            print(f"   longest GUI-thread gap {d['max_gap_ms']:.1f} ms (p99 {d['p99_gap_ms']:.1f}; "
                  f"{d['gaps_over_50']} gaps > 50 ms of {d['ticks']} ticks)  "
                  f"(goal <= 50: {'OK' if d['max_gap_ms'] <= 50 else 'OVER'})")
        if args.json:
            Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")


def _child_doc() -> str:
    return ("usable = window shown + first frame painted + the start page's first query delivered to "
            "the GUI thread and painted + one more event-loop tick")


if __name__ == "__main__":
    main()

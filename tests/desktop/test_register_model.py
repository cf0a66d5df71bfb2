"""RegisterModel without any view: paging, sorting, filters and Chinese search, all in SQL."""

from __future__ import annotations

import json

from PySide6.QtCore import QCollator, QLocale, Qt

from desktop.models.formatting import RIGHT_ALIGNED, display
from desktop.models.register_model import ID_ROLE, PAGE_SIZE, RAW_ROLE, RegisterModel, sync_runner
from ledger.money import format_yuan
from ledger.store import records
from ledger.store import registers as R


def _model(store, spec):
    return RegisterModel(spec, sync_runner(store))


def _all_names(model):
    model.fetch_all()
    col = [c.key for c in model.spec.columns].index("name")
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_lazy_paging_in_pages_of_200(filled_store):
    model = _model(filled_store, R.IP_RIGHTS)  # 300 rows
    model.reload()
    assert model.total == 300
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 300
    assert not model.canFetchMore()
    ids = [model.data(model.index(r, 0), ID_ROLE) for r in range(300)]
    assert len(set(ids)) == 300


def test_money_right_aligned_and_formatted(filled_store):
    model = _model(filled_store, R.POLICIES)
    model.reload()
    col = [c.key for c in R.POLICIES.columns].index("sum_insured")
    idx = model.index(0, col)
    pid = model.data(idx, ID_ROLE)
    fen = filled_store.scalar("SELECT sum_insured_fen FROM policy WHERE id = ?", (pid,))
    assert model.data(idx) == format_yuan(fen, symbol=True)
    assert model.data(idx).startswith("¥") and "," in model.data(idx)
    assert model.data(idx, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    date_col = [c.key for c in R.POLICIES.columns].index("start_date")
    assert len(model.data(model.index(0, date_col))) == 10


def test_preformatted_cells_equal_display_of_the_raw_values(filled_store):
    """Display text is computed with the page on the worker; it must be what display() gives for
    every cell of every register (across a fetchMore too), with the old alignment and tooltips."""
    for spec in R.REGISTERS.values():
        model = _model(filled_store, spec)
        model.reload()
        model.fetch_all()
        assert model.rowCount() == model.total > 0, spec.key
        for r in range(model.rowCount()):
            raw = model.raw_row(r)
            assert model.data(model.index(r, 0), ID_ROLE) == raw[0]
            for c, col in enumerate(spec.columns):
                idx = model.index(r, c)
                text = display(col.kind, raw[c + 1])
                assert model.data(idx) == model.data(idx, Qt.ItemDataRole.DisplayRole) == text, (spec.key, col.key)
                assert model.data(idx, RAW_ROLE) == raw[c + 1]
                tip = model.data(idx, Qt.ItemDataRole.ToolTipRole)
                assert tip == (text if col.kind in ("text", "tags") and len(text) > 14 else None)
        for c, col in enumerate(spec.columns):
            align = model.data(model.index(0, c), Qt.ItemDataRole.TextAlignmentRole)
            if col.kind in RIGHT_ALIGNED:
                assert align == int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            elif col.kind in ("date", "bool", "enum", "year"):
                assert align == int(Qt.AlignmentFlag.AlignCenter)
            else:
                assert align == int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        idx = model.index(0, 0)
        for role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole,
                     Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DecorationRole):
            assert model.data(idx, role) is None
        assert model.data(model.index(-1, -1)) is None  # an invalid index


def test_sort_every_column_both_ways(filled_store):
    for spec in R.REGISTERS.values():
        model = _model(filled_store, spec)
        for c, col in enumerate(spec.columns):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                model.sort(c, order)
                assert model.order_by == col.key
                assert model.rowCount() == min(model.total, PAGE_SIZE)


def test_numeric_sort_matches_python(filled_store):
    model = _model(filled_store, R.POLICIES)
    col = [c.key for c in R.POLICIES.columns].index("sum_insured")
    model.sort(col, Qt.SortOrder.DescendingOrder)
    model.fetch_all()
    got = [model.raw_row(r)[col + 1] for r in range(model.rowCount())]
    expected = sorted((r[0] for r in filled_store.rows("SELECT sum_insured_fen FROM policy")), reverse=True)
    assert got == expected


def test_names_sort_by_pinyin_like_qcollator(store):
    # Characters with a single reading, so any pinyin collator must agree.
    names = ["张三科技", "阿里电子", "北京精密", "李四机械", "王五光电", "赵六材料", "钱七软件",
             "孙八医药", "周九食品", "吴十生物", "郑一智能", "冯二新材", "陈三仪器", "魏四电气"]
    with store.write() as conn:
        for n, name in enumerate(names):
            records.insert(conn, "enterprise", {"name": name, "uscc": f"9132020000000{n:04d}X",
                                                "district_code": "320211"})
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    expected = sorted(names, key=collator.sortKey)
    model = _model(store, R.ENTERPRISES)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert _all_names(model) == expected
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert _all_names(model) == expected[::-1]


def _python_filter(store, needle):
    rows = store.rows("SELECT name, uscc, industry, contact_person FROM enterprise")
    return sorted(r["name"] for r in rows if any(needle.lower() in (v or "").lower() for v in r))


def test_search_one_two_and_three_chinese_characters(filled_store):
    model = _model(filled_store, R.ENTERPRISES)
    for needle in ("科", "机械", "有限公司", "科技有限", "张", "软件股份有限公司", "医"):
        model.set_query(search=needle)
        got = sorted(_all_names(model))
        assert got == _python_filter(filled_store, needle), needle
        assert model.total == len(got)
        assert got, needle


def test_search_escapes_like_wildcards_and_fts_syntax(filled_store):
    model = _model(filled_store, R.ENTERPRISES)
    for needle in ("%", "_", "C_1", '"', "AND", "ABC_1", "科技 OR", "*", "%科技"):
        model.set_query(search=needle)
        assert sorted(_all_names(model)) == _python_filter(filled_store, needle), needle


def test_filters_combine_in_sql(filled_store):
    model = _model(filled_store, R.POLICIES)
    model.set_query(filters={"district": "320211", "year": "2022", "status": "到期"})
    model.fetch_all()
    expected = filled_store.scalar(
        "SELECT count(*) FROM policy p JOIN enterprise e ON e.id = p.enterprise_id"
        " WHERE e.district_code = '320211' AND p.start_date LIKE '2022%' AND p.status = '到期'")
    assert model.total == model.rowCount() == expected > 0


def test_tag_filter(filled_store):
    model = _model(filled_store, R.ENTERPRISES)
    model.set_query(filters={"tag": "专精特新"})
    names = set(_all_names(model))
    expected = {r["name"] for r in filled_store.rows("SELECT name, tags FROM enterprise")
                if "专精特新" in json.loads(r["tags"])}
    assert names == expected and names


def test_stale_page_is_dropped(filled_store):
    calls = []
    model = RegisterModel(R.ENTERPRISES, lambda key, fn, cb: calls.append((fn, cb)))
    model.reload()
    first_fn, first_cb = calls[-1]
    model.set_query(search="科技")
    fn, cb = calls[-1]
    cb(fn(filled_store))
    n = model.total
    first_cb(first_fn(filled_store))  # the superseded query answers late
    assert model.total == n
    assert all("科技" in model.data(model.index(r, 0)) for r in range(model.rowCount()))


def _deferred(store, spec):
    """A model whose runner queues the jobs; ``run(key)`` answers the oldest one with that key."""
    jobs: list[tuple[str, object, object]] = []
    model = RegisterModel(spec, lambda key, fn, cb: jobs.append((key, fn, cb)))

    def run(key: str) -> None:
        i = next(i for i, job in enumerate(jobs) if job[0] == key)
        _key, fn, cb = jobs.pop(i)
        cb(fn(store))

    return model, jobs, run


def test_first_page_arrives_before_the_count(filled_store):
    """The first page is shown without waiting for count(*); the count is a second job that fills
    in the total, and lazy fetching goes on meanwhile (the last page was full)."""
    model, jobs, run = _deferred(filled_store, R.IP_RIGHTS)  # 300 rows
    totals, loaded = [], []
    model.totalChanged.connect(totals.append)
    model.loaded.connect(lambda: loaded.append(model.rowCount()))
    model.reload()
    assert [k for k, _f, _c in jobs] == ["register:ip_right"] and not model.ready
    run("register:ip_right")
    assert loaded == [PAGE_SIZE] and model.ready and model.total is None
    assert [k for k, _f, _c in jobs] == ["register:ip_right:count"]
    assert model.canFetchMore()
    model.fetchMore()  # before the count: allowed, the first page was full
    assert not model.canFetchMore()  # one page at a time
    run("register:ip_right")
    assert model.rowCount() == 300 and model.total == 300  # a short page ends the data
    run("register:ip_right:count")  # the late count changes nothing
    assert model.total == 300 and totals == [-1, 300] and not model.canFetchMore()


def test_count_fills_in_the_total_and_a_stale_count_is_dropped(filled_store):
    model, jobs, run = _deferred(filled_store, R.IP_RIGHTS)
    model.reload()
    run("register:ip_right")
    run("register:ip_right:count")
    assert model.total == 300 and model.canFetchMore()
    model.set_query(search="zz-no-such-right")
    run("register:ip_right")  # empty first page: the total is known without a count
    assert model.total == 0 and model.rowCount() == 0 and not jobs
    model.set_query(search="")
    run("register:ip_right")
    stale = jobs.pop()  # the count of this query ...
    model.set_query(search="")  # ... superseded before it answers
    run("register:ip_right")
    stale[2](stale[1](filled_store))
    assert model.total is None and model.ready
    run("register:ip_right:count")
    assert model.total == 300


def test_sorting_the_shown_order_again_does_not_requery_while_counting(filled_store):
    model, jobs, run = _deferred(filled_store, R.IP_RIGHTS)
    model.reload()
    run("register:ip_right")
    col = model.sort_column()
    order = Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder
    model.sort(col, order)
    assert [k for k, _f, _c in jobs] == ["register:ip_right:count"]

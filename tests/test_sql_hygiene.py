"""SQL is built only from code, never from user data: every ``execute`` gets bound parameters.

AST scan of every ``execute`` / ``executemany`` / ``executescript`` call in ledger/, reports/ and
desktop/ (and of ``Store.rows/one/scalar`` when given a literal). The SQL argument must be
* a string constant, or
* an f-string / ``+`` concatenation / ``.join`` whose interpolated parts are all *trusted*:
  UPPER_CASE module constants, calls of the identifier checkers below, or a name in
  ``TRUSTED_NAMES`` — identifiers and fragments that the store builds from fixed tables of
  table/column names with ``?`` placeholders (reviewed; see the comments), or
* a variable in ``TRUSTED_NAMES`` (a statement assembled from the above a few lines earlier).
Values never appear in these: they go in the parameters. Outside ledger/store/ no SQL runs at all,
except the SQLite PRAGMAs of the desktop's own settings (none today).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("ledger", "reports", "desktop")
SQL_CALLS = {"execute", "executemany", "executescript"}
STORE_READS = {"rows", "one", "scalar"}
CONSTANT = re.compile(r"^_?[A-Z][A-Z0-9_]*$")

# Functions that refuse anything but [a-z0-9_] identifiers or build SQL from code-side specs.
TRUSTED_CALLS = {
    "_ident",  # records.py: raises on any character outside [a-z0-9_]
    "_t",  # *_sql.py helpers: table name checked against the schema's table list
    "_trigger_sql",  # audit.py: trigger DDL from the BUSINESS_TABLES/LINK_TABLES constants
}

# Names interpolated into SQL. Each is built in the same module from code constants (table and
# column names listed in the module, ``?`` placeholders), never from user input.
TRUSTED_NAMES = {
    # identifiers chosen by code from fixed lists (DEPENDANTS, BUSINESS_TABLES, allowed pairs, specs)
    "table", "column", "key", "child", "fk", "parent_fk", "link", "t", "name", "cols", "action",
    # fragments: "col = ?" joined with AND / ", "; "?, ?, ?" placeholder lists; SELECT/JOIN lists from specs
    "where", "clauses", "clause", "sets", "marks", "select", "joins", "extra", "key_sql", "op",
    "states",  # "?, ?, ?" placeholders for a constant tuple of states
    "order", "packed",  # report_sql.py: a constant ORDER BY / a constant sub-select, chosen by a flag
    # whole statements assembled from the above, or migration files shipped with the program
    "sql", "statement", "step",
    # register specs (RegisterSpec / filter / line definitions in ledger/store/registers.py)
    "spec", "ln", "flt",
}


def _trusted(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (str, int))
    if isinstance(node, ast.JoinedStr):
        return all(_trusted(v.value) for v in node.values if isinstance(v, ast.FormattedValue))
    if isinstance(node, ast.BinOp):
        if isinstance(node.op, ast.Add):
            return _trusted(node.left) and _trusted(node.right)
        if isinstance(node.op, ast.Mult):  # '?' * len(cols)
            return isinstance(node.left, ast.Constant) and node.left.value == "?"
        return False
    if isinstance(node, ast.Name):
        return bool(CONSTANT.match(node.id)) or node.id in TRUSTED_NAMES
    if isinstance(node, ast.Attribute):  # step.version, spec.from_sql, self.TABLE
        base = node.value
        while isinstance(base, ast.Attribute):
            base = base.value
        return isinstance(base, ast.Name) and (base.id in TRUSTED_NAMES or bool(CONSTANT.match(node.attr)))
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name):
            return func.id in TRUSTED_CALLS and all(_trusted(a) or isinstance(a, ast.Name) for a in node.args)
        if isinstance(func, ast.Attribute):
            if func.attr == "join" and isinstance(func.value, ast.Constant):  # ', '.join(cols)
                return all(_trusted(a) for a in node.args)
            if func.attr in ("lower", "upper"):
                return _trusted(func.value)
            if func.attr == "format":  # _INSURERS_OF.format(p='p')
                return (_trusted(func.value) and all(_trusted(a) for a in node.args)
                        and all(isinstance(k.value, ast.Constant) for k in node.keywords))
    if isinstance(node, (ast.GeneratorExp, ast.ListComp)):
        return _trusted(node.elt)
    return False


def _sql_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args):
            continue
        first = node.args[0]
        literal = isinstance(first, (ast.Constant, ast.JoinedStr, ast.BinOp))
        if node.func.attr in SQL_CALLS or (node.func.attr in STORE_READS and literal):
            yield node, first


def _files():
    for package in PACKAGES:
        yield from sorted((ROOT / package).rglob("*.py"))


def test_sql_arguments_are_constants_or_trusted_fragments():
    bad = []
    for path in _files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for call, sql in _sql_calls(tree):
            if not _trusted(sql):
                bad.append(f"{path.relative_to(ROOT)}:{call.lineno}: {ast.unparse(sql)[:100]}")
    assert not bad, "SQL built from untrusted values (bind them as parameters instead):\n" + "\n".join(bad)


def test_sql_runs_only_in_the_store():
    outside = []
    for path in _files():
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("ledger/store/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call, sql in _sql_calls(tree):
            if call.func.attr in SQL_CALLS and isinstance(sql, (ast.Constant, ast.JoinedStr)):
                text = sql.value if isinstance(sql, ast.Constant) else ast.unparse(sql)
                if isinstance(text, str) and re.search(r"\b(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|DROP)\b",
                                                       text, re.I):
                    outside.append(f"{rel}:{call.lineno}: {text[:80]}")
    assert not outside, "SQL outside ledger/store/:\n" + "\n".join(outside)


def test_the_checker_rejects_interpolated_user_values():
    code = 'conn.execute(f"SELECT * FROM enterprise WHERE name = \'{user_name}\'")\n' \
           'conn.execute("SELECT * FROM t WHERE a = " + value)\n' \
           'conn.execute("SELECT 1 WHERE x = %s" % value)\n' \
           'conn.execute("SELECT {}".format(value))\n'
    calls = list(_sql_calls(ast.parse(code)))
    assert len(calls) == 4 and not any(_trusted(sql) for _, sql in calls)
    ok = ast.parse('conn.execute(f"SELECT * FROM {_ident(table)} WHERE id = ?", (1,))')
    assert all(_trusted(sql) for _, sql in _sql_calls(ok))

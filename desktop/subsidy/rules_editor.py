"""规则编辑器: every field of :class:`ledger.subsidy.RuleSet`, in the groups 比例与阶梯 / 上浮 / 上限 /
资格条件 / 唯一性 / 取整 (one widget per field, 1:1). ``rules(name, year, budget)`` builds the RuleSet;
what cannot even be read (a ratio written ``abc``) comes back as issues beside ``validate_rules``'s.
"""

from __future__ import annotations

from dataclasses import fields
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.forms.widgets import AmountEdit, CheckList, OptionalDate, watch
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from ledger.errors import Issue
from ledger.subsidy import (
    ENTERPRISE_TAGS,
    INSURANCE_TYPES,
    RuleSet,
    TypeCap,
    Uplift,
    validate_rules,
)
from ledger.subsidy.rules import (
    ROUNDING_MODES,
    ROUNDING_UNITS,
    TYPE_CAP_SCOPES,
    UPLIFT_CONDITIONS,
)

SEP = ("，", ",", "、", "；", ";")
BASES = {"enterprise_years": QT_TRANSLATE_NOOP("subsidy.rules_editor", "企业此前获补贴的年度数"), "application_order": QT_TRANSLATE_NOOP("subsidy.rules_editor", "本项目中的第几次申报"),
         "programme_year": QT_TRANSLATE_NOOP("subsidy.rules_editor", "试点第几年（所有企业相同）")}
UNIQUE = {"none": QT_TRANSLATE_NOOP("subsidy.rules_editor", "不限"), "year": QT_TRANSLATE_NOOP("subsidy.rules_editor", "同一年度内只补贴一次"), "ever": QT_TRANSLATE_NOOP("subsidy.rules_editor", "试点期间只补贴一次")}
MIN_BASES = {"enterprise_year": QT_TRANSLATE_NOOP("subsidy.rules_editor", "企业年度合计保费"), "policy": QT_TRANSLATE_NOOP("subsidy.rules_editor", "每张保单保费")}
EXHAUSTION = {"refuse": QT_TRANSLATE_NOOP("subsidy.rules_editor", "不予补贴（整笔拒绝）"), "partial": QT_TRANSLATE_NOOP("subsidy.rules_editor", "按剩余预算部分补贴")}
TYPE_BY_LABEL = {label: key for key, label in INSURANCE_TYPES.items()}
COND_BY_LABEL = {label: key for key, label in UPLIFT_CONDITIONS.items()}
SCOPE_BY_LABEL = {label: key for key, label in TYPE_CAP_SCOPES.items()}

# (group title, [(field, label, kind, tooltip)]) — every RuleSet field except name/year/budget_fen
GROUPS: tuple[tuple[str, tuple[tuple[str, str, str, str], ...]], ...] = (
    (QT_TRANSLATE_NOOP("subsidy.rules_editor", "比例与阶梯"), (
        ("ratio_bp", QT_TRANSLATE_NOOP("subsidy.rules_editor", "基础补贴比例"), "pct", QT_TRANSLATE_NOOP("subsidy.rules_editor", "如 50%")),
        ("max_ratio_bp", QT_TRANSLATE_NOOP("subsidy.rules_editor", "补贴比例上限"), "pct", QT_TRANSLATE_NOOP("subsidy.rules_editor", "上浮后也不超过")),
        ("tier_ratios", QT_TRANSLATE_NOOP("subsidy.rules_editor", "分企业类型比例"), "tag_pct", QT_TRANSLATE_NOOP("subsidy.rules_editor", "企业带多个类型时取最高者")),
        ("times_funded_basis", QT_TRANSLATE_NOOP("subsidy.rules_editor", "阶梯计次口径"), "basis", ""),
        ("ratio_by_times_funded", QT_TRANSLATE_NOOP("subsidy.rules_editor", "按次数比例阶梯"), "pct_list", QT_TRANSLATE_NOOP("subsidy.rules_editor", "第一次、第二次…，如 75%，50%，30%；超出后重复最后一档")),
        ("tier_ratio_ladders", QT_TRANSLATE_NOOP("subsidy.rules_editor", "分企业类型阶梯"), "tag_ladder", QT_TRANSLATE_NOOP("subsidy.rules_editor", "如 单项冠军：100%，80%")),
        ("programme_year_index", QT_TRANSLATE_NOOP("subsidy.rules_editor", "试点第几年"), "int1", QT_TRANSLATE_NOOP("subsidy.rules_editor", "仅“试点第几年”口径使用")),
    )),
    (QT_TRANSLATE_NOOP("subsidy.rules_editor", "上浮"), (
        ("uplifts", QT_TRANSLATE_NOOP("subsidy.rules_editor", "上浮条件"), "uplifts", QT_TRANSLATE_NOOP("subsidy.rules_editor", "条件：高价值专利、海外市场、一带一路，或 tag:企业类型")),
    )),
    (QT_TRANSLATE_NOOP("subsidy.rules_editor", "上限"), (
        ("cap_per_policy_fen", QT_TRANSLATE_NOOP("subsidy.rules_editor", "单保单上限（元）"), "yuan", QT_TRANSLATE_NOOP("subsidy.rules_editor", "不设上限请留空")),
        ("cap_per_policy_by_times_funded_fen", QT_TRANSLATE_NOOP("subsidy.rules_editor", "单保单上限阶梯（元）"), "yuan_list", QT_TRANSLATE_NOOP("subsidy.rules_editor", "如 300000，200000")),
        ("cap_per_ip_right_fen", QT_TRANSLATE_NOOP("subsidy.rules_editor", "单件知识产权上限（元）"), "yuan", ""),
        ("cap_per_enterprise_year_fen", QT_TRANSLATE_NOOP("subsidy.rules_editor", "单户年度上限（元）"), "yuan", ""),
        ("cap_per_enterprise_year_by_tier_fen", QT_TRANSLATE_NOOP("subsidy.rules_editor", "分类型单户年度上限"), "tag_yuan", ""),
        ("insurance_type_caps", QT_TRANSLATE_NOOP("subsidy.rules_editor", "分险种单户年度上限"), "typecaps", QT_TRANSLATE_NOOP("subsidy.rules_editor", "险种可写“*”表示任何险种")),
        ("cap_programme_total_fen", QT_TRANSLATE_NOOP("subsidy.rules_editor", "项目年度总额上限（元）"), "yuan", ""),
        ("budget_exhaustion", QT_TRANSLATE_NOOP("subsidy.rules_editor", "预算用尽时"), "exhaustion", ""),
    )),
    (QT_TRANSLATE_NOOP("subsidy.rules_editor", "资格条件"), (
        ("required_tags_any", QT_TRANSLATE_NOOP("subsidy.rules_editor", "限定企业类型（任一）"), "tags", QT_TRANSLATE_NOOP("subsidy.rules_editor", "不勾选则不限")),
        ("insurance_types_allowed", QT_TRANSLATE_NOOP("subsidy.rules_editor", "可申报险种"), "types", QT_TRANSLATE_NOOP("subsidy.rules_editor", "不勾选则不限")),
        ("exclude_blacklisted", QT_TRANSLATE_NOOP("subsidy.rules_editor", "排除黑名单企业"), "bool", ""),
        ("exclude_cancelled_policy", QT_TRANSLATE_NOOP("subsidy.rules_editor", "排除已退保/终止保单"), "bool", ""),
        ("require_premium_fully_paid", QT_TRANSLATE_NOOP("subsidy.rules_editor", "保费须全额缴纳"), "bool", ""),
        ("require_no_double_funding_declaration", QT_TRANSLATE_NOOP("subsidy.rules_editor", "须承诺未重复申报"), "bool", ""),
        ("exclude_other_department_funding", QT_TRANSLATE_NOOP("subsidy.rules_editor", "排除已获其他部门资助"), "bool", ""),
        ("min_ip_remaining_years", QT_TRANSLATE_NOOP("subsidy.rules_editor", "知识产权剩余有效期（年）≥"), "int_opt", QT_TRANSLATE_NOOP("subsidy.rules_editor", "不限请留空")),
        ("contract_date_from", QT_TRANSLATE_NOOP("subsidy.rules_editor", "合同日期起"), "date", ""),
        ("contract_date_to", QT_TRANSLATE_NOOP("subsidy.rules_editor", "合同日期止"), "date", ""),
        ("min_premium_fen", QT_TRANSLATE_NOOP("subsidy.rules_editor", "最低保费（元）"), "yuan", ""),
        ("min_premium_basis", QT_TRANSLATE_NOOP("subsidy.rules_editor", "最低保费口径"), "min_basis", ""),
        ("max_premium_rate_bp", QT_TRANSLATE_NOOP("subsidy.rules_editor", "最高保费费率"), "pct_opt", QT_TRANSLATE_NOOP("subsidy.rules_editor", "保费 ÷ 保险金额，不限请留空")),
        ("max_premium_rate_overseas_bp", QT_TRANSLATE_NOOP("subsidy.rules_editor", "境外最高保费费率"), "pct_opt", ""),
    )),
    (QT_TRANSLATE_NOOP("subsidy.rules_editor", "唯一性"), (
        ("unique_ip_type_scope", QT_TRANSLATE_NOOP("subsidy.rules_editor", "同一知识产权同一险种"), "unique", ""),
        ("unique_policy", QT_TRANSLATE_NOOP("subsidy.rules_editor", "每张保单只补贴一次"), "bool", ""),
    )),
    (QT_TRANSLATE_NOOP("subsidy.rules_editor", "取整"), (
        ("rounding", QT_TRANSLATE_NOOP("subsidy.rules_editor", "舍入规则"), "rounding", ""),
        ("rounding_unit", QT_TRANSLATE_NOOP("subsidy.rules_editor", "舍入到"), "unit", ""),
    )),
)
META = (("region", QT_TRANSLATE_NOOP("subsidy.rules_editor", "地区")), ("source", QT_TRANSLATE_NOOP("subsidy.rules_editor", "政策出处")), ("notes", QT_TRANSLATE_NOOP("subsidy.rules_editor", "口径说明")))
CHOICES = {"basis": BASES, "unique": UNIQUE, "min_basis": MIN_BASES, "exhaustion": EXHAUSTION,
           "rounding": ROUNDING_MODES, "unit": ROUNDING_UNITS}
TABLES = {
    "tag_pct": [QT_TRANSLATE_NOOP("subsidy.rules_editor", "企业类型"), QT_TRANSLATE_NOOP("subsidy.rules_editor", "比例")],
    "tag_ladder": [QT_TRANSLATE_NOOP("subsidy.rules_editor", "企业类型"), QT_TRANSLATE_NOOP("subsidy.rules_editor", "各档比例")],
    "tag_yuan": [QT_TRANSLATE_NOOP("subsidy.rules_editor", "企业类型"), QT_TRANSLATE_NOOP("subsidy.rules_editor", "上限（元）")],
    "typecaps": [QT_TRANSLATE_NOOP("subsidy.rules_editor", "名称"), QT_TRANSLATE_NOOP("subsidy.rules_editor", "险种"), QT_TRANSLATE_NOOP("subsidy.rules_editor", "上限（元）"), QT_TRANSLATE_NOOP("subsidy.rules_editor", "范围")],
    "uplifts": [QT_TRANSLATE_NOOP("subsidy.rules_editor", "名称"), QT_TRANSLATE_NOOP("subsidy.rules_editor", "条件"), QT_TRANSLATE_NOOP("subsidy.rules_editor", "上浮比例"), QT_TRANSLATE_NOOP("subsidy.rules_editor", "单户年度上限（元）"), QT_TRANSLATE_NOOP("subsidy.rules_editor", "险种上限（组=元）")],
}


class Unreadable(ValueError):
    pass


def pct_text(bp: int) -> str:
    whole, part = divmod(abs(bp), 100)
    sign = "-" if bp < 0 else ""
    return f"{sign}{whole}%" if not part else f"{sign}{whole}.{part:02d}".rstrip("0") + "%"


def parse_pct(text: str, label: str) -> int:
    t = text.strip().rstrip("%％").strip()
    try:
        value = Decimal(t) * 100
    except InvalidOperation:
        raise Unreadable(translate("subsidy.rules_editor", "{label}“{text}”不是百分比（如 50%）").format(label=label, text=text)) from None
    if value != value.to_integral_value():
        raise Unreadable(translate("subsidy.rules_editor", "{label}“{text}”最多两位小数").format(label=label, text=text))
    return int(value)


def yuan_text(fen: int, grouping: bool = True) -> str:
    text = f"{Decimal(fen) / 100:,.2f}" if grouping else f"{Decimal(fen) / 100:.2f}"
    return text.removesuffix(".00")


def parse_yuan(text: str, label: str) -> int:
    from ledger.validation import parse_amount_text

    try:
        return parse_amount_text(text.strip())
    except ValueError as exc:
        raise Unreadable(translate("subsidy.rules_editor", "{label}：{exc}").format(label=label, exc=exc)) from None


def split(text: str) -> list[str]:
    for sep in SEP[1:]:
        text = text.replace(sep, SEP[0])
    return [p.strip() for p in text.split(SEP[0]) if p.strip()]


class TextTable(QWidget):
    """Rows of text cells with 增加/删除 (tier ratios, ladders, type caps, uplifts)."""

    changed = Signal()

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(84)
        self.table.setMaximumHeight(130)
        self.table.itemChanged.connect(lambda _i: self.changed.emit())
        add, remove = QPushButton(self.tr("增加"), self), QPushButton(self.tr("删除"), self)
        add.clicked.connect(lambda: self.add_row())
        remove.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def add_row(self, values: list[str] | None = None) -> None:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        for c in range(self.table.columnCount()):
            text = values[c] if values and c < len(values) else ""
            self.table.setItem(row, c, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self.changed.emit()

    def _remove(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for r in rows or [self.table.rowCount() - 1]:
            if r >= 0:
                self.table.removeRow(r)
        self.changed.emit()

    def set_rows(self, rows: list[list[str]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        for r in rows:
            self.add_row(r)

    def rows(self) -> list[list[str]]:
        out = []
        for r in range(self.table.rowCount()):
            cells = [(self.table.item(r, c).text().strip() if self.table.item(r, c) else "")
                     for c in range(self.table.columnCount())]
            if any(cells):
                out.append(cells)
        return out


class RulesEditor(QWidget):
    """Grouped editor of a RuleSet; ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widgets: dict[str, QWidget] = {}
        self.kinds: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        meta = QGroupBox(self.tr("规则说明"), self)
        form = QFormLayout(meta)
        for name, label in META:
            edit = QLineEdit(meta)
            self._add(form, name, label, "text", edit, "")
        layout.addWidget(meta)
        self.groups: dict[str, QGroupBox] = {}
        for title, specs in GROUPS:
            box = QGroupBox(translate("subsidy.rules_editor", title), self)
            box.setObjectName(f"rules_{title}")
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for name, label, kind, tip in specs:
                self._add(form, name, label, kind, self._make(kind), tip)
            self.groups[title] = box
            layout.addWidget(box)
        layout.addStretch(1)
        names = {f.name for f in fields(RuleSet)} - {"name", "year", "budget_fen"}
        assert names == set(self.widgets), names ^ set(self.widgets)  # 1:1 with RuleSet

    def _make(self, kind: str) -> QWidget:
        if kind in ("pct", "pct_opt", "pct_list", "yuan_list", "int_opt"):
            edit = QLineEdit(self)
            if kind == "pct":
                edit.setMaximumWidth(160)
            return edit
        if kind == "yuan":
            edit = AmountEdit(self)
            edit.setPlaceholderText(self.tr("不设上限"))
            edit.setMaximumWidth(220)
            return edit
        if kind == "int1":
            spin = QSpinBox(self)
            spin.setRange(0, 50)
            spin.setMaximumWidth(100)
            return spin
        if kind == "bool":
            return QCheckBox(self)
        if kind == "date":
            return OptionalDate(self)
        if kind in CHOICES:
            box = QComboBox(self)
            for value, label in CHOICES[kind].items():
                box.addItem(translate("subsidy.rules_editor", label), value)
            return box
        if kind == "tags":
            lst = CheckList(self)
            lst.set_items([(t, t) for t in ENTERPRISE_TAGS])
            lst.setMaximumHeight(110)
            return lst
        if kind == "types":
            lst = CheckList(self)
            lst.set_items([(k, self.tr("{v}（{k}）").format(v=v, k=k)) for k, v in INSURANCE_TYPES.items()])
            lst.setMaximumHeight(130)
            return lst
        return TextTable([translate("subsidy.rules_editor", h) for h in TABLES[kind]], self)

    def _add(self, form: QFormLayout, name: str, label: str, kind: str, widget: QWidget, tip: str) -> None:
        widget.setObjectName(f"rule_{name}")
        label, tip = translate("subsidy.rules_editor", label), translate("subsidy.rules_editor", tip) if tip else ""
        if tip:
            widget.setToolTip(tip)
            if isinstance(widget, QLineEdit) and not widget.placeholderText():
                widget.setPlaceholderText(tip)
        form.addRow(label, widget)
        self.widgets[name], self.kinds[name], self.labels[name] = widget, kind, label
        watch(widget, self.changed.emit)

    # -- load ----------------------------------------------------------------------------------
    def set_rules(self, rs: RuleSet) -> None:
        self.blockSignals(True)
        for name, widget in self.widgets.items():
            self._set(widget, self.kinds[name], getattr(rs, name))
        self.blockSignals(False)
        self.changed.emit()

    def _set(self, w: Any, kind: str, v: Any) -> None:
        if kind == "text":
            w.setText(v or "")
        elif kind == "pct":
            w.setText(pct_text(v))
        elif kind == "pct_opt":
            w.setText("" if v is None else pct_text(v))
        elif kind == "pct_list":
            w.setText("，".join(pct_text(x) for x in v))
        elif kind == "yuan_list":
            w.setText("，".join(yuan_text(x, False) for x in v))
        elif kind == "int_opt":
            w.setText("" if v is None else str(v))
        elif kind == "yuan":
            w.setText("" if v is None else yuan_text(v))
        elif kind == "int1":
            w.setValue(v)
        elif kind == "bool":
            w.setChecked(bool(v))
        elif kind == "date":
            w.set_iso(v)
        elif kind in CHOICES:
            i = w.findData(v)
            if i < 0:
                w.addItem(str(v), v)
                i = w.count() - 1
            w.setCurrentIndex(i)
        elif kind in ("tags", "types"):
            w.set_checked(set(v))
            w.setProperty("order", list(v))  # the file's order is kept on the way back
        elif kind == "tag_pct":
            w.set_rows([[k, pct_text(x)] for k, x in v.items()])
        elif kind == "tag_ladder":
            w.set_rows([[k, "，".join(pct_text(x) for x in lad)] for k, lad in v.items()])
        elif kind == "tag_yuan":
            w.set_rows([[k, yuan_text(x)] for k, x in v.items()])
        elif kind == "typecaps":
            w.set_rows([[c.name, "，".join(INSURANCE_TYPES.get(t, t) for t in c.types), yuan_text(c.cap_fen),
                         TYPE_CAP_SCOPES.get(c.scope, c.scope)] for c in v])
        elif kind == "uplifts":
            w.set_rows([[u.name, "，".join(UPLIFT_CONDITIONS.get(c, c) for c in u.when_any), pct_text(u.add_bp),
                         "" if u.enterprise_year_cap_fen is None else yuan_text(u.enterprise_year_cap_fen),
                         "；".join(f"{g}={yuan_text(f, False)}" for g, f in u.type_cap_overrides_fen.items())] for u in v])

    # -- read ----------------------------------------------------------------------------------
    def _get(self, name: str) -> Any:
        w, kind, label = self.widgets[name], self.kinds[name], self.labels[name]
        if kind == "text":
            return w.text().strip()
        if kind == "pct":
            return parse_pct(w.text(), label)
        if kind == "pct_opt":
            return parse_pct(w.text(), label) if w.text().strip() else None
        if kind == "pct_list":
            return tuple(parse_pct(p, self.tr("{label}第 {i} 档").format(label=label, i=i)) for i, p in enumerate(split(w.text()), 1))
        if kind == "yuan_list":
            return tuple(parse_yuan(p, self.tr("{label}第 {i} 档").format(label=label, i=i)) for i, p in enumerate(split(w.text()), 1))
        if kind == "int_opt":
            t = w.text().strip()
            if not t:
                return None
            if not t.lstrip("-").isdigit():
                raise Unreadable(self.tr("{label}“{t}”不是整数").format(label=label, t=t))
            return int(t)
        if kind == "yuan":
            return parse_yuan(w.text(), label) if w.text().strip() else None
        if kind == "int1":
            return w.value()
        if kind == "bool":
            return w.isChecked()
        if kind == "date":
            return w.iso()
        if kind in CHOICES:
            return w.currentData()
        if kind in ("tags", "types"):
            checked, order = w.checked(), list(w.property("order") or [])
            return tuple([x for x in order if x in checked] + [x for x in checked if x not in order])
        rows = w.rows()
        if kind == "tag_pct":
            return {r[0]: parse_pct(r[1], f"{label}“{r[0]}”") for r in rows}
        if kind == "tag_ladder":
            return {r[0]: tuple(parse_pct(p, f"{label}“{r[0]}”") for p in split(r[1])) for r in rows}
        if kind == "tag_yuan":
            return {r[0]: parse_yuan(r[1], f"{label}“{r[0]}”") for r in rows}
        if kind == "typecaps":
            return tuple(TypeCap(r[0], tuple(TYPE_BY_LABEL.get(t, t) for t in split(r[1])),
                                 parse_yuan(r[2], self.tr("险种上限“{r}”").format(r=r[0])), SCOPE_BY_LABEL.get(r[3], r[3] or "any"))
                         for r in rows)
        if kind == "uplifts":
            out = []
            for r in rows:
                overrides = {}
                for part in (p.strip() for p in r[4].replace(";", "；").split("；") if p.strip()):
                    group, _, amount = part.partition("=")
                    overrides[group.strip()] = parse_yuan(amount, self.tr("上浮“{r}”的“{strip}”上限").format(r=r[0], strip=group.strip()))
                conds = tuple(COND_BY_LABEL.get(c, c) for c in split(r[1]))
                cap = parse_yuan(r[3], self.tr("上浮“{r}”的单户年度上限").format(r=r[0])) if r[3] else None
                out.append(Uplift(r[0], conds, parse_pct(r[2] or "0", self.tr("上浮“{r}”的比例").format(r=r[0])), overrides, cap))
            return tuple(out)
        raise AssertionError(kind)

    def rules(self, name: str, year: int, budget_fen: int | None) -> tuple[RuleSet | None, list[Issue]]:
        """The RuleSet on screen (None when some field cannot be read) and every problem:
        unreadable fields first, then ``validate_rules``."""
        values: dict[str, Any] = {}
        problems: list[Issue] = []
        for field_name in self.widgets:
            try:
                values[field_name] = self._get(field_name)
            except Unreadable as exc:
                problems.append(Issue(field_name, "rules.unreadable", str(exc)))
        if problems:
            return None, problems
        rs = RuleSet(name=name, year=year, budget_fen=budget_fen or None, **values)
        return rs, validate_rules(rs)

    def mark(self, issues: list[Issue]) -> None:
        bad = {i.field for i in issues if i.is_error}
        for name, w in self.widgets.items():
            w.setStyleSheet("border: 1px solid #d92d20;" if name in bad and isinstance(w, QLineEdit) else "")

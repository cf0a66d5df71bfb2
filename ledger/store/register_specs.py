"""The register specs: columns, filters, search targets and links of each desktop table.

Pure data built from code constants (the SQL fragments here are fixed by the program, never
from user input); the queries that use them are in :mod:`ledger.store.registers`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

# Display kinds: text, money (fen → ¥1,234.56), wan (fen → 万元), date, int, enum, bool,
# year (no grouping), district (GB/T 2260 code → name), tags (JSON list → 、-joined).
KINDS = frozenset({"text", "money", "wan", "date", "int", "year", "enum", "bool", "district", "tags"})


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    expr: str
    kind: str = "text"
    sortable: bool = True
    pinyin: bool = False
    width: int = 110

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


@dataclass(frozen=True)
class Filter:
    """The value is bound to every ``?`` in ``where``; ``choices`` selects (value, label) rows."""

    key: str
    label: str
    where: str
    choices: str
    cast: type = str
    labels: str = ""  # "district": labels are region names computed in Python


@dataclass(frozen=True)
class FtsTarget:
    table: str  # the FTS5 table
    key_expr: str  # the expression matched against its rowid
    covers: tuple[str, ...]  # base-table expressions it indexes (for the LIKE fallback)


@dataclass(frozen=True)
class Link:
    """A linked count in the detail pane; ``sql`` takes the record id as its only parameter."""

    label: str
    sql: str
    register: str = ""
    filter_key: str = ""


@dataclass(frozen=True)
class RegisterSpec:
    key: str
    title: str
    from_sql: str
    id_expr: str
    columns: tuple[Column, ...]
    filters: tuple[Filter, ...] = ()
    fts: tuple[FtsTarget, ...] = ()
    like: tuple[str, ...] = ()
    default_order: str = ""
    default_descending: bool = False
    detail: tuple[Column, ...] = ()
    links: tuple[Link, ...] = ()
    search_hint: str = ""
    extra_filters: tuple[Filter, ...] = field(default=())  # not shown in the filter bar

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise ValueError(f"register {self.key} has no column {key!r}")

    def filter(self, key: str) -> Filter:
        for flt in self.filters + self.extra_filters:
            if flt.key == key:
                return flt
        raise ValueError(f"register {self.key} has no filter {key!r}")


# -- shared pieces ---------------------------------------------------------------------------
_YEAR_OF_POLICY = "substr(p.start_date, 1, 4)"
_INSURERS_OF_POLICY = (
    "(SELECT group_concat(n, '、') FROM (SELECT coalesce(nullif(ins.short_name, ''), ins.full_name)"
    " AS n FROM policy_insurer pi JOIN insurer ins ON ins.id = pi.insurer_id"
    " WHERE pi.policy_id = p.id ORDER BY pi.is_lead DESC, pi.share_bp DESC, ins.id))"
)
_F_DISTRICT = Filter(
    "district", "区县", "e.district_code = ?",
    "SELECT DISTINCT district_code, district_code FROM enterprise ORDER BY district_code",
    labels="district",
)
_F_PRODUCT = Filter(
    "product", "险种", "p.product_id = ?",
    "SELECT id, name FROM product WHERE id IN (SELECT product_id FROM policy)"
    " ORDER BY pinyin_key(name)",
    cast=int,
)
_F_INSURER = Filter(
    "insurer", "保险机构",
    "EXISTS (SELECT 1 FROM policy_insurer fpi WHERE fpi.policy_id = p.id AND fpi.insurer_id = ?)",
    "SELECT id, coalesce(nullif(short_name, ''), full_name) FROM insurer"
    " WHERE id IN (SELECT insurer_id FROM policy_insurer) ORDER BY pinyin_key(short_name)",
    cast=int,
)
_F_TAG = Filter(
    "tag", "企业标签", "EXISTS (SELECT 1 FROM json_each(e.tags) WHERE json_each.value = ?)",
    "SELECT DISTINCT t.value, t.value FROM enterprise, json_each(enterprise.tags) t"
    " ORDER BY pinyin_key(t.value)",
)
_POLICY_YEARS = (
    "SELECT DISTINCT substr(start_date, 1, 4) y, substr(start_date, 1, 4) || ' 年' FROM policy"
    " ORDER BY y DESC"
)
_FTS_ENTERPRISE = FtsTarget("enterprise_fts", "e.id", ("e.name", "e.uscc"))
_FTS_IP = FtsTarget("ip_right_fts", "i.id", ("i.number", "i.title", "i.owner_name"))


def _status(expr: str, table: str, column: str, label: str = "状态") -> Filter:
    return Filter(
        "status", label, f"{expr} = ?",
        f"SELECT DISTINCT {column}, {column} FROM {table} WHERE {column} IS NOT NULL ORDER BY {column}",
    )


def _expiring_filter() -> Filter:
    # value: "YYYY-MM-DD|YYYY-MM-DD" (from, to) — built by expiring_filter_value()
    return Filter(
        "expiring", "到期区间",
        "p.status = '生效' AND p.end_date BETWEEN substr(?, 1, 10) AND substr(?, 12, 10)", "",
    )


def expiring_filter_value(days: int, today: date | None = None) -> str:
    today = today or date.today()
    return f"{today.isoformat()}|{(today + timedelta(days=days)).isoformat()}"


# -- the registers ---------------------------------------------------------------------------
_C = Column

ENTERPRISES = RegisterSpec(
    key="enterprise", title="企业",
    from_sql="enterprise e", id_expr="e.id",
    columns=(
        _C("name", "企业名称", "e.name", pinyin=True, width=260),
        _C("uscc", "统一社会信用代码", "e.uscc", width=170),
        _C("district", "区县", "e.district_code", "district", width=110),
        _C("industry", "行业", "e.industry", pinyin=True, width=120),
        _C("tags", "企业标签", "e.tags", "tags", width=200),
        _C("ip_count", "知识产权（件）", "(SELECT count(*) FROM ip_right ci WHERE ci.enterprise_id = e.id)", "int", width=100),
        _C("policy_count", "保单（份）", "(SELECT count(*) FROM policy cp WHERE cp.enterprise_id = e.id)", "int", width=90),
        _C("sum_insured", "累计保额（万元）", "(SELECT coalesce(sum(sp.sum_insured_fen), 0) FROM policy sp WHERE sp.enterprise_id = e.id)", "wan", width=130),
        _C("blacklisted", "黑名单", "e.blacklisted", "bool", width=70),
    ),
    filters=(
        _F_DISTRICT, _F_TAG,
        Filter("year", "投保年度",
               "EXISTS (SELECT 1 FROM policy yp WHERE yp.enterprise_id = e.id AND substr(yp.start_date, 1, 4) = ?)",
               _POLICY_YEARS),
        Filter("blacklisted", "黑名单", "e.blacklisted = ?",
               "SELECT DISTINCT blacklisted, CASE blacklisted WHEN 1 THEN '是' ELSE '否' END FROM enterprise",
               cast=int),
    ),
    fts=(_FTS_ENTERPRISE,),
    like=("e.industry", "e.contact_person"),
    default_order="name",
    detail=(
        _C("name", "企业名称", "e.name"), _C("uscc", "统一社会信用代码", "e.uscc"),
        _C("district", "区县", "e.district_code", "district"), _C("industry", "行业", "e.industry"),
        _C("tags", "企业标签", "e.tags", "tags"), _C("contact", "联系人", "e.contact_person"),
        _C("phone", "联系电话", "e.contact_phone"), _C("address", "地址", "e.address"),
        _C("bank", "开户银行", "e.bank_name"), _C("account", "银行账号", "e.bank_account"),
        _C("blacklisted", "黑名单", "e.blacklisted", "bool"),
        _C("blacklist_reason", "列入黑名单原因", "e.blacklist_reason"), _C("notes", "备注", "e.notes"),
    ),
    links=(
        Link("知识产权", "SELECT count(*) FROM ip_right WHERE enterprise_id = ?", "ip_right"),
        Link("保单", "SELECT count(*) FROM policy WHERE enterprise_id = ?", "policy"),
        Link("补贴申请", "SELECT count(*) FROM subsidy_application s JOIN policy p ON p.id = s.policy_id WHERE p.enterprise_id = ?", "subsidy"),
        Link("理赔", "SELECT count(*) FROM claim c JOIN policy p ON p.id = c.policy_id WHERE p.enterprise_id = ?", "claim"),
    ),
    search_hint="企业名称、信用代码、行业、联系人",
)

IP_RIGHTS = RegisterSpec(
    key="ip_right", title="知识产权",
    from_sql="ip_right i JOIN enterprise e ON e.id = i.enterprise_id", id_expr="i.id",
    columns=(
        _C("number", "编号", "i.number", width=150),
        _C("ip_type", "类型", "i.ip_type", "enum", width=100),
        _C("title", "名称", "i.title", pinyin=True, width=240),
        _C("enterprise", "权利人企业", "e.name", pinyin=True, width=220),
        _C("district", "区县", "e.district_code", "district", width=100),
        _C("filing_date", "申请日", "i.filing_date", "date", width=95),
        _C("grant_date", "授权日", "i.grant_date", "date", width=95),
        _C("expiry_date", "届满日", "i.expiry_date", "date", width=95),
        _C("status", "状态", "i.status", "enum", width=80),
        _C("high_value", "高价值", "i.high_value", "bool", width=65),
        _C("policies", "投保（次）", "(SELECT count(*) FROM policy_ip_right pr WHERE pr.ip_right_id = i.id)", "int", width=80),
    ),
    filters=(
        Filter("ip_type", "类型", "i.ip_type = ?",
               "SELECT DISTINCT ip_type, ip_type FROM ip_right ORDER BY pinyin_key(ip_type)"),
        _status("i.status", "ip_right", "status"),
        _F_DISTRICT,
        Filter("year", "投保年度",
               "EXISTS (SELECT 1 FROM policy_ip_right yr JOIN policy yp ON yp.id = yr.policy_id"
               " WHERE yr.ip_right_id = i.id AND substr(yp.start_date, 1, 4) = ?)", _POLICY_YEARS),
    ),
    extra_filters=(Filter("enterprise", "企业", "i.enterprise_id = ?", "", cast=int),),
    fts=(_FTS_IP, _FTS_ENTERPRISE),
    default_order="number",
    detail=(
        _C("number", "编号", "i.number"), _C("ip_type", "类型", "i.ip_type"),
        _C("nice_class", "尼斯分类", "i.nice_class", "int"), _C("title", "名称", "i.title"),
        _C("owner", "权利人", "i.owner_name"), _C("enterprise", "所属企业", "e.name"),
        _C("filing_date", "申请日", "i.filing_date", "date"), _C("grant_date", "授权日", "i.grant_date", "date"),
        _C("expiry_date", "届满日", "i.expiry_date", "date"), _C("status", "状态", "i.status"),
        _C("high_value", "高价值", "i.high_value", "bool"), _C("notes", "备注", "i.notes"),
    ),
    links=(Link("投保保单", "SELECT count(*) FROM policy_ip_right WHERE ip_right_id = ?", "policy"),),
    search_hint="编号、名称、权利人、企业名称",
)

_POLICY_FROM = (
    "policy p JOIN enterprise e ON e.id = p.enterprise_id JOIN product pd ON pd.id = p.product_id"
)
POLICIES = RegisterSpec(
    key="policy", title="保单",
    from_sql=_POLICY_FROM, id_expr="p.id",
    columns=(
        _C("policy_no", "保单号", "p.policy_no", width=170),
        _C("enterprise", "投保企业", "e.name", pinyin=True, width=230),
        _C("product", "险种", "pd.name", pinyin=True, width=170),
        _C("insurers", "承保机构", _INSURERS_OF_POLICY, pinyin=True, width=150),
        _C("sum_insured", "保险金额（元）", "p.sum_insured_fen", "money", width=140),
        _C("premium", "保费（元）", "p.premium_fen", "money", width=110),
        _C("premium_paid", "实缴保费（元）", "p.premium_paid_fen", "money", width=120),
        _C("start_date", "起保日期", "p.start_date", "date", width=95),
        _C("end_date", "终止日期", "p.end_date", "date", width=95),
        _C("status", "状态", "p.status", "enum", width=65),
        _C("district", "区县", "e.district_code", "district", width=100),
        _C("overseas", "境外", "p.overseas", "bool", width=55),
    ),
    filters=(
        _F_DISTRICT, _F_PRODUCT, _F_INSURER,
        Filter("year", "起保年度", f"{_YEAR_OF_POLICY} = ?", _POLICY_YEARS),
        _status("p.status", "policy", "status"), _F_TAG,
    ),
    extra_filters=(
        _expiring_filter(),
        Filter("enterprise", "企业", "p.enterprise_id = ?", "", cast=int),
        Filter("product_code", "险种", "pd.code = ?", ""),
        Filter("ip_right", "知识产权",
               "EXISTS (SELECT 1 FROM policy_ip_right xr WHERE xr.policy_id = p.id AND xr.ip_right_id = ?)",
               "", cast=int),
        Filter("ip_type", "知识产权类型",
               "EXISTS (SELECT 1 FROM policy_ip_right xr JOIN ip_right xi ON xi.id = xr.ip_right_id"
               " WHERE xr.policy_id = p.id AND xi.ip_type = ?)", ""),
    ),
    fts=(_FTS_ENTERPRISE,),
    like=("p.policy_no",),
    default_order="start_date", default_descending=True,
    detail=(
        _C("policy_no", "保单号", "p.policy_no"), _C("enterprise", "投保企业", "e.name"),
        _C("product", "险种", "pd.name"), _C("class", "保险责任类别", "pd.liability_class"),
        _C("insurers", "承保机构", _INSURERS_OF_POLICY),
        _C("sum_insured", "保险金额（元）", "p.sum_insured_fen", "money"),
        _C("premium", "保费（元）", "p.premium_fen", "money"),
        _C("premium_paid", "实缴保费（元）", "p.premium_paid_fen", "money"),
        _C("signed", "签单日期", "p.signed_date", "date"),
        _C("start_date", "起保日期", "p.start_date", "date"), _C("end_date", "终止日期", "p.end_date", "date"),
        _C("status", "状态", "p.status"), _C("overseas", "含境外责任", "p.overseas", "bool"),
        _C("notes", "备注", "p.notes"),
    ),
    links=(
        Link("承保知识产权", "SELECT count(*) FROM policy_ip_right WHERE policy_id = ?", "ip_right"),
        Link("补贴申请", "SELECT count(*) FROM subsidy_application WHERE policy_id = ?", "subsidy"),
        Link("理赔", "SELECT count(*) FROM claim WHERE policy_id = ?", "claim"),
    ),
    search_hint="保单号、企业名称、信用代码",
)

SUBSIDIES = RegisterSpec(
    key="subsidy", title="补贴",
    from_sql=(
        "subsidy_application s JOIN policy p ON p.id = s.policy_id"
        " JOIN enterprise e ON e.id = p.enterprise_id JOIN programme g ON g.id = s.programme_id"
    ),
    id_expr="s.id",
    columns=(
        _C("application_no", "申请编号", "s.application_no", width=150),
        _C("enterprise", "申请企业", "e.name", pinyin=True, width=220),
        _C("programme", "试点项目", "g.name", pinyin=True, width=180),
        _C("policy_no", "保单号", "p.policy_no", width=160),
        _C("premium_paid", "实缴保费（元）", "s.premium_paid_fen", "money", width=120),
        _C("computed", "测算补贴（元）", "s.computed_fen", "money", width=120),
        _C("approved", "核定补贴（元）", "s.approved_fen", "money", width=120),
        _C("paid", "已拨付（元）", "s.paid_fen", "money", width=120),
        _C("state", "状态", "s.state", "enum", width=75),
        _C("submitted", "申报日期", "substr(s.submitted_at, 1, 10)", "date", width=95),
        _C("paid_at", "拨付日期", "substr(s.paid_at, 1, 10)", "date", width=95),
    ),
    filters=(
        Filter("year", "项目年度", "g.year = ?",
               "SELECT DISTINCT year, year || ' 年' FROM programme ORDER BY year DESC", cast=int),
        Filter("programme", "试点项目", "s.programme_id = ?",
               "SELECT id, name || '（' || year || '）' FROM programme ORDER BY year DESC, id", cast=int),
        Filter("status", "状态", "s.state = ?",
               "SELECT DISTINCT state, state FROM subsidy_application ORDER BY state"),
        _F_DISTRICT, _F_PRODUCT, _F_INSURER,
    ),
    extra_filters=(
        Filter("enterprise", "企业", "p.enterprise_id = ?", "", cast=int),
        Filter("policy", "保单", "s.policy_id = ?", "", cast=int),
    ),
    fts=(_FTS_ENTERPRISE,),
    like=("s.application_no", "p.policy_no", "s.voucher_no"),
    default_order="submitted", default_descending=True,
    detail=(
        _C("application_no", "申请编号", "s.application_no"), _C("enterprise", "申请企业", "e.name"),
        _C("programme", "试点项目", "g.name"), _C("programme_year", "项目年度", "g.year", "year"), _C("policy_no", "保单号", "p.policy_no"),
        _C("premium_paid", "实缴保费（元）", "s.premium_paid_fen", "money"),
        _C("computed", "测算补贴（元）", "s.computed_fen", "money"),
        _C("approved", "核定补贴（元）", "s.approved_fen", "money"),
        _C("paid", "已拨付（元）", "s.paid_fen", "money"),
        _C("recovered", "已追回（元）", "s.recovered_fen", "money"),
        _C("state", "状态", "s.state"), _C("submitted", "申报日期", "substr(s.submitted_at, 1, 10)", "date"),
        _C("publicity", "公示期", "coalesce(s.publicity_start || ' 至 ' || s.publicity_end, '')"),
        _C("approved_at", "批准日期", "substr(s.approved_at, 1, 10)", "date"),
        _C("paid_at", "拨付日期", "substr(s.paid_at, 1, 10)", "date"),
        _C("voucher", "付款凭证号", "s.voucher_no"), _C("batch", "拨付批次", "s.payment_batch"),
        _C("explanation", "测算说明", "s.explanation"), _C("notes", "备注", "s.notes"),
    ),
    links=(Link("流转记录", "SELECT count(*) FROM subsidy_event WHERE application_id = ?"),),
    search_hint="申请编号、保单号、企业名称、凭证号",
)

CLAIMS = RegisterSpec(
    key="claim", title="理赔",
    from_sql=(
        "claim c JOIN policy p ON p.id = c.policy_id JOIN enterprise e ON e.id = p.enterprise_id"
        " JOIN product pd ON pd.id = p.product_id"
    ),
    id_expr="c.id",
    columns=(
        _C("claim_no", "案件编号", "c.claim_no", width=150),
        _C("enterprise", "被保险企业", "e.name", pinyin=True, width=220),
        _C("product", "险种", "pd.name", pinyin=True, width=160),
        _C("counterparty", "对方当事人", "c.counterparty", pinyin=True, width=170),
        _C("state", "状态", "c.state", "enum", width=70),
        _C("outcome", "结果", "c.outcome", "enum", width=60),
        _C("reported", "报案日期", "c.reported_date", "date", width=95),
        _C("closed", "结案日期", "c.closed_date", "date", width=95),
        _C("claimed", "申请金额（元）", "(SELECT coalesce(sum(claimed_fen), 0) FROM claim_cost_item ci WHERE ci.claim_id = c.id)", "money", width=120),
        _C("paid", "已赔付（元）", "(SELECT coalesce(sum(amount_fen), 0) FROM claim_payment cp WHERE cp.claim_id = c.id)", "money", width=120),
        _C("overseas", "境外", "c.overseas", "bool", width=55),
    ),
    filters=(
        Filter("year", "报案年度", "substr(c.reported_date, 1, 4) = ?",
               "SELECT DISTINCT substr(reported_date, 1, 4) y, substr(reported_date, 1, 4) || ' 年'"
               " FROM claim ORDER BY y DESC"),
        Filter("status", "状态", "c.state = ?", "SELECT DISTINCT state, state FROM claim ORDER BY state"),
        Filter("outcome", "结果", "c.outcome = ?",
               "SELECT DISTINCT outcome, outcome FROM claim WHERE outcome IS NOT NULL ORDER BY outcome"),
        _F_PRODUCT, _F_INSURER, _F_DISTRICT,
    ),
    extra_filters=(
        Filter("enterprise", "企业", "p.enterprise_id = ?", "", cast=int),
        Filter("policy", "保单", "c.policy_id = ?", "", cast=int),
        Filter("policy_year", "保单起保年度", f"{_YEAR_OF_POLICY} = ?", ""),
    ),
    fts=(_FTS_ENTERPRISE,),
    like=("c.claim_no", "p.policy_no", "c.counterparty", "c.case_number", "c.court"),
    default_order="reported", default_descending=True,
    detail=(
        _C("claim_no", "案件编号", "c.claim_no"), _C("policy_no", "保单号", "p.policy_no"),
        _C("enterprise", "被保险企业", "e.name"), _C("product", "险种", "pd.name"),
        _C("state", "状态", "c.state"), _C("outcome", "结果", "c.outcome"),
        _C("reported", "报案日期", "c.reported_date", "date"), _C("closed", "结案日期", "c.closed_date", "date"),
        _C("counterparty", "对方当事人", "c.counterparty"), _C("court", "受理法院/机构", "c.court"),
        _C("case_number", "案号", "c.case_number"), _C("jurisdiction", "法域", "c.jurisdiction"),
        _C("overseas", "境外案件", "c.overseas", "bool"),
        _C("judgement", "判决金额（元）", "c.judgement_fen", "money"),
        _C("settlement", "和解金额（元）", "c.settlement_fen", "money"),
        _C("description", "案情", "c.description"),
    ),
    links=(
        Link("费用明细", "SELECT count(*) FROM claim_cost_item WHERE claim_id = ?"),
        Link("赔付记录", "SELECT count(*) FROM claim_payment WHERE claim_id = ?"),
    ),
    search_hint="案件编号、保单号、企业、对方当事人、案号",
)

CASES = RegisterSpec(
    key="case", title="典型案例",
    from_sql="case_study k LEFT JOIN product pd ON pd.id = k.product_id", id_expr="k.id",
    columns=(
        _C("year", "年度", "k.year", "year", width=60),
        _C("number", "序号", "k.number", "int", width=55),
        _C("title", "案例名称", "k.title", pinyin=True, width=330),
        _C("region", "相关地区", "k.region", pinyin=True, width=130),
        _C("product", "保险产品", "coalesce(pd.name, k.product_text)", pinyin=True, width=190),
        _C("clause", "条款归属", "k.clause_type", width=110),
        _C("ip_types", "知识产权类型", "k.ip_types_text", width=140),
        _C("insurers", "相关保险机构", "k.insurers_text", width=170),
    ),
    filters=(
        Filter("year", "年度", "k.year = ?",
               "SELECT DISTINCT year, year || ' 年' FROM case_study ORDER BY year DESC", cast=int),
        Filter("product", "保险产品", "k.product_id = ?",
               "SELECT id, name FROM product WHERE id IN (SELECT product_id FROM case_study)"
               " ORDER BY pinyin_key(name)", cast=int),
    ),
    like=("k.title", "k.region", "k.parties", "k.product_text", "k.insurers_text", "k.background"),
    default_order="year", default_descending=True,
    detail=(
        _C("title", "案例名称", "'案例 ' || k.number || '：' || k.title"),
        _C("region", "（一）相关地区", "k.region"), _C("parties", "（二）相关主体", "k.parties"),
        _C("product", "（三）保险产品", "coalesce(pd.name, k.product_text)"),
        _C("clause", "（四）条款归属", "k.clause_type"),
        _C("ip_types", "（五）知识产权类型", "k.ip_types_text"),
        _C("insurers", "（六）相关保险机构", "k.insurers_text"),
        _C("background", "基本情况", "k.background"), _C("innovation", "创新点", "k.innovation"),
        _C("effect", "实施效果", "k.effect"),
    ),
    search_hint="案例名称、地区、主体、产品",
)

REGISTERS: dict[str, RegisterSpec] = {
    s.key: s for s in (ENTERPRISES, IP_RIGHTS, POLICIES, SUBSIDIES, CLAIMS, CASES)
}


# -- queries ---------------------------------------------------------------------------------

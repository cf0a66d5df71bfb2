"""Column specifications for every importable record kind.

One :class:`ColumnSpec` per record field: the canonical Chinese header (also used by the
import templates), header synonyms seen in real spreadsheets, the value type, whether the
field is required, enum choices, an example value and a help text.  ``anchor`` is the key a
header row must contain to be recognised at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ledger.errors import InvalidInput, Issue

ColType = Literal["text", "amount", "date", "int", "enum", "bool", "list", "shares"]

IP_TYPES: tuple[str, ...] = (
    "发明专利", "实用新型", "外观设计", "商标", "著作权", "软件著作权",
    "地理标志", "植物新品种", "集成电路布图设计", "商业秘密",
)
IP_TYPE_SYNONYMS: dict[str, str] = {
    "发明": "发明专利", "实用新型专利": "实用新型", "新型": "实用新型",
    "外观设计专利": "外观设计", "外观": "外观设计", "注册商标": "商标",
    "作品著作权": "著作权", "版权": "著作权", "计算机软件著作权": "软件著作权", "软著": "软件著作权",
    "地理标志产品": "地理标志", "集成电路": "集成电路布图设计", "布图设计": "集成电路布图设计",
}
POLICY_STATUSES: tuple[str, ...] = ("生效", "到期", "退保", "终止")
POLICY_STATUS_SYNONYMS: dict[str, str] = {
    "有效": "生效", "保障中": "生效", "已生效": "生效", "已到期": "到期", "满期": "到期",
    "已退保": "退保", "已终止": "终止", "解除": "终止",
}
CLAIM_OUTCOMES: tuple[str, ...] = ("胜诉", "和解", "败诉", "撤诉")
CLAIM_OUTCOME_SYNONYMS: dict[str, str] = {"调解": "和解", "庭外和解": "和解", "部分胜诉": "胜诉"}


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    header: str
    type: ColType = "text"
    required: bool = False
    synonyms: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    choice_synonyms: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    example: str = ""
    help: str = ""


@dataclass(frozen=True)
class RecordKind:
    kind: str
    title: str
    anchor: str
    columns: tuple[ColumnSpec, ...]

    def spec(self, key: str) -> ColumnSpec:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    @property
    def required_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns if c.required)


C = ColumnSpec

_USCC_HELP = "18 位统一社会信用代码（GB 32100-2015）"


def _enterprise_uscc(header: str = "统一社会信用代码", required: bool = False) -> ColumnSpec:
    return C("enterprise_uscc", header, required=required,
             synonyms=("统一社会信用代码", "信用代码", "社会信用代码", "投保人统一社会信用代码",
                       "企业统一社会信用代码", "被保险人统一社会信用代码", "权利人统一社会信用代码",
                       "企业信用代码", "uscc"),
             example="91110000600037341L", help=_USCC_HELP)


ENTERPRISES = RecordKind("enterprises", "企业", "name", (
    C("name", "企业名称", required=True,
      synonyms=("单位名称", "投保人", "企业全称", "被保险人", "公司名称", "企业", "名称", "投保企业",
                "试点企业", "申报单位", "申报企业"),
      example="无锡某某科技有限公司", help="与营业执照一致的企业全称"),
    C("uscc", "统一社会信用代码", required=True,
      synonyms=("信用代码", "社会信用代码", "企业信用代码", "统一代码", "uscc"),
      example="91110000600037341L", help=_USCC_HELP),
    C("district_code", "所属区县代码", synonyms=("区县", "区县代码", "所属区县", "行政区划代码", "区划代码"),
      example="320214", help="GB/T 2260 六位行政区划代码"),
    C("industry", "所属行业", synonyms=("行业", "行业类别", "国民经济行业"), example="软件和信息技术服务业"),
    C("tags", "企业标签", "list", synonyms=("标签", "企业类型", "企业资质", "资质"),
      example="专精特新、高新技术企业", help="多个标签用顿号、逗号或分号分隔"),
    C("contact_person", "联系人", synonyms=("联系人姓名", "经办人"), example="张三"),
    C("contact_phone", "联系电话", synonyms=("电话", "手机", "手机号", "联系方式", "联系手机", "手机号码"),
      example="13800138000"),
    C("address", "地址", synonyms=("企业地址", "注册地址", "通讯地址", "办公地址"), example="无锡市新吴区某某路 1 号"),
    C("bank_name", "开户银行", synonyms=("开户行", "开户银行名称", "银行"), example="中国银行无锡分行"),
    C("bank_account", "银行账号", synonyms=("账号", "银行帐号", "帐号", "开户账号"), example="6216610000000000000"),
    C("notes", "备注", synonyms=("说明",)),
))

IP_RIGHTS = RecordKind("ip_rights", "知识产权", "number", (
    _enterprise_uscc("权利人统一社会信用代码"),
    C("owner_name", "权利人", synonyms=("专利权人", "商标注册人", "著作权人", "权利人名称", "申请人", "所有人"),
      example="无锡某某科技有限公司"),
    C("ip_type", "知识产权类型", "enum", required=True,
      synonyms=("类型", "知识产权种类", "专利类型", "权利类型", "种类"),
      choices=IP_TYPES, choice_synonyms=IP_TYPE_SYNONYMS, example="发明专利",
      help="、".join(IP_TYPES)),
    C("number", "申请号", required=True,
      synonyms=("专利号", "注册号", "登记号", "申请号/专利号", "专利申请号", "商标注册号", "编号",
                "知识产权编号", "品种权号", "证书号"),
      example="201710601862.3", help="专利申请号、商标注册号或登记号"),
    C("title", "名称", synonyms=("专利名称", "商标名称", "作品名称", "软件名称", "知识产权名称", "发明名称"),
      example="一种数据处理方法"),
    C("nice_class", "商标类别", "int", synonyms=("国际分类", "尼斯分类", "类别", "商标国际分类"),
      example="9", help="商标的尼斯分类号 1–45"),
    C("filing_date", "申请日", "date", synonyms=("申请日期",), example="2017-07-20"),
    C("grant_date", "授权日", "date", synonyms=("注册日", "授权日期", "注册日期", "授权公告日", "登记日期"),
      example="2020-03-10"),
    C("expiry_date", "到期日", "date", synonyms=("有效期至", "届满日", "有效期截止", "截止日期", "到期日期"),
      example="2037-07-19"),
    C("status", "法律状态", synonyms=("状态", "权利状态"), example="有效"),
))

POLICIES = RecordKind("policies", "保单", "policy_no", (
    C("policy_no", "保单号", required=True, synonyms=("保险单号", "保单编号", "保单号码", "保险单号码"),
      example="PICC2023320200000001"),
    _enterprise_uscc(),
    C("enterprise_name", "投保人", required=True,
      synonyms=("被保险人", "投保企业", "企业名称", "投保人名称", "投保单位", "单位名称"),
      example="无锡某某科技有限公司"),
    C("product_name", "险种", synonyms=("保险产品", "产品名称", "险种名称", "保险险种", "保险产品名称"),
      example="专利执行保险"),
    C("insurers", "保险机构", "shares",
      synonyms=("承保公司", "保险公司", "承保机构", "承保人", "共保体", "承保单位"),
      example="人保财险60%、平安产险40%", help="多家共保时写明份额，合计 100%"),
    C("sum_insured_fen", "保险金额", "amount", synonyms=("保额", "风险保障", "保险金额（元）", "风险保障金额", "累计赔偿限额", "赔偿限额"),
      example="500000.00"),
    C("premium_fen", "保费", "amount", required=True, synonyms=("保险费", "保费金额", "应缴保费", "保费合计"),
      example="15000.00"),
    C("premium_paid_fen", "实缴保费", "amount", synonyms=("实付保费", "已缴保费", "实收保费", "缴纳保费"),
      example="15000.00"),
    C("start_date", "保险起期", "date", required=True,
      synonyms=("起保日期", "保险起始日期", "起保日", "保险期间起", "生效日期", "起始日期"), example="2023-01-01"),
    C("end_date", "保险止期", "date", required=True,
      synonyms=("终止日期", "保险终止日期", "保险止日", "终保日期", "保险期间止", "到期日期", "截止日期"),
      example="2023-12-31"),
    C("signed_date", "签单日期", "date", synonyms=("签单日", "出单日期", "承保日期"), example="2022-12-20"),
    C("status", "保单状态", "enum", synonyms=("状态",), choices=POLICY_STATUSES,
      choice_synonyms=POLICY_STATUS_SYNONYMS, example="生效", help="、".join(POLICY_STATUSES)),
    C("ip_numbers", "承保知识产权", "list",
      synonyms=("承保专利", "保险标的", "专利号", "承保知识产权编号", "标的知识产权", "承保商标"),
      example="201710601862.3、201310699744.2", help="多个号码用顿号、逗号或分号分隔"),
    C("overseas", "是否海外", "bool", synonyms=("海外", "境外", "是否境外", "海外保险"), example="否"),
))

SUBSIDIES = RecordKind("subsidies", "补贴申报", "policy_no", (
    C("application_no", "申报编号", synonyms=("申请编号", "申报号", "补贴编号", "申报序号"), example="2023-0001",
      help="留空则按 SB-年度-序号 自动编号"),
    C("policy_no", "保单号", required=True, synonyms=("保险单号", "保单编号"), example="PICC2023320200000001",
      help="须已登记（先导入保单）；同一保单在同一试点项目只申报一次"),
    C("premium_paid_fen", "实缴保费", "amount", required=True,
      synonyms=("实付保费", "已缴保费", "保费", "实际缴纳保费", "缴纳保费"), example="15000.00",
      help="不能超过保单保费；补贴金额按项目规则自动计算"),
    C("programme", "试点项目", synonyms=("项目", "项目名称", "补贴项目", "年度项目"), example="2023 年知识产权保险补贴",
      help="项目名称，或该年度只有一个项目时填年度（如 2023）；留空为唯一开放申报的项目"),
    C("submitted_at", "申报日期", "date", synonyms=("申请日期", "提交日期", "申报时间"), example="2023-03-15",
      help="新增申报必填，须在项目申报期内"),
    C("state", "状态", synonyms=("申报状态", "审核状态", "办理状态"), example="申报",
      help="新增只能为“申报”（或留空）；初审、复核、公示、批准、拨付在“补贴”页面办理"),
))

CLAIMS = RecordKind("claims", "理赔", "claim_no", (
    C("claim_no", "报案号", required=True, synonyms=("理赔编号", "赔案号", "理赔号", "报案编号"), example="LP2023000001"),
    C("policy_no", "保单号", required=True, synonyms=("保险单号", "保单编号"), example="PICC2023320200000001"),
    C("reported_date", "报案日期", "date", synonyms=("报案时间", "出险日期"), example="2023-06-01"),
    C("counterparty", "对方当事人", synonyms=("侵权方", "被告", "对方", "涉案方", "侵权人"), example="某某贸易有限公司"),
    C("court", "受理法院", synonyms=("管辖地", "法院", "受理机构", "管辖法院"), example="无锡市中级人民法院"),
    C("case_number", "案号", synonyms=("案件编号", "诉讼案号"), example="(2023)苏02民初100号"),
    C("outcome", "结果", "enum", synonyms=("案件结果", "结案结果", "处理结果"), choices=CLAIM_OUTCOMES,
      choice_synonyms=CLAIM_OUTCOME_SYNONYMS, example="和解", help="、".join(CLAIM_OUTCOMES)),
    C("claimed_fen", "索赔金额", "amount", synonyms=("申请赔付金额", "报损金额", "索赔额"), example="80000.00"),
    C("paid_fen", "赔付金额", "amount", synonyms=("已赔付金额", "实际赔付", "赔款", "赔付额", "已决赔款"), example="60000.00"),
))

INSURER_POLICY_LIST = RecordKind("insurer_policy_list", "保险机构保单清单", "policy_no", (
    C("policy_no", "保单号", required=True, synonyms=("保险单号", "保单编号", "保单号码"), example="PICC2023320200000001"),
    C("enterprise_name", "投保人", synonyms=("被保险人", "投保人名称", "客户名称", "企业名称"), example="无锡某某科技有限公司"),
    _enterprise_uscc(),
    C("premium_fen", "保费", "amount", required=True, synonyms=("保险费", "签单保费", "保费金额", "实收保费"),
      example="15000.00"),
    C("sum_insured_fen", "保险金额", "amount", synonyms=("保额", "风险保障"), example="500000.00"),
    C("start_date", "保险起期", "date", synonyms=("起保日期", "保险起始日期", "起保日"), example="2023-01-01"),
    C("end_date", "保险止期", "date", synonyms=("终止日期", "保险终止日期", "终保日期"), example="2023-12-31"),
))

KINDS: dict[str, RecordKind] = {
    k.kind: k for k in (ENTERPRISES, IP_RIGHTS, POLICIES, SUBSIDIES, CLAIMS, INSURER_POLICY_LIST)
}


def column_letter(index: int) -> str:
    """0-based column index → Excel letters: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def get_kind(kind: str | RecordKind) -> RecordKind:
    if isinstance(kind, RecordKind):
        return kind
    try:
        return KINDS[kind]
    except KeyError:
        raise InvalidInput([Issue("kind", "import.unknown_kind",
                                  f"未知的导入类型“{kind}”：可选 {'、'.join(KINDS)}")]) from None

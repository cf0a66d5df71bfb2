"""The bundled catalogue (resources/catalogue/*.toml) against the 2022 white paper."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from ledger import catalogue
from ledger.errors import DataProblem
from ledger.paths import resource_path

# Table 1 of the white paper, read row by row (names re-joined across cell breaks).
TABLE1 = {
    "补偿类": [
        "专利执行保险",
        "知识产权执行保险",
        "专利申请费用补偿保险",
        "商标申请费用补偿保险",
        "知识产权申请费用损失保险",
        "知识产权维权诉讼费用损失保险",
        "知识产权无效费用损失保险",
        "专利授权金保险",
        "知识产权海外纠纷法律费用保险",
        "境外展会专利纠纷法律费用保险",
        "知识产权驳回费用损失保险",
        "专利实施失败费用损失保险",
        "专利许可信用保险",
    ],
    "责任类": [
        "专利侵权责任保险",
        "海外知识产权侵权责任保险",
        "知识产权资产评估职业责任保险",
        "专利代理人职业责任保险",
        "专利被侵权损失保险",
        "专利无忧保险",
        "北京市专利卫士组合保险",
        "商标被侵权损失保险",
        "地理标志被侵权损失保险",
        "植物新品种权被侵权损失保险",
        "集成电路布图设计被侵权损失保险",
        "知识产权被侵权损失保险",
        "知识产权侵权损失补偿保险",
    ],
    "融资类": ["专利质押融资保证保险", "知识产权质押融资保证保险"],
}

# Table 2 rows that appear nowhere in table 1, with their 类型.
TABLE2_ONLY = {
    "建信财险附加侵犯知识产权责任保险": "知识产权综合保险",
    "建信财险知识产权无效费用损失保险": "知识产权综合保险",
    "专利代理人职业责任保险附加保密责任保险": "专利代理人保险",
    "专利代理人职业责任保险附加放弃代位求偿保险": "专利代理人保险",
    "专利代理人职业责任保险附加其他知识产权代理责任保险": "专利代理人保险",
    "专利执行保险附加专利侵权损失保险": "专利执行保险",
    "专利执行保险附加专利侵权成立保险": "专利执行保险",
    "专利执行保险附加专利侵权损失先行垫付保险": "专利执行保险",
    "科技企业专利执行保险": "专利执行保险",
    "专利执行保险附加指定法律服务机构保险": "专利执行保险",
    "专利执行保险附加专利权无效宣告除外保险": "专利执行保险",
    "高新技术企业专利执行保险": "专利执行保险",
    "专利被侵权损失保险附加证物费用扩展": "专利执行保险",
    "专利侵权保险": "专利侵权保险",
    "建信财险专利权侵权损失保险附加专利执行保险": "专利侵权保险",
    "高新技术企业专利执行和损失保险（四川地区）": "专利侵权保险",
    "建信财险专利权侵权损失保险": "专利侵权保险",
    "建信财险专利权侵权责任保险": "专利侵权保险",
    "侵犯专利权责任保险": "专利侵权保险",
    "著作权确权责任保险": "著作权保险",
    "版权被侵权损失保险": "著作权保险",
    "著作权交易保证保险": "著作权保险",
}

# Table 3: name as printed -> (类别, 对象).
TABLE3 = {
    "专利代理人职业责任保险": ("激励创新类", ("代理人",)),
    "专利申请费用补偿保险": ("激励创新类", ("申请人",)),
    "商标申请费用补偿保险": ("激励创新类", ("申请人",)),
    "知识产权申请费用损失保险": ("激励创新类", ("申请人",)),
    "知识产权驳回费用损失保险": ("激励创新类", ("申请人",)),
    "知识产权资产评估职业责任保险": ("转化运用类", ("评估机构",)),
    "专利许可信用保险（1 年期，多年期）": ("转化运用类", ("权利人",)),
    "知识产权质押融资保证保险（专利 1 年期，专利多年期）": (
        "转化运用类",
        ("权利人", "银行", "担保公司"),
    ),
    "专利实施失败费用损失保险": ("转化运用类", ("权利人",)),
    "知识产权执行保险": ("转化运用类", ("权利人",)),
    "侵犯专利权责任保险": ("风险保障类", ("侵权人",)),
    "知识产权被侵权损失保险（专利、商标、地理标志、植物新品种、集成电路布图设计）": (
        "风险保障类",
        ("权利人",),
    ),
    "境外展会专利纠纷法律费用保险": ("风险保障类", ("双方",)),
    "知识产权海外侵权责任保险": ("风险保障类", ("侵权人",)),
    "知识产权侵权损失补偿保险": ("风险保障类", ("侵权人",)),
    "知识产权维权诉讼费用损失保险": ("风险保障类", ("权利人",)),
    "知识产权无效费用损失保险": ("风险保障类", ("权利人",)),
}


@pytest.fixture(scope="module")
def insurers() -> list[catalogue.Insurer]:
    return catalogue.load_insurers()


@pytest.fixture(scope="module")
def products() -> list[catalogue.Product]:
    return catalogue.load_products()


@pytest.fixture(scope="module")
def cases() -> list[catalogue.CaseStudySeed]:
    return catalogue.load_cases()


def by_name(products: list[catalogue.Product]) -> dict[str, catalogue.Product]:
    index: dict[str, catalogue.Product] = {}
    for p in products:
        for n in (p.name, *p.aliases):
            index[n] = p
    return index


def test_version_is_the_same_in_every_file() -> None:
    assert catalogue.catalogue_version() == "2022.1"
    for name in ("insurers.toml", "products.toml", "cases.toml"):
        with resource_path("catalogue", name).open("rb") as fh:
            assert tomllib.load(fh)["catalogue_version"] == "2022.1"


def test_insurers(insurers: list[catalogue.Insurer]) -> None:
    codes = {x.code: x for x in insurers}
    assert codes["picc"].full_name == "中国人民财产保险股份有限公司"
    assert codes["picc"].short_name == "人保财险"
    # 平安 appears under two spellings; one insurer carries both.
    pingan = [x for x in insurers if "平安财产保险股份有限公司" in {x.full_name, *x.aliases}]
    assert len(pingan) == 1
    assert "中国平安财产保险股份有限公司" in {pingan[0].full_name, *pingan[0].aliases}
    shorts = {x.short_name for x in insurers}
    for short in ("人保财险", "平安产险", "太保产险", "天安财险", "阳光财险", "建信财险", "都邦财险",
                  "国寿财险", "太平科技", "国任财险", "中航安盟", "国泰产险", "富邦财险",
                  "华海财险", "安信农险", "信达财险"):
        assert short in shorts, short


def test_every_table1_product_present_with_its_class(products: list[catalogue.Product]) -> None:
    names = {p.name: p for p in products}
    total = 0
    for liability_class, rows in TABLE1.items():
        for name in rows:
            total += 1
            assert name in names, f"表1 产品缺失：{name}"
            p = names[name]
            assert p.liability_class == liability_class, name
            assert not p.liability_class_inferred, name
            assert "表1" in p.sources, name
    assert total == 28
    assert sum("表1" in p.sources for p in products) == 28


def test_table2_and_table3_rows_present(products: list[catalogue.Product]) -> None:
    index = by_name(products)
    for name, subject in TABLE2_ONLY.items():
        assert name in index, f"表2 产品缺失：{name}"
        p = index[name]
        assert p.subject == subject and not p.subject_inferred, name
        assert "表2" in p.sources
    for name, (function_class, parties) in TABLE3.items():
        assert name in index, f"表3 产品缺失：{name}"
        p = index[name]
        assert p.function_class == function_class and not p.function_class_inferred, name
        assert p.target_party == parties and not p.target_party_inferred, name
        assert "表3" in p.sources


def test_duplicates_across_tables_are_merged(products: list[catalogue.Product]) -> None:
    enforcement = [p for p in products if p.name == "专利执行保险"]
    assert len(enforcement) == 1
    p = enforcement[0]
    assert {"表1", "表2"} <= set(p.sources)
    assert p.subject == "专利执行保险" and p.liability_class == "补偿类"
    # Issuers of both tables, 中国平安财产保险股份有限公司 folded into pingan.
    assert set(p.insurers) == {"picc", "pingan", "cpic", "dubang", "chinalife_pc", "sunshine"}
    valuation = by_name(products)["知识产权资产评估职业责任保险"]
    assert valuation.subject == "知识产权综合保险"
    assert valuation.other_subjects == ("专利运营保险",)


def test_classifications_and_references_valid(
    products: list[catalogue.Product], insurers: list[catalogue.Insurer]
) -> None:
    codes = {x.code for x in insurers}
    assert len({p.code for p in products}) == len(products)
    for p in products:
        assert p.insurers and set(p.insurers) <= codes, p.code
        assert p.liability_class in catalogue.LIABILITY_CLASSES
        assert p.subject in catalogue.SUBJECTS
        assert p.function_class in catalogue.FUNCTION_CLASSES
        assert set(p.target_party) <= set(catalogue.TARGET_PARTIES) and p.target_party
        assert set(p.ip_types) <= set(catalogue.IP_TYPES) and p.ip_types
        assert p.insurance_type in catalogue.INSURANCE_TYPES
        assert p.description and "同上" not in p.description and "同表" not in p.description
        # Inferred flags agree with the sources.
        assert p.liability_class_inferred == ("表1" not in p.sources), p.code
        assert p.subject_inferred == ("表2" not in p.sources), p.code
        assert p.function_class_inferred == ("表3" not in p.sources), p.code
        assert p.target_party_inferred == ("表3" not in p.sources), p.code
        if "专利" in p.name and "知识产权" not in p.name and "代理" not in p.name:
            assert set(p.ip_types) & set(catalogue.PATENT_TYPES), p.code


def test_products_named_in_cases(products: list[catalogue.Product]) -> None:
    index = by_name(products)
    assert index["北京专利卫士组合保险"].code == "beijing_patent_guard"
    legal = index["知识产权法律费用保险"]
    assert legal.sources == ("案例6",) and legal.insurers == ("cpic",)


def test_nine_cases_complete(cases: list[catalogue.CaseStudySeed]) -> None:
    assert [c.number for c in cases] == list(range(1, 10))
    for c in cases:
        for field in ("region", "parties", "product", "clause_type", "ip_types", "insurers",
                      "title", "background", "innovation", "effect"):
            assert getattr(c, field).strip(), (c.number, field)
        assert c.product_codes and c.insurer_codes, c.number
        assert "**" not in c.background + c.innovation + c.effect
    assert cases[0].title == "北京市知识产权保险试点" and cases[0].year == 2020
    assert "分散企业知识产权维权分散" not in cases[0].background
    assert cases[1].region == "山东省青岛市"
    assert "、北京市经济和信息化局" in cases[7].parties
    assert cases[8].effect.startswith("截至2022年9月")


def test_case_figures(cases: list[catalogue.CaseStudySeed]) -> None:
    f = {c.number: c.figures for c in cases}
    assert f[1]["coverage_total_fen"] == 5_029_000_000 * 100
    assert f[2]["insurer_share_bp"] + f[2]["bank_share_bp"] + f[2]["guarantor_share_bp"] == 10000
    assert f[2]["insurer_share_bp"] == 3 * f[2]["bank_share_bp"] == 3 * f[2]["guarantor_share_bp"]
    assert f[3]["sum_insured_fen"] == 2_000_000 * 100
    assert f[3]["advance_payment_fen"] == 100_000 * 100 < f[3]["sum_insured_fen"]
    assert f[4]["subsidy_ratio_bp"] == 5000
    assert f[4]["subsidy_cap_per_item_fen"] == 300_000 * 100 == f[4]["sum_insured_fen"]
    assert f[4]["claim_paid_fen"] == 64_000 * 100 and f[4]["judgement_fen"] == 120_000 * 100
    assert f[8]["subsidy_ratio_max_bp"] == 8000
    assert f[8]["subsidy_cap_per_enterprise_fen"] == 800_000 * 100
    assert f[8]["enterprises_count"] == 7 >= f[8]["min_enterprises_per_year"]
    assert f[8]["subsidy_total_fen"] == 4_000_000 * 100
    assert f[8]["subsidy_total_fen"] <= f[8]["enterprises_count"] * f[8]["subsidy_cap_per_enterprise_fen"]
    # 4200 万 = 7 家 × 每家 600 万年度保障。
    assert f[8]["coverage_total_fen"] == f[8]["enterprises_count"] * f[8]["limit_per_enterprise_year_fen"]
    assert f[9]["subsidy_ratio_bp"] == 6000
    for figures in f.values():
        for key, value in figures.items():
            assert isinstance(value, int) and value >= 0
            if key.endswith("_bp"):
                assert value <= 10000


# ───────────────────────────── broken data ─────────────────────────────


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    for name in ("insurers.toml", "products.toml", "cases.toml"):
        shutil.copy(resource_path("catalogue", name), tmp_path / name)
    return tmp_path


def test_broken_toml_names_the_file(copy: Path) -> None:
    bad = copy / "products.toml"
    bad.write_text(bad.read_text(encoding="utf-8") + "\n[[product]\nname = \n", encoding="utf-8")
    with pytest.raises(DataProblem) as info:
        catalogue.load_products(bad, insurers_path=copy / "insurers.toml")
    assert str(bad) in info.value.message and "格式错误" in info.value.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataProblem, match="找不到"):
        catalogue.load_insurers(tmp_path / "nope.toml")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unknown_insurer_code(copy: Path) -> None:
    _edit(copy / "products.toml", 'insurers = ["cpic"]', 'insurers = ["nobody"]')
    with pytest.raises(DataProblem) as info:
        catalogue.load_products(copy / "products.toml", insurers_path=copy / "insurers.toml")
    msg = info.value.message
    assert "products.toml" in msg and "nobody" in msg and "ip_enforcement" in msg


def test_classification_outside_allowed_set(copy: Path) -> None:
    _edit(copy / "products.toml", 'liability_class = "融资类"', 'liability_class = "保证类"')
    with pytest.raises(DataProblem, match="保证类"):
        catalogue.load_products(copy / "products.toml", insurers_path=copy / "insurers.toml")


def test_duplicate_codes(copy: Path) -> None:
    _edit(copy / "insurers.toml", 'code = "tianan"', 'code = "picc"')
    with pytest.raises(DataProblem, match="重复"):
        catalogue.load_insurers(copy / "insurers.toml")


def test_unknown_field_and_bad_figure(copy: Path) -> None:
    _edit(copy / "products.toml", 'insurance_type = "enforcement"', 'insurance_typ = "enforcement"')
    with pytest.raises(DataProblem, match="未知字段"):
        catalogue.load_products(copy / "products.toml", insurers_path=copy / "insurers.toml")
    shutil.copy(resource_path("catalogue", "products.toml"), copy / "products.toml")
    _edit(copy / "cases.toml", "subsidy_ratio_bp = 6000", "subsidy_ratio_bp = 16000")
    with pytest.raises(DataProblem) as info:
        catalogue.load_cases(
            copy / "cases.toml",
            products_path=copy / "products.toml",
            insurers_path=copy / "insurers.toml",
        )
    assert "cases.toml" in info.value.message and "number = 9" in info.value.message


def test_case_references_unknown_product(copy: Path) -> None:
    _edit(copy / "cases.toml", 'product_codes = ["ip_legal_expenses"]', 'product_codes = ["ghost"]')
    with pytest.raises(DataProblem, match="ghost"):
        catalogue.load_cases(
            copy / "cases.toml",
            products_path=copy / "products.toml",
            insurers_path=copy / "insurers.toml",
        )

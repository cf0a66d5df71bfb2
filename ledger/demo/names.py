"""Chinese names for demo data: enterprises, people, addresses, banks and IP titles.

Enterprise names follow the registration pattern 行政区划 + 字号 + 行业 + 组织形式
(e.g. 无锡燊华科技有限公司); the 字号 is two characters from a pool that includes rarer
characters (燊 堃 喆 犇 淼 鑫 焱 垚) so search, sorting and fonts get exercised.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

BRAND_CHARS = (
    "华创科睿恒嘉瑞博宏泰盛新达诚锦晟昊奥弘峰航宇星润源鼎致远德信立联祥和康伟力安海天凯辰优智汇晶"
    "芯微蓝昕煜炜旭翔骏腾飞扬卓越精益明阳光亿隆丰茂通捷迅铭泽澜灏琪璟玮珩瑾"
    "燊堃喆犇淼鑫焱垚赟昇珺琨犀洺"
)


@dataclass(frozen=True)
class Industry:
    word: str  # in the name: 科技 / 新材料 …
    label: str  # GB/T 4754 section + class shown in the ledger
    objects: tuple[str, ...]  # things the patents are about
    ip_weights: tuple[tuple[str, float], ...]  # IP types this industry holds (beyond the default)
    nice: tuple[int, ...]  # Nice classes of its trademarks


INDUSTRIES: tuple[tuple[Industry, float], ...] = (
    (Industry("科技", "I65 软件和信息技术服务业", ("数据处理", "图像识别", "物联网终端", "边缘计算网关"),
              (("软件著作权", 3.0), ("著作权", 0.5)), (9, 42)), 14),
    (Industry("智能科技", "C40 仪器仪表制造业", ("智能传感器", "巡检机器人", "视觉检测设备", "流量计"),
              (("软件著作权", 1.5),), (9, 7, 42)), 10),
    (Industry("新材料", "C26 化学原料和化学制品制造业", ("高分子复合材料", "石墨烯导热膜", "阻燃母粒", "涂层"),
              (("商业秘密", 0.6),), (1, 17)), 9),
    (Industry("生物医药", "C27 医药制造业", ("缓释制剂", "抗体", "检测试剂盒", "中药提取物"),
              (("商业秘密", 0.5),), (5, 10)), 7),
    (Industry("半导体", "C39 计算机、通信和其他电子设备制造业", ("功率器件", "封装结构", "晶圆清洗装置", "驱动芯片"),
              (("集成电路布图设计", 3.0),), (9,)), 6),
    (Industry("微电子", "C39 计算机、通信和其他电子设备制造业", ("传感芯片", "MEMS麦克风", "射频模组", "电源管理电路"),
              (("集成电路布图设计", 2.5),), (9,)), 4),
    (Industry("精密机械", "C34 通用设备制造业", ("数控机床主轴", "减速器", "液压阀块", "精密轴承"), (), (7,)), 12),
    (Industry("机械制造", "C35 专用设备制造业", ("纺织机械", "包装设备", "起重装置", "输送线"), (), (7, 12)), 8),
    (Industry("汽车零部件", "C36 汽车制造业", ("制动卡钳", "线束连接器", "电池托盘", "车灯模组"), (), (12,)), 7),
    (Industry("环保科技", "N77 生态保护和环境治理业", ("污水处理装置", "除尘器", "脱硫剂", "膜组件"), (), (11, 40)), 5),
    (Industry("新能源", "C38 电气机械和器材制造业", ("光伏组件", "储能变流器", "锂电池隔膜", "充电桩"), (), (9,)), 7),
    (Industry("纺织", "C17 纺织业", ("功能性面料", "纺纱工艺", "印染助剂", "无纺布"), (("外观设计", 1.0),), (24, 25)), 4),
    (Industry("食品", "C14 食品制造业", ("速冻食品", "调味酱", "糕点", "植物蛋白饮料"),
              (("商标", 3.0), ("地理标志", 0.4)), (29, 30, 32)), 4),
    (Industry("农业科技", "A01 农业", ("水蜜桃种植", "茶叶加工", "大米", "设施栽培"),
              (("地理标志", 2.0), ("商标", 2.0), ("植物新品种", 0.8)), (31, 30)), 3),
    (Industry("种业", "A05 农、林、牧、渔专业及辅助性活动", ("杂交水稻", "玉米", "番茄", "辣椒"),
              (("植物新品种", 6.0), ("商标", 1.0)), (31,)), 2),
    (Industry("文化传媒", "R86 广播、电视、电影和录音制作业", ("动画形象", "数字出版", "游戏美术", "短视频"),
              (("著作权", 5.0), ("商标", 2.0), ("软件著作权", 1.0)), (9, 41)), 3),
    (Industry("家居用品", "C21 家具制造业", ("智能床垫", "收纳柜", "茶具", "紫砂壶"), (("外观设计", 3.0), ("商标", 1.5)), (20, 21)), 3),
)

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗钱顾蒋华秦沈邹尤许范过惠浦荣薛蔡丁"
            "曹袁邓冯程陆施严殷邵储缪")
GIVEN_CHARS = ("伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰建国志红婷浩宇欣怡子涵梓轩"
               "晨雨嘉豪思远一鸣晓东春燕海波文博佳琪俊熙雪梅国强立新卫东亚楠静怡喆堃淼")

WUXI_ROADS = ("长江路", "太湖大道", "锡沪路", "人民中路", "金城路", "梁溪路", "蠡湖大道", "高浪路",
              "震泽路", "菱湖大道", "和风路", "清源路", "运河东路", "锡山大道", "惠山大道", "澄江中路",
              "宜城街道解放东路", "新华路", "鸿山路", "望虞河路")
GENERIC_ROADS = ("人民路", "建设路", "解放路", "中山路", "科技路", "创业路", "高新大道", "工业大道",
                 "滨江路", "新华路", "长江路", "黄河路", "学府路", "金融街", "产业园路", "创新大道")
BANKS = (("中国工商银行", 20), ("中国农业银行", 14), ("中国银行", 14), ("中国建设银行", 16),
         ("交通银行", 8), ("招商银行", 8), ("江苏银行", 7), ("兴业银行", 5), ("中信银行", 4),
         ("浦发银行", 4), ("农村商业银行", 6))

_INVENTION_TEMPLATES = (
    "一种{o}的制备方法", "一种{o}及其制备方法", "一种基于机器视觉的{o}检测方法", "一种{o}的控制方法及系统",
    "一种高效{o}生产工艺", "一种{o}及其应用",
)
_UTILITY_TEMPLATES = ("一种{o}用固定装置", "一种{o}的散热结构", "一种便于安装的{o}", "一种{o}用清洁装置",
                      "一种{o}调节机构")
_DESIGN_TEMPLATES = ("{o}（{v}）", "{o}外壳", "包装盒（{o}）")
_DESIGN_VARIANTS = ("A款", "B型", "2022款", "标准版", "升级版")


def pick_weighted(rng: random.Random, pairs):  # type: ignore[no-untyped-def]
    items = [p[0] for p in pairs]
    weights = [p[1] for p in pairs]
    return rng.choices(items, weights=weights, k=1)[0]


def brand(rng: random.Random) -> str:
    a = rng.choice(BRAND_CHARS)
    b = rng.choice(BRAND_CHARS)
    while b == a:
        b = rng.choice(BRAND_CHARS)
    return a + b


def enterprise_name(rng: random.Random, city: str, industry: Industry, seen: set[str]) -> tuple[str, str]:
    """(name, brand), unique within ``seen``: 无锡燊华科技有限公司, 燊华（无锡）新材料有限公司 …"""
    for _ in range(500):
        b = brand(rng)
        suffix = "股份有限公司" if rng.random() < 0.12 else "有限公司"
        if rng.random() < 0.06:
            name = f"{b}（{city}）{industry.word}{suffix}"
        else:
            name = f"{city}{b}{industry.word}{suffix}"
        if name not in seen:
            seen.add(name)
            return name, b
    raise RuntimeError("enterprise names exhausted")  # pragma: no cover


def counterparty_name(rng: random.Random, city: str) -> str:
    words = ("电子科技", "贸易", "实业", "商贸", "网络科技", "机电", "食品", "日用品")
    return f"{city}{brand(rng)}{rng.choice(words)}有限公司"


def person_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN_CHARS) + (rng.choice(GIVEN_CHARS) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def address(rng: random.Random, district_full: str, wuxi: bool) -> str:
    road = rng.choice(WUXI_ROADS if wuxi else GENERIC_ROADS)
    return f"{district_full}{road}{rng.randrange(1, 999)}号"


def bank(rng: random.Random, city: str, district: str) -> tuple[str, str]:
    """(bank short name for the account shape, branch name on the payment list)."""
    name = pick_weighted(rng, BANKS)
    if name == "农村商业银行":
        return name, f"{city}农村商业银行股份有限公司"
    if rng.random() < 0.5:
        return name, f"{name}{city}分行"
    return name, f"{name}{city}{district.removesuffix('区').removesuffix('市')}支行"


def ip_title(rng: random.Random, ip_type: str, industry: Industry, brand_word: str) -> str:
    o = rng.choice(industry.objects)
    if ip_type == "发明专利":
        return rng.choice(_INVENTION_TEMPLATES).format(o=o)
    if ip_type == "实用新型":
        return rng.choice(_UTILITY_TEMPLATES).format(o=o)
    if ip_type == "外观设计":
        return rng.choice(_DESIGN_TEMPLATES).format(o=o, v=rng.choice(_DESIGN_VARIANTS))
    if ip_type == "商标":
        return rng.choice((brand_word, f"{brand_word}及图", f"{brand_word}{o[:2]}"))
    if ip_type == "软件著作权":
        return f"{brand_word}{o}管理系统V{rng.randrange(1, 5)}.0"
    if ip_type == "著作权":
        return rng.choice((f"{brand_word}吉祥物形象", f"{o}系列插画", f"{brand_word}品牌标识设计"))
    if ip_type == "地理标志":
        return rng.choice(("阳山水蜜桃", "宜兴紫砂", "宜兴红茶", "杨巷大米", "太湖银鱼", "马山杨梅"))
    if ip_type == "植物新品种":
        return f"{brand_word}{rng.choice(('优', '香', '丰', '早'))}{rng.randrange(1, 999)}"
    if ip_type == "集成电路布图设计":
        return f"{brand_word[0]}X{rng.randrange(1000, 9999)} {o}布图设计"
    return f"{o}配方及工艺参数"

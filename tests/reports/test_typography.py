import random

import pytest

from reports.fonts import HEI, HEI_BOLD, SONG, missing_glyphs, register_fonts
from reports.typography import CJKParagraph, check_lines, para_lines, styles

HAN = "知识产权保险试点工作企业专利商标服务累计为家的件提供了风险保障地区"
NUMS = ["1,234,567.89 元", "50.29 亿元", "62.5%", "4521 件", "2026年11月25日", "ABC-123"]


def _random_text(rnd: random.Random) -> str:
    out = []
    for _ in range(rnd.randint(3, 12)):
        word = "".join(rnd.choice(HAN) for _ in range(rnd.randint(1, 8)))
        r = rnd.random()
        if r < 0.15:
            word = f"“{word}”"
        elif r < 0.25:
            word = f"（{word}）"
        elif r < 0.32:
            word = f"《{word}》"
        elif r < 0.45:
            word += rnd.choice(NUMS)
        out.append(word + rnd.choice(["，", "。", "、", "；", "：", "！", "？", "……", "——", "", ""]))
    return "".join(out)


def test_register_is_idempotent_and_covers_rare_names():
    register_fonts()
    register_fonts()
    assert missing_glyphs("燊堃喆犇淼鑫焱垚昇赟珺祎玥奕骞頔") == []
    for face in (SONG, HEI, HEI_BOLD):
        assert missing_glyphs("𠮷", face) == ["𠮷"]  # documented gap (Ext-B)


@pytest.mark.parametrize("seed", range(4))
def test_kinsoku_on_random_paragraphs(seed):
    st = styles()
    rnd = random.Random(seed)
    for _ in range(60):
        text = _random_text(rnd)
        for width in range(90, 460, 29):
            p = CJKParagraph(text, st["body"])
            p.wrap(width, 10_000)
            lines = para_lines(p)
            assert "".join(lines).replace(" ", "") == text.replace(" ", "")
            assert check_lines(lines) == [], (width, lines)
            for num in ("1,234,567.89", "50.29", "62.5%"):
                if num in text:
                    assert any(num in line for line in lines)


def test_check_lines_flags_problems():
    assert check_lines(["知识产权", "，保险"])
    assert check_lines(["知识产权《", "保险"])
    assert check_lines(["金额 1,234,5", "67.89 元"])
    assert check_lines(["知识产权，", "保险。"]) == []

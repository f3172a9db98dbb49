"""Chinese corrections of a fact on screen, said as the change they ask for (pure).

"地址写错了，是解放路99号", "改成7折", "名额只剩5个了", "改到周日", "晚上11点关门", "第二杯改成8折", "3月1日改3月2日":
read as the rules read "地址改成解放路99号" (`corrections` reads the English ones and calls these).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reelforge.planner.numerals import parse_number
from reelforge.planner.rules.fact_values import (
    SAID_ZH,
    kind_of_value,
    kind_of_word,
    on_screen,
    run_extended,
)
from reelforge.planner.text_kinds import CLOCK_RANGE, KIND_WORD_ZH, any_number, holds

_HEAD_ZH = re.compile(r"^(?:哦|噢|啊|哎呀|哎|不好意思|抱歉|对不起|更正一下|更正|纠正一下|改一下|另外)[，,！!。\s]*")
TAIL_ZH = re.compile(r"(?:吧|哈|啦|呀)?[。！!]*$")
_ZH_HOURS = re.compile(r"^(?:营业时间|时间|营业)(?:改成|改为|换成|调整为|是|为)(?P<v>\d{1,2}[:：]\d\d\s*(?:-|–|~|～|至|到)\s*\d{1,2}[:：]\d\d)$")
_ZH_CLOSES = re.compile(r"^(?P<p>上午|下午|晚上|中午|早上|凌晨)?(?P<h>\d{1,2}|[一二两三四五六七八九十]{1,3})(?:点|[:：](?P<m>\d\d))(?P<half>半)?"
                        r"(?:(?P<open>开门|开始营业|营业)|关门|打烊|结束营业|关店|下班|结束)了?$")
# "前50名" on "前100名会员年卡只要999元": a count in the words that count it
_ZH_COUNT = re.compile(r"^(?P<pre>[\u4e00-\u9fff]{0,2}?)(?P<n>\d{1,5})(?P<unit>[\u4e00-\u9fff]{1,2})$")
_ZH_OFFER_WORDS = r"[\d一二三四五六七八九](?:\.\d)?折|半价|免费|买一送一"
_ZH_OFFER = re.compile(rf"^把?(?P<s>[\u4e00-\u9fff\w]{{1,8}}?)(?:改成|改为|换成|变成)(?P<v>{_ZH_OFFER_WORDS})$")
_ZH_WRONG = re.compile(rf"^{KIND_WORD_ZH}(?:写错了|弄错了|搞错了|错了|不对|有误)[，,。\s]*(?:应该|正确的|其实|实际)?"
                       r"(?:是|为|改成)?(?P<v>.+)$")
_ZH_IS = re.compile(rf"^{KIND_WORD_ZH}(?:现在|已经|其实|应该)?(?:是|为|变成|变为|只剩下?|还剩下?|剩下?|只有)(?P<v>.+?)了?$")
_EXTEND_ZH = re.compile(r"^(?:[\u4e00-\u9fff]{0,4}?)(?:延长到|延期到|延到|截止到|截至|持续到|到)(?P<v>.+?)(?:为止|截止|结束)?了?$")
_ZH_SWAPPED = re.compile(rf"^{KIND_WORD_ZH}(?:号码)?(?:换一下|改一下|更新一下|更新为|更正为|换成|改成|改为)\s*[:：]?\s*(?P<v>\S.*)$")
_ZH_LABEL = re.compile(rf"^{KIND_WORD_ZH}\s*[:：]\s*(?P<v>\S.*)$")
_ZH_FROM = re.compile(r"^(?:从(?P<y>.+?)(?:改成|改为|换成|改到|变成|到)|(?P<y2>[^改]+?)改(?!成|为|到))(?P<x>.+)$")
_ZH_IS_NOT = re.compile(rf"^(?:{KIND_WORD_ZH})?(?:应该)?是?(?P<x>[^，,]+?)[，,\s]*(?:而)?不是(?P<y>.+?)[。！!]?$")
_ZH_NOT_BUT = re.compile(r"^(?:[\u4e00-\u9fff]{1,6}?)?不是(?P<y>[^，,。]{1,24}?)[，,\s]*(?:而)?是(?P<x>[^，,。]{1,24}?)[。！!]?$")
_ZH_NOT = re.compile(r"^(?:应该|其实|实际上)?是(?P<x>.+?)[，,\s]*(?:而)?不是(?P<y>.+)$|^不是(?P<y2>.+?)[，,\s]*(?:而)?是(?P<x2>.+)$")
_ZH_VALUE = re.compile(r"^(?:[\u4e00-\u9fff]{1,6}?(?:改成|改为|换成|改到|挪到|换到|调到|调整为|涨到|涨价到|降到|降价到|变成|延长到|延到|延期到)|"
                       r"改成|改为|换成|应该是|其实是|是|改打|打|改到|挪到|换到|推迟到|提前到|搬到|搬去|迁到|延长到|延到|延期到)(?P<v>.+?)了?$")
_ZH_LEFT = re.compile(r"^(?:现在)?(?:只剩下?|仅剩下?|还剩下?|剩下?)(?P<v>\d{1,4})\s*(?:个|名|位)?(?:名额|位置|席位|人)?了?$")  # "只剩10个名额了"
_ZH_EACH = re.compile(r"^(?:每位|每人|一位|单价|现价|价格|售价)\s*[:：]?\s*(?P<v>\d+(?:\.\d+)?)\s*(?:元|块)?$")  # "每位198", "价格198"


# "开业改4月10号了", "开班时间推迟到7月7号": what happens, moved to a new date
_ZH_MOVED = re.compile(r"^[\u4e00-\u9fff]{1,4}?(?:时间|日期)?(?:改到|改成|改为|改了[，,\s]*|改(?![成为到])|变成|推迟到|推到|延期到|"
                       r"延到|提前到|挪到)(?P<v>(?!一下)[^改]+?)了?$")


def _date_moved_zh(new: str, texts: Sequence[str]) -> str:
    """The change to a new date: of the one date on screen wherever it is shown ("甜心烘焙 4月1号开业" and
    "4月1号 · 人民路88号" both), else of the date as a kind of fact."""
    days = {m.group(0) for x in texts for m in re.finditer(r"(?<!\d)\d{1,2}\s*月\s*\d{1,2}\s*[日号]", x)}
    return f"把{days.pop()}改成{new}" if len(days) == 1 else f"{SAID_ZH['when']}改成{new}"


def _closing_zh(m: re.Match[str], texts: Sequence[str]) -> str | None:
    """A Chinese closing (or opening) time as the end (or start) of the one run of hours shown on a
    24-hour clock ("晚上11点关门" on "营业时间10:00-22:00": 10:00-23:00; "早上7点开门": 7:00-22:00)."""
    runs = [r for x in texts for r in CLOCK_RANGE.finditer(x)]
    hour = parse_number(m.group("h"))
    if len(runs) != 1 or hour is None:
        return None
    hour = int(hour) + (12 if m.group("p") in ("下午", "晚上") and hour < 12 else 0)
    minute = "30" if m.group("half") else m.group("m") or "00"
    run = runs[0].group(0)
    start, sep, end = re.split(r"(\s*(?:-|–|~|～|至|到)\s*)", run)
    return f"把{run}改成{hour}:{minute}{sep}{end}" if m.group("open") else f"把{run}改成{start}{sep}{hour}:{minute}"


def _offer_zh(subject: str, new: str, texts: Sequence[str]) -> str | None:
    """"第二杯改成8折" on "第二杯半价": the offer's words right after ``subject`` in the one text saying
    them, said anew ("把第二杯半价改成第二杯8折"); else None."""
    said = [m for x in texts if (m := re.search(rf"{re.escape(subject)}(?P<o>{_ZH_OFFER_WORDS})", x))]
    if len(said) != 1 or said[0].group("o") == new:
        return None
    return f"把{said[0].group(0)}改成{subject}{new}"


def _not_that_zh(x: str, y: str, shown: str) -> str | None:
    """"是X，不是Y" with Y on screen: "把Y改成X", X cut to Y's shape ("解放路99号" for "88号": "99号")."""
    if y and y not in shown and "块" in y and y.replace("块", "元") in shown:
        y, x = y.replace("块", "元"), x.replace("块", "元")  # "开荒是7块一平 不是6块" on "6元/平米": the same money
    if re.fullmatch(r"\d+(?:\.\d+)?", y or "") and len(units := _ZH_COUNTED.findall(x)) == 1 \
            and y + units[0][1] in shown:
        # "每班不超过10人 不是12" beside "4月12号": the count of people, not the date's 12
        y, x = y + units[0][1], units[0][0] + units[0][1]
    if not y or y not in shown or x == y:
        return None
    if re.search(r"\d", y) and (same := re.search(re.sub(r"\d+", lambda _: r"\d+", re.escape(y)), x)):
        x = same.group(0)
    return f"把{y}改成{x}"


# "五一涨价了 468起", "降价了 298": why a price changes, then the new price
_ZH_RISE_THEN = re.compile(r"^[\u4e00-\u9fff]{0,6}?(?:涨价|降价|调价|涨|降|便宜|贵)了[，,\s]*(?:现在|改成|变成)?\s*"
                           r"(?P<v>[¥￥]?\d{1,6}(?:\.\d{1,2})?)\s*(?:元|块)?\s*(?:/[\u4e00-\u9fff]{1,2})?\s*起?$")
# a price as shown: a number with its money word or sign, or "/晚", "起" after it (not a date, a phone or a count)
_ZH_PRICE_SHOWN = re.compile(r"(?<![\d.])[¥￥]?(?P<n>\d{1,6}(?:\.\d{1,2})?)(?=\s*(?:元|块|/[\u4e00-\u9fff]|起))|[¥￥](?P<n2>\d{1,6}(?:\.\d{1,2})?)")


def _one_price_anew(new: str, texts: Sequence[str]) -> str | None:
    """The one price on screen said anew ("468" for "398/晚起": "把398改成468"); None unless exactly one is shown."""
    olds = {m.group("n") or m.group("n2") for x in texts for m in _ZH_PRICE_SHOWN.finditer(x)}
    new = new.lstrip("¥￥")
    if len(olds) != 1 or (old := olds.pop()) == new:
        return None
    return f"把{old}改成{new}"


# "送2节试听课 改成 送3节" on "现在报名送免费试听课2节": the old words as remembered, not as shown
_ZH_CHANGE = re.compile(r"^把?(?P<y>[^，,。]+?)\s*(?:改成|改为|换成|变成)\s*(?P<x>[^，,。]+)$")
_ZH_COUNTED = re.compile(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s*(?P<u>[\u4e00-\u9fff])")


def _count_changed(y: str, x: str, texts: Sequence[str]) -> str | None:
    """"Y改成X" where Y is not on screen as said but counts one thing (a number and its measure word, "2节")
    that X counts anew ("3节") and one text shows: that count changed ("把2节改成3节"); else None."""
    if any(y in text for text in texts):
        return None  # (said as shown: the rules change it as said)
    old, new = _ZH_COUNTED.findall(y), _ZH_COUNTED.findall(x)
    if len(old) != 1 or len(new) != 1 or old[0][1] != new[0][1] or old[0][0] == new[0][0]:
        return None
    shown = f"{old[0][0]}{old[0][1]}"
    if sum(len(re.findall(rf"(?<![\d.]){re.escape(old[0][0])}\s*{old[0][1]}", text)) for text in texts) != 1:
        return None
    return f"把{shown}改成{new[0][0]}{new[0][1]}"


def _count_zh(m: re.Match[str], texts: Sequence[str]) -> str | None:
    """The one count on screen said with the same words around its number, said anew."""
    pattern = rf"{re.escape(m.group('pre'))}\d{{1,5}}{re.escape(m.group('unit'))}"
    olds = {o.group(0) for x in texts for o in re.finditer(pattern, x)}
    return f"把{olds.pop()}改成{m.group(0)}" if len(olds) == 1 and m.group("pre") else None


# "价格写错了 C2是4080" on "C2自动挡3980": the number after what it names
_ZH_KEY_IS = re.compile(r"^(?:(?:价格|价钱|费用|数字)?(?:写错了|不对|错了|有误)[，,\s]*)?(?P<k>[A-Za-z0-9\u4e00-\u9fff]{1,8}?)(?:的价格|的价钱|价格)?"
                        r"(?:是|改成|改为|应该是|涨到|涨价到|降到|降价到|调到|调整为|变成)\s*(?P<v>[¥￥]?\d[\d.]*)\s*(?:元|块)?了?$")


# "998是错的 应该是1098", "680不对，是698": the number on screen said wrong, then the right one
_ZH_OLD_WRONG = re.compile(r"^(?P<y>[¥￥]?\d[\d.]*)\s*(?:元|块)?\s*(?:是错的|错了|不对|写错了|有误)[，,。\s]*(?:应该是|是|改成|改为|换成)\s*"
                           r"(?P<x>[¥￥]?\d[\d.]*)\s*(?:元|块)?$")


def _number_after(key: str, value: str, texts: Sequence[str]) -> str | None:
    """The change of the one number that follows ``key`` in a text part, else None."""
    hits = [(p, m) for x in texts for p in x.split(" · ")
            if (m := re.search(rf"{re.escape(key)}[^\d·]{{0,8}}?(?P<n>[¥￥]?\d[\d.]*)", p))]
    if not hits and 2 <= len(key) <= 8 and re.fullmatch(r"[\u4e00-\u9fff]+", key):
        hits = _nearest_piece_hit(key, texts)  # "狗绝育是999" on "绝育套餐猫599狗899起": the number right after "狗"
    if len(hits) != 1 or not key.strip() or key.isdigit():
        return None
    part, m = hits[0]
    start, end = m.span("n")
    if re.search(r"原价\s*[¥￥]?$", part[:start]) and (now := _NOW_PRICE.search(part, end)):
        start, end = now.span("n")  # "双人套餐原价168现在只要128": the price now, not the old one (it changed 168)
    return f"把{part}改成{part[:start]}{value}{part[end:]}"


_NOW_PRICE = re.compile(r"(?:现在|现价|只要|仅需|仅要|活动价|到手价?|特价|团购价)\s*[:：]?\s*(?P<n>[¥￥]?\d[\d.]*)")


def _nearest_piece_hit(key: str, texts: Sequence[str]) -> list[tuple[str, re.Match[str]]]:
    """The one number a part of ``key`` stands closest before (a part of one or more characters, not a
    particle), when one is closer than any other; else []."""
    found: list[tuple[int, str, re.Match[str]]] = []
    pieces = {key[i:j] for i in range(len(key)) for j in range(i + 1, len(key) + 1) if (i, j) != (0, len(key))}
    for piece in pieces - set("的了是在和与及也都就"):
        for x in texts:
            for p in x.split(" · "):
                for m in re.finditer(rf"{re.escape(piece)}(?P<gap>[^\d·]{{0,8}}?)(?P<n>[¥￥]?\d[\d.]*)", p):
                    found.append((len(m.group("gap")), p, m))
    if not found:
        return []
    best = min(g for g, _, _ in found)
    at = {(p, m.start("n")) for g, p, m in found if g == best}
    return [next((p, m) for g, p, m in found if g == best)] if len(at) == 1 else []


def _said_anew_zh(t: str, texts: Sequence[str]) -> str | None:
    """"新客是首单7折" on "新客首次7折": the words after "新客" said anew, as long as they were and ending alike
    ("首次7折" -> "首单7折"); else None."""
    m = re.fullmatch(r"(?P<a>[\u4e00-\u9fff]{2,6})是(?P<b>[\u4e00-\u9fff\d.]{2,12})", t)
    if m is None:
        return None
    a, b = m.group("a"), m.group("b")
    parts = [p for x in texts for p in x.split(" · ") if p.startswith(a)]
    if len(parts) != 1:
        return None
    rest = parts[0][len(a):]
    if len(rest) != len(b) or rest == b or not (rest[-2:] == b[-2:] or rest[:1] == b[:1]):
        return None
    return f"把{parts[0]}改成{a}{b}"


def _number_anew_zh(t: str, texts: Sequence[str]) -> str | None:
    """"每班不超过10人" on "小班教学每班不超过12人": the one phrase on screen that says the same but for its number."""
    if not (4 <= len(t) <= 20) or not re.search(r"\d", t) or not re.search(r"[\u4e00-\u9fff]{2}", t):
        return None
    shape = any_number(t)
    hits = {h.group(0) for x in texts for h in re.finditer(shape, x)} - {t}
    return f"把{hits.pop()}改成{t}" if len(hits) == 1 else None


def as_change_zh(piece: str, texts: Sequence[str]) -> str | None:
    """A Chinese correction of a fact on screen said as the change it asks for (`corrections.as_change`), or None."""
    t = TAIL_ZH.sub("", _HEAD_ZH.sub("", piece.strip()))
    # "开课日期改一下 改成7月8号", "日期改一下 7月8号": one change ("一下 改成7月8号" was written over the date)
    t = re.sub(r"(?:改|换|调|更新)一下(?:[\s，,]*(?:改成|改为|换成|改到|调到|调整为)|[\s，,]+)\s*(?=[^\s：:])", "改成", t)
    if (m := _ZH_OLD_WRONG.match(t)) and sum(len(re.findall(rf"(?<![\d.]){re.escape(m.group('y'))}(?![\d.])", x)) for x in texts) == 1:
        return f"把{m.group('y')}改成{m.group('x')}"  # "998是错的 应该是1098"
    if said := _said_anew_zh(t, texts) or _number_anew_zh(t, texts):
        return said
    if (m := _ZH_KEY_IS.match(re.sub(r"\s+", " ", t))) and not kind_of_word(m.group("k")) \
            and (said := _number_after(m.group("k"), m.group("v"), texts)):
        return said
    if (m := _ZH_LABEL.match(t)) and on_screen(kind_of_word(m.group("z")) or "", texts):
        return f"{m.group('z')}改成{m.group('v')}"  # "电话：13900139000"
    if (m := _ZH_MOVED.match(t)) and kind_of_value(v := m.group("v").strip(), texts) == "when":
        return _date_moved_zh(v, texts)  # "开业改4月10号了": the date (it changed "开业" into the date)
    if (m := _ZH_FROM.match(t)) and (y := m.group("y") or m.group("y2")) and any(y in x for x in texts):
        return f"把{y}改成{m.group('x')}"  # "从7折改成6折", "3月1日改3月2日"
    for rx in (_ZH_WRONG, _ZH_IS):
        if (m := rx.match(t)) and on_screen(kind_of_word(m.group("z")) or "", texts):
            return f"{m.group('z')}改成{m.group('v')}"
    if m := _ZH_NOT.match(t):
        x, y = (m.group("x") or m.group("x2")).strip(), (m.group("y") or m.group("y2")).strip()
        if y and any(y in text for text in texts):
            return f"把{y}改成{x}"
    if (m := _ZH_NOT_BUT.match(t)) and (said := _not_that_zh(m.group("x"), m.group("y"), "\n".join(texts))):
        return said  # "学生不是8折 是7折" on "毕业季学生凭学生证8折" (it wrote the instruction over it)
    if (m := _ZH_RISE_THEN.match(t)) and (said := _one_price_anew(m.group("v"), texts)):
        return said  # "五一涨价了 468起" on "398/晚起" (it wrote "五一涨价了 468起" over it)
    if (m := _ZH_IS_NOT.match(t)) and (said := _not_that_zh(m.group("x"), m.group("y"), "\n".join(texts))):
        return said  # "跟拍是15张不是20张 我写错了" on "都含跟拍20张精修": what it names first, then 是
    if (m := _ZH_CHANGE.match(t)) and (said := _count_changed(m.group("y"), m.group("x"), texts)):
        return said
    if (m := _EXTEND_ZH.match(t)) and (said := run_extended(m.group("v"), texts, zh=True, said=t)):
        return said
    if (m := _ZH_LEFT.match(t)) and (parts := [p for x in texts for p in x.split(" · ") if holds("spots", p)]) \
            and len(parts) == 1:
        return f"名额改成{m.group('v')}个" if "剩" in parts[0] else f"把{parts[0]}改成仅剩{m.group('v')}个名额"
    if (m := _ZH_EACH.match(t)) and on_screen("price", texts):
        return f"价格改成{m.group('v')}元"
    if (m := _ZH_VALUE.match(t)) and (kind := kind_of_value(v := m.group("v").strip(), texts)) in SAID_ZH:
        return f"{SAID_ZH[kind]}改成{v}"
    if (m := _ZH_COUNT.match(t)) and (said := _count_zh(m, texts)):
        return said
    if (m := re.match(r"^[\u4e00-\u9fff]{1,4}?(?:时间|日期)(?:是|为|定在|在)(?P<v>.+?)了?$", t)) \
            and kind_of_value(v := m.group("v").strip(), texts) == "when":
        return _date_moved_zh(v, texts)  # "开班时间是7月7号 周二": the date (it wrote "开班时间是…" over it)
    if len(t) <= 12 and not re.search(r"[改换调变延推搬到成]", t) and (kind := kind_of_value(t, texts)) in SAID_ZH:
        return f"{SAID_ZH[kind]}改成{t}"  # "3月9日！": the date alone
    return None


_ZH_DATE_TOO = re.compile(r"^(?:把|再)?日期(?:也|再)?(?:加上|加进去|写上|加)(?:去)?\s*[:：]?\s*(?P<d>\d{1,2}月\d{1,2}[日号]?)$")


# "每班人数写错了 是6人": the count of what it names, said wrong, then the right one
_ZH_COUNT_WRONG = re.compile(r"^(?P<k>[\u4e00-\u9fff]{1,6}?)(?:的)?(?:人数|数量|个数|名额|节数|天数)?(?:写错了|弄错了|错了|不对)[，,\s]*"
                             r"(?:应该|其实)?是\s*(?P<n>\d{1,4})\s*(?P<u>[人个位名节次天岁晚])$")
# "猫眼的价格改成89 今天限时": the price of what it names, a word of why after it
_ZH_KEY_PRICE = re.compile(r"^(?P<k>[A-Za-z0-9\u4e00-\u9fff]{1,8}?)的?(?:价格|价钱|售价|团购价|定价)(?:改成|改为|调到|调整为|变成|降到|涨到)"
                           r"\s*(?P<v>[¥￥]?\d[\d.]*)\s*(?:元|块)?(?:[\s，,]+[\u4e00-\u9fff]{1,12})?\s*[。！!]*$")


# "Gold package 改成 $2900": a package or plan named in English, its new price said in Chinese
_NAMED_PLAN_PRICE = re.compile(r"^(?P<k>[A-Za-z][\w'-]*)(?:\s+(?:package|plan|tier|option|套餐))?\s*(?:的价格|价格)?\s*"
                               r"(?:改成|改为|换成|变成|是)\s*[$€£¥￥]?\s?(?P<v>\d[\d,.]*)\s*[,，]?\s*[\u4e00-\u9fff]{0,8}\s*[。！!]*$")


def _plan_price(name: str, new: str, texts: Sequence[str]) -> str | None:
    """The change of the one price shown right after ``name`` ("Gold $2800 (full day + drone)": 2800), said by
    its number so that the words around it stay; None unless that number is shown once."""
    olds = {o.group("n") for x in texts for o in re.finditer(rf"(?i)\b{re.escape(name)}\b[^\d·]{{0,8}}?(?P<n>\d[\d,.]*)", x)}
    if len(olds) != 1:
        return None
    old = olds.pop()
    shown = sum(len(re.findall(rf"(?<![\d.,]){re.escape(old)}(?![\d.,])", x)) for x in texts)
    return f"把{old}改成{new}" if shown == 1 else None


def said_first_zh(t: str, texts: Sequence[str], shown: str) -> str | None:
    """The Chinese corrections no rule should read otherwise (`corrections.said_first`), or None."""
    t = t.strip()
    if (m := _ZH_DATE_TOO.match(t)) is not None:
        # "日期也加上 3月26号" beside "周四晚8点": the date before the day and time shown (not understood)
        undated = [p for x in texts for p in x.split(" · ")
                   if re.search(r"周[一二三四五六日天]|星期[一二三四五六日天]|[早中晚]上?\d{1,2}点|\d{1,2}[:：]\d\d", p)
                   and not re.search(r"\d{1,2}月\d{1,2}|\d{1,2}[日号]", p)]
        if len(undated) == 1:
            return f"把{undated[0]}改成{m.group('d')}{undated[0]}"
    if (m := _ZH_HOURS.match(t)) and len(olds := {o.group(0) for x in texts for o in CLOCK_RANGE.finditer(x)}) == 1:
        return f"把{olds.pop()}改成{m.group('v')}"  # "营业时间改成9:00-21:00": no length of the video
    if (m := _ZH_COUNT_WRONG.match(t)) and len(olds := {o.group(0) for x in texts for o in re.finditer(
            rf"(?<![\d.])\d{{1,4}}\s*{m.group('u')}", x) if m.group("k")[:1] in x[:o.start()]}) == 1:
        return f"把{olds.pop()}改成{m.group('n')}{m.group('u')}"  # "每班人数写错了 是6人" on "每班最多8人" (not understood)
    if (m := _NAMED_PLAN_PRICE.match(t)) and (said := _plan_price(m.group("k"), m.group("v"), texts)):
        return said  # "Gold package 改成 $2900, 我打错了" on "Gold $2800 (full day + drone)" (not understood)
    if (m := _ZH_KEY_PRICE.match(t)) and (said := _number_after(m.group("k"), m.group("v"), texts)):
        return said  # "猫眼的价格改成89 今天限时" wrote "89 今天限时" over the whole caption
    if (m := _ZH_CLOSES.match(t)) and (said := _closing_zh(m, texts)):
        return said  # "晚上11点关门" on "营业时间10:00-22:00": 23:00
    if (m := _ZH_OFFER.match(t)) and (said := _offer_zh(m.group("s"), m.group("v"), texts)):
        return said  # "第二杯改成8折" on "第二杯半价" wrote "8折半价"
    if (m := _ZH_IS_NOT.match(t)) and (said := _not_that_zh(m.group("x"), m.group("y"), shown)):
        return said  # "地址是解放路99号，不是88号" (its second half wrote "88号" over a caption)
    if (m := _ZH_NOT_BUT.match(t)) and (said := _not_that_zh(m.group("x"), m.group("y"), shown)):
        return said  # "不是人民路12号，是人民路21号" (read in two halves, "不是人民路12号" was written over the address)
    return None


def fact_not_shown_zh(piece: str, texts: Sequence[str]) -> str | None:
    """The word for a kind of fact a Chinese correction names that no text on screen holds, or None."""
    t = TAIL_ZH.sub("", _HEAD_ZH.sub("", piece.strip()))
    for rx in (_ZH_WRONG, _ZH_IS, _ZH_LABEL, _ZH_SWAPPED):
        if (m := rx.match(t)) and (kind := kind_of_word(m.group("z"))) and not on_screen(kind, texts):
            return m.group("z")
    return None

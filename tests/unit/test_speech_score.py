"""Transcript scoring: the normalisation both sides get before the character/word error rate."""

from reelforge.ai.speech_score import cardinal_zh, numbers_to_zh, word_error_rate


def test_cardinals_read_as_spoken():
    cases = {0: "零", 7: "七", 10: "十", 15: "十五", 30: "三十", 105: "一百零五", 1010: "一千零一十",
             2000: "二千", 10005: "一万零五", 12345: "一万二千三百四十五", 1000000: "一百万",
             100000000: "一亿"}
    assert {n: cardinal_zh(n) for n in cases} == cases


def test_numbers_in_chinese_text():
    assert numbers_to_zh("成立于2015年") == "成立于二零一五年"  # a year: digit by digit
    assert numbers_to_zh("晚上8点，共105元") == "晚上八点，共一百零五元"
    assert numbers_to_zh("打30%折扣，重3.5公斤") == "打百分之三十折扣，重三点五公斤"
    assert numbers_to_zh("拨打0571") == "拨打零五七一"  # a code keeps its zero


def test_error_rate_ignores_punctuation_and_number_spelling_only():
    assert word_error_rate("我们公司成立于二零一五年。", "我们公司成立于2015年") == 0.0
    assert word_error_rate("今天晚上八点，直播间见。", "今天晚上8点 直播间见!") == 0.0
    assert word_error_rate("你好世界", "你好") == 0.5
    # a different number is still an error, and so is 两 written as 2
    assert word_error_rate("今天晚上八点", "今天晚上9点") == 1 / 6
    assert word_error_rate("买两件", "买2件") == 1 / 3
    # English is scored per word and digits stay digits there
    assert word_error_rate("Try it free today.", "try it free today") == 0.0
    assert word_error_rate("thirty days", "30 days") == 0.5
    assert word_error_rate("", "") == 0.0 and word_error_rate("", "多余") == 1.0

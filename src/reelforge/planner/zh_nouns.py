"""Chinese words for what English file names say ("把咖啡那张放第一个" for coffee.jpg). Pure data.

Photos keep the names cameras, stock sites and designers give them, mostly English, while the
person editing may speak Chinese: a shot named ``coffee.jpg`` is "咖啡那张". Only common subjects
of marketing pictures are listed; a one-character word (花, 猫, 山) names a shot only right before a
word for a picture ("花那张", "猫的照片"), since alone it is part of many other words (花字, 包邮).
"""

from __future__ import annotations

import re

# English word in a file name (singular) -> Chinese words for it, longest first
ZH_FOR: dict[str, tuple[str, ...]] = {
    "coffee": ("咖啡",), "latte": ("拿铁",), "tea": ("奶茶", "茶"), "cake": ("蛋糕",), "bread": ("面包",),
    "pizza": ("披萨",), "burger": ("汉堡",), "food": ("美食", "食物"), "dish": ("菜",), "fruit": ("水果",),
    "apple": ("苹果",), "wine": ("葡萄酒", "红酒"), "beer": ("啤酒",), "juice": ("果汁",), "cookie": ("饼干",),
    "rocket": ("火箭",), "astronaut": ("宇航员",), "space": ("太空",), "galaxy": ("银河", "星系"), "moon": ("月亮",),
    "star": ("星星",), "flower": ("鲜花", "花朵", "花"), "tree": ("树",), "forest": ("森林",), "mountain": ("山峰", "雪山", "山"),
    "beach": ("海滩", "沙滩"), "sea": ("大海", "海"), "ocean": ("海洋", "大海"), "lake": ("湖",), "river": ("河",),
    "sunset": ("日落", "夕阳"), "sunrise": ("日出",), "sky": ("天空",), "city": ("城市",), "street": ("街道", "街头"),
    "building": ("大楼", "建筑"), "bridge": ("桥",), "temple": ("寺庙",), "pagoda": ("宝塔", "塔"), "china": ("中国",),
    "cat": ("猫咪", "小猫", "猫"), "dog": ("小狗", "狗狗", "狗"), "bird": ("小鸟", "鸟"), "horse": ("马",),
    "car": ("汽车", "车"), "bike": ("自行车",), "motorcycle": ("摩托车",), "phone": ("手机",), "laptop": ("笔记本", "电脑"),
    "camera": ("相机",), "watch": ("手表",), "shoe": ("鞋子", "球鞋", "鞋"), "sneaker": ("运动鞋", "球鞋"), "bag": ("包包", "背包", "包"),
    "dress": ("裙子",), "shirt": ("衬衫",), "hat": ("帽子",), "ring": ("戒指",), "necklace": ("项链",), "perfume": ("香水",),
    "lipstick": ("口红",), "bottle": ("瓶子",), "cup": ("杯子",), "mug": ("马克杯", "杯子"), "chair": ("椅子",),
    "sofa": ("沙发",), "room": ("房间",), "kitchen": ("厨房",), "office": ("办公室",), "shop": ("店铺", "门店"),
    "store": ("店铺", "门店"), "cafe": ("咖啡馆", "咖啡店"), "team": ("团队",), "portrait": ("人像",), "woman": ("女士", "女人"),
    "man": ("男士", "男人"), "girl": ("女孩",), "boy": ("男孩",), "baby": ("宝宝",), "family": ("家人", "全家"),
    "wedding": ("婚礼",), "party": ("派对",), "product": ("产品",), "logo": ("标志",),
    "gift": ("礼物", "礼品", "礼盒"), "present": ("礼物", "礼品"), "box": ("盒子",), "candle": ("蜡烛",),
    "toy": ("玩具",), "book": ("书",), "chocolate": ("巧克力",), "card": ("卡片", "贺卡"), "tour": ("旅游", "旅行"),
    "travel": ("旅行", "旅游"), "trip": ("旅行",), "hotel": ("酒店",), "pool": ("泳池",), "pet": ("宠物",),
}

# right after a one-character word, what makes it the name of a picture ("花那张", "猫的照片")
_PICTURE_AFTER = (r"(?=的?(?:那|这)?(?:一)?(?:张|个|段|幅)|的?(?:那|这)?(?:张|个|段)?(?:图|照片|图片|视频|镜头|片段)|的$|"
                  r"(?:后面|之后|以后|前面|之前|以前)的|"  # "花的那张", "花之前的都删掉"
                  r"(?:后面|之后|前面|之前)(?:[，。,.！!]|$))")  # "花那张放到猫后面" (the clause's end)


def zh_patterns(stem: str) -> list[str]:
    """Regular expressions for the Chinese words of an English file-name word (its plural too)."""
    word = stem[:-1] if stem.endswith("s") and stem[:-1] in ZH_FOR else stem
    return [re.escape(z) + ("" if len(z) > 1 else _PICTURE_AFTER) for z in ZH_FOR.get(word, ())]

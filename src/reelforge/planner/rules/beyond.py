"""Wishes beyond what reelforge does, answered plainly with what it can do instead (pure): erasing a person
from a picture, blurring one face, drawn effects (steam, snow), straightening a picture, colour on one part
only, cutting a logo out of a photo, a live countdown ("can you remove the girl in the back", "能不能把那个阿姨
的脸打个码", "can u make steam come off the tacos", "the couch one is crooked, can u straighten it", "能加个倒计时吗").
They were not understood, read as another change ("cut it out of that pic" made the van photo the logo), or
named a thing there is no file of ("There is no 'girl' in the project")."""

from __future__ import annotations

import re

from reelforge.planner import ops as O
from reelforge.planner.rules.refs import _Cannot, _Ctx, _find_targets, _has, _main_seg, _one_shot

_PERSON = (r"(?:girl|boy|guy|man|woman|kid|child|person|people|lady|dude|stranger|photobomber|someone|somebody|"
           r"car|sign|trash|bin|wire|pole|watermark)")
# (each: what is asked, the answer in English and in Chinese)
_BEYOND: tuple[tuple[str, str, str], ...] = (
    (rf"\b(?:remove|erase|get\s+rid\s+of|take\s+out|edit\s+out|photoshop\s+out|cut\s+out)\s+(?:the|that|this|a)\s+"
     rf"(?:\w+\s+){{0,2}}{_PERSON}s?\b(?=.*\b(?:in\s+the\s+(?:back|background|corner)|who'?s|whos|that'?s|standing|walking|"
     rf"picking|behind|from\s+the\s+(?:photo|pic|picture|clip|video|shot))\b)|"
     r"把(?:那个|这个|后面的?|背景里的?)?[\u4e00-\u9fff]{0,4}(?:人|女孩|男孩|阿姨|路人|小孩)(?:P|p|抹|擦|去)掉",
     "erasing a person or a thing from a picture or clip is not something reelforge does; it can crop in on the part "
     "to keep ('zoom in on the left of the first clip'), play another part of the clip ('use 0:10 to 0:15 of it') or "
     "remove the whole shot",
     "不能把画面里的某个人或东西抹掉；可以放大画面避开（“第一段放大一点”），换用片段的另一部分（“从第10秒开始用”），或者删掉这个镜头"),
    # "can you take the price sticker off the peony photo": a thing in the picture, not a text of the video
    (r"\b(?:take|get|peel|remove|erase|clean)\s+(?:the|that|this|those|these)\s+(?:[\w-]+\s+){0,2}(?:stickers?|tags?|"
     r"labels?|smudges?|stains?|reflections?|glare|scratch(?:es)?|dust|spots?|blemish(?:es)?|wrinkles?|crumbs?|fingerprints?)"
     r"\s+(?:off|out\s+of|from)\s+(?:the|that|this|my)\s+(?:[\w-]+\s+){0,3}(?:photo|pic|picture|image|shot|clip|video)s?\b|"
     r"把.{0,12}(?:上|里)的?(?:价签|标签|贴纸|污渍|反光)(?:P|p|抹|擦|去|撕)掉",
     "erasing a thing from inside a picture is not something reelforge does; it can crop in so it is out of frame "
     "('zoom in on the top of the 2nd photo') or remove that shot",
     "不能把图片里的东西抹掉；可以放大画面把它裁出去（“第二张放大一点”），或者删掉这张"),
    # "remove the white background from the gift set pic and put it on wood": the picture's own background
    (r"\b(?:remove|change|replace|swap|erase|cut\s+out|get\s+rid\s+of|take\s+out)\s+(?:the\s+)?(?:[\w-]+\s+)?"
     r"(?:background|backdrop)\s+(?:from|of|in|on|behind)\s+(?:the|that|this|my)\s+(?:[\w&'-]+\s+){0,3}"
     r"(?:photo|pic|picture|image|shot|product)s?\b|(?:换|去掉|抠掉|去除)(?:一下)?(?:图片|照片|这张|那张)?的?背景(?!音乐)|"
     r"(?:图|照片|图片|那张|这张)的?背景(?:换|去掉|抠掉|去除|不要)",
     "removing or replacing the background inside a photo is not something reelforge does; a PNG whose background "
     "is already transparent is shown on a plain colour that suits it, or say 'blurred background' to show the "
     "picture whole over a blurred copy of itself",
     "不能去掉或更换照片自己的背景；背景透明的PNG会放在合适的纯色底上，也可以说“模糊背景”让整张图显示在自身的模糊底上"),
    (r"\b(?:blur|pixelate|pixelize|hide|cover|mask)\s+(?:out\s+)?(?:her|his|their|the|that|this|one|a)?\s*(?:\w+\s+){0,2}"
     r"(?:face|faces|plate|license\s+plate|number\s+plate)\b|打码|马赛克|(?:遮住|挡住|遮挡)(?:她|他|那个人)?的?脸|不想露脸|"
     # "the card photo has my home address on it blur that", "blur the address on the card photo"
     r"\b(?:blur|pixelate|pixelize|mask)\s+(?:out\s+)?(?:that|it|this|them)\b(?!\s+(?:background|bg|backdrop))|"
     r"\b(?:blur|pixelate|pixelize|hide|cover|mask)\s+(?:out\s+)?(?:my|the|his|her|their|our)?\s*(?:home\s+|house\s+)?"
     r"(?:address|details|info|information|phone\s+number|email|reg(?:istration)?|card\s+number|surname)\b",
     "blurring one face or one part of a picture is not available yet; crop in so they are out of frame ('zoom in on "
     "the right of the 3rd photo') or remove that shot",
     "还不能单独给一张脸打码；可以放大画面把她裁出去（“第三张放大一点”），或者删掉这张"),
    (r"\b(?:steam|smoke|snow(?:fall)?|rain|fire|flames|sparkles?|fireworks|bubbles|particles?|glitter|lens\s+flares?)\b"
     r".{0,30}\b(?:come|coming|falling|fall|rising|rise|flying|animated|animate|effects?|off|over)\b|"
     r"\b(?:animated|animate)\s+(?:steam|smoke|snow|rain|fire|sparkles?|fireworks)\b|"
     r"冒热气|下雪|飘雪|放烟花|(?:烟花|火焰|粒子|雪花)的?(?:效果|特效|动画)",
     "drawn effects like steam, snow or sparkles are not something reelforge makes; a slow zoom-in on that picture "
     "('zoom in slowly on the 2nd photo') or a clip that has them gives the motion",
     "不能生成热气、下雪、烟花这类特效；可以给那张图加缓慢推近（“第二张慢慢推近”），或者换一段有这个画面的视频"),
    (r"\b(?:crooked|tilted|wonky|slanted|straighten|rotate|rotated|upside\s+down|sideways|level\s+the\s+horizon|"
     r"horizon\s+is\s+(?:off|crooked|tilted))\b(?!\s+(?:transitions?|wipes?))|歪了|摆正|扶正|转正|旋转(?!的?(?:转场|过渡|动画|特效|效果))|"
     r"倒过来了|横过来了",
     "rotating or straightening a picture is not available yet; a picture saved upright (or straightened in your photo "
     "app) can replace it: say 'replace the 2nd photo with couch-straight.jpg' once it is added",
     "还不能旋转或摆正图片；在手机相册里摆正后重新上传，再说“把第二张换成新的那张”"),
    (r"\b(?:black\s+and\s+white|b&w|b\s*/\s*w|grey\s*scale|gray\s*scale|desaturate)\b.{0,30}\b(?:except|but\s+(?:not\s+)?the|"
     r"apart\s+from|only\s+(?:the\s+)?\w+\s+in\s+colou?r)\b|\bcolou?r\s+only\s+on\b|\bsplash\s+of\s+colou?r\b|"
     r"除了.{1,8}(?:都|全)?(?:黑白|变灰)|只有.{1,8}(?:是|有)彩色",
     "colour on one part of the picture only is not possible: a colour grade changes the whole frame (black and "
     "white would take the colour off that part too); say 'black and white' for all of it, or 'more saturated' to "
     "make the colours stronger",
     "不能只保留局部颜色：调色作用于整个画面（黑白会把那部分也变成黑白）；可以说“黑白”整体变黑白，或“鲜艳一点”"),
    (r"\bcut\s+(?:it|the\s+logo|that)\s+out\s+of\s+(?:that|the|this)\b|\b(?:extract|isolate)\s+the\s+logo\b|抠(?:出来|图|下来)",
     "cutting a logo out of a photo is not something reelforge does; add the logo as its own picture file (a PNG, "
     "ideally with a transparent background) and say 'add the logo', or zoom in on it in that photo ('zoom in on the "
     "left of the last photo')",
     "不能把图片里的logo抠出来；把logo单独存成图片（最好是透明背景的PNG）加入项目，再说“加上logo”"),
    # "能直接帮我发到抖音上吗", "can you run it as an ad for people within 5 miles": posting it is the platform's
    (r"\b(?:post|publish|upload|share)\s+(?:it|this|the\s+video)\s+(?:to|on)\s+(?:my\s+|our\s+)?(?:tiktok|instagram|insta|ig|"
     r"facebook|fb|youtube|linkedin|pinterest|reels)\b|\brun\s+(?:it|this)\s+as\s+an?\s+ad\b|\b(?:boost|promote)\s+(?:it|the\s+post)\b|"
     r"\btarget(?:ed|ing)?\s+(?:people|ads?)\b|(?:(?:帮我|直接|你|能不能|可以)(?:帮我)?(?:发|发布|上传|投放)(?:到|在)?|(?:发布|上传|投放)(?:到|在)?|发到|发在)"
     r"(?:抖音|小红书|视频号|朋友圈|快手|b站)",  # (not "再来个方的发朋友圈": a square one, to post there)
     "posting the video or running it as an ad is done in the platform's own app; reelforge makes the file: say "
     "'export' and upload the MP4 there (its ads manager sets who sees it)",
     "reelforge只负责做出视频文件，发布和投放要在平台自己的App里操作：说“导出”，再把MP4上传到抖音"),
    # "can you find a picture of a hail storm to put at the beginning": a stock library
    (r"\b(?:find|get|grab|download|search\s+for|look\s+for|source)\s+(?:me\s+|us\s+)?(?:a|an|some|any)\s+(?:\w+\s+){0,2}?"
     r"(?:stock\s+)?(?:picture|photo|pic|image|video|clip|footage|b-?roll)s?\b|"  # (music by its feel is answered apart)
     r"\bstock\s+(?:photos?|footage|videos?|images?)\b|(?:找|搜|下载)(?:一|几)?(?:张|段|个)(?:[\u4e00-\u9fff]{0,6})?(?:图片|照片|视频|素材)",
     "reelforge works with the files you add and has no stock library; add the picture, clip or song (drag it onto "
     "the page, or 'reelforge make' it in), then say where it goes, e.g. 'put hail.jpg first'",
     "reelforge只用你加进来的文件，没有素材库；把图片、视频或音乐加进项目后，再说放在哪里，例如“把冰雹.jpg放第一个”"),
    (r"\b(?:live\s+)?count\s*-?\s*down\b(?!\s+(?:from|the\s+seconds))|倒计时",
     "a countdown that changes with the clock cannot be in a video file (it shows the same whatever time it is "
     "watched); add a line with the time instead: \"add the caption 'Live tonight 8pm'\"",
     "视频文件里不能有随时间变化的倒计时（什么时候看都一样）；可以加一行固定文字，例如“加字幕「今晚8点 不见不散」”"),
    # "the writing goes off the edge of the screen on my phone", "the text is cut off at the top"
    (r"\b(?:text|words|title|captions?|cta|letters)\b.{0,20}\b(?:goes|going|runs?|running|is|are|gets?)\s+(?:off|over|past|outside)\s+"
     r"(?:the\s+)?(?:edge|edges|side|sides|screen)|\b(?:text|words|title|captions?)\b.{0,12}\b(?:is|are|gets?)\s+cut\s+off\b|"
     r"字.{0,6}(?:出界|超出屏幕|超出画面|被切掉?|显示不全)",
     "every text is laid out inside the frame's safe zone (5% margins; on 9:16, clear of the app's buttons and caption), so "
     "the whole frame shows it; a phone app that crops a landscape or square video to fill the screen cuts it off: make it "
     "vertical for phones ('make it vertical'), or say 'smaller text' / 'move the title down'",
     "每段文字都排在画面的安全区里（四周留5%；竖屏还避开了App的按钮和文案），完整画面里不会出界；如果手机App把横屏或方形视频裁满屏，"
     "字就会被切掉：可以说“改成竖屏”，或“字小一点”“标题往下一点”"),
    # "把模特皮肤再P白一点", "make her skin smoother", "remove the wrinkles": retouching a person
    (r"\b(?:smooth(?:er)?|whiten|lighten|retouch|airbrush|slim|slimmer)\s+(?:(?:her|his|their|the|my)\s+)?(?:skin|face|teeth|waist|legs)\b|"
     r"\b(?:skin|face|teeth)\s+(?:smoother|whiter|lighter|slimmer)\b|(?:皮肤|脸|肤色)\s*(?:再|更)?\s*(?:P|p|修|磨)?\s*(?:白|瘦|嫩|光滑)一?[点些]|"
     r"(?:磨皮|美白|瘦脸|瘦身|美颜)",
     "retouching a person (skin, face, figure) is not something reelforge does; it can brighten the whole picture "
     "('brighter') or make the colours softer ('more muted')",
     "不能给人修图（磨皮、美白、瘦脸）；可以把整个画面调亮（“亮一点”）或颜色柔和一点（“颜色淡一点”）"),
    # "能不能把花变成粉色的", "make the car red": one thing in a picture another colour
    (r"\b(?:make|turn|change)\s+(?:the|her|his|my|our)\s+(?!(?:text|title|captions?|cta|words|font|letters|logo|background|"
     r"video|music|transitions?)\b)[\w-]+(?:\s+[\w-]+)?\s+(?:pink|red|blue|green|yellow|purple|orange|white|black)\s+"
     r"(?:in|on)\s+(?:the|that|this)\s+(?:photo|pic|picture|shot|clip)\b|"
     r"把(?![^，,。]{0,12}?(?:字|标题|字幕|文案|logo|背景|视频|音乐|滤镜|画面|整体|颜色|水印))[\u4e00-\u9fff]{1,6}\s*(?:变成|改成|调成|换成)\s*"
     r"(?:粉|红|蓝|绿|黄|紫|白|黑)色",
     "changing the colour of one thing inside a picture is not something reelforge does; the grade changes the whole "
     "picture ('warmer', 'more saturated'), or add a photo where it already has that colour",
     "不能只改画面里某个东西的颜色；调色会作用于整个画面（“暖一点”“鲜艳一点”），或者换一张那种颜色的照片"),
    # "The video of the runners is a bit shaky, can you fix that?", "视频太抖了": no stabilising
    (r"\b(?:shaky|wobbly|jittery|stabili[sz]e|stabili[sz]ation|steady\s+(?:it|the\s+\w+))\b|防抖|(?:画面|视频|镜头)?(?:太|有点|很)?(?:抖|晃)(?:动|得厉害)?了?(?:能|可以)?(?:修|处理|稳)",
     "stabilising a shaky clip is not something reelforge does; it can play a steadier part ('use 0:05 to 0:10 of the clip'), "
     "slow it down ('slow the clip down') or take it out",
     "不能给视频防抖；可以只用比较稳的一段（“只用0:05到0:10那段”），放慢一点，或者删掉这段"),
    # "能加个地图定位吗", "can you add a map": a map is not drawn
    (r"\b(?:add|put|show|include)\s+(?:a|the|an)\s+(?:map|google\s+map|location\s+pin|pin)\b|地图|定位",
     "reelforge does not draw maps; write where it is as text instead, e.g. \"add '24 Baker St, Leeds' at the end\", or add "
     "a screenshot of the map as a picture",
     "不能生成地图；可以把地址写成文字，例如“结尾加上「德清县莫干山镇劳岭村」”，或者把地图截图作为一张图片加进来"),
)
_RX_BEYOND = tuple((re.compile(rx, re.I), en, zh) for rx, en, zh in _BEYOND)


_TEXT_OR_TRANSITION = r"\b(?:titles?|captions?|texts?|words|logo|cta|transitions?|emojis?)\b|标题|字幕|文字|转场|表情"


def _one_named_shot(c: _Ctx) -> str | None:
    """The file name of the one shot the clause names ("the card photo": gas safe card.jpg), else None."""
    try:
        target = _one_shot(c, _find_targets(c))
    except Exception:  # noqa: BLE001 - a reference that does not resolve names none
        return None
    seg = _main_seg(c, target) if target is not None else None
    return seg.name if seg is not None else None


def _h_beyond(c: _Ctx) -> list[O.Op] | None:
    for k, (rx, en, zh) in enumerate(_RX_BEYOND):
        if k in (4, 5) and _has(_TEXT_OR_TRANSITION, c.t):
            continue  # "make the title rotate in", "a fire emoji": a text's motion or look, not the picture's
        if rx.search(c.t):
            if rx.pattern.startswith(r"\b(?:remove|erase") and _find_targets(c):
                return None  # "remove the girl photo": a shot so named
            if en.startswith("changing the colour of one thing") and (thing := re.search(r"把(.+?)\s*(?:变成|改成|调成|换成)", c.t)) \
                    and any(thing.group(1).strip() in s.text for _, s in c.text_segs(None)):
                continue  # "把第二杯半价的字换成红色" (read "把第二杯半价换成红色"): a text's colour
            shot = _one_named_shot(c)
            if shot and ("remove that shot" in en or "删掉这张" in zh):
                # which shot: said, so the answer can be one step ("remove gas safe card.jpg")
                raise _Cannot(f"{zh}（说“删掉{shot}”）" if c.zh else f"{en} (say 'remove {shot}')")
            raise _Cannot(zh if c.zh else en)
    return None

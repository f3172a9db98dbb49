"""Handlers for sound: music and voiceover tracks, levels (over a range of time too), fades,
ducking, the clips' own sound, fitting the video to the voiceover."""

from __future__ import annotations

import re

from reelforge.planner import ops as O
from reelforge.planner import parse as P
from reelforge.planner.rules.refs import (
    _CLIPSOUND,
    _LOUDER,
    _MUSIC,
    _NOUN_VID,
    _QUIETER,
    _REMOVE,
    _VOICE,
    _Ambiguous,
    _Cannot,
    _Ctx,
    _find_asset,
    _find_targets,
    _has,
)
from reelforge.timeline.model import (
    AssetKind,
    Role,
)

MAX_GAIN = 4.0  # a track at most this times its own level (`SetVolume.volume`)


def _audio_role(t: str) -> str | None:
    if _has(_CLIPSOUND, t):
        return "main"
    m = re.search(_MUSIC, t)
    v = re.search(rf"(?<![a-z]){_VOICE}(?![a-z])", t)
    if m and v:
        return "music" if m.start() < v.start() else "voice"
    if m:
        return "music"
    if v:
        return "voice"
    return None


def _audio_span(c: _Ctx) -> O.Span | None:
    """A stated range of time for an audio change ("for the last 5 seconds", "from 0:10 to 0:15",
    "前3秒"); None when the words name the whole track."""
    r = P.parse_time_range(c.t, c.tl.duration)
    if r is None or not r.explicit or r.kind not in (P.RangeKind.SPAN, P.RangeKind.START, P.RangeKind.END,
                                                      P.RangeKind.AFTER, P.RangeKind.POINT):
        return None
    if r.kind is P.RangeKind.POINT and not _has(r"\bfor\s+\S+\s*(?:s|secs?|seconds?)\b|持续|秒钟", c.t):
        return None
    if r.start_ms <= 0 and r.end_ms >= c.tl.duration:
        return None
    return O.Span(start_ms=r.start_ms, end_ms=r.end_ms)


def _h_music_track(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    role = _audio_role(t)
    if role not in ("music", "voice"):
        return None
    if _has(rf"{_REMOVE}|\bno\s+(?:more\s+)?(?:background\s+music|music|voice[\s-]?over|narration|narrator|vo)\b|\bwithout\s+(?:the\s+)?(?:music|voice[\s-]?over|narration)\b|\bsilence\s+the\s+music\b|\bcut\s+(?:the\s+)?{_MUSIC}|\bcut\s+(?:the\s+)?{_VOICE}", t) and not _has(r"\bduck|闪避|压低", t):
        if _has(r"\bno\s+(?:more\s+)?duck", t):
            return None
        if _has(r"\b(?:volume|level|gain|db|decibels?)\b|音量|分贝|\d\s*%|百分|\b(?:down|lower|back)\b|(?:那么|这么|太)\s*(?:吵|大声|响|小声|轻)", t):
            return None  # "drop the music volume to 15%", "cut the music down", "不要那么吵": a level, never the track
        span = _audio_span(c)
        if span is not None:  # "kill the music for the last 5 secs": silence that part, keep the track
            return [O.SetVolume(role=role, volume=0.0, span=span)]  # type: ignore[arg-type]
        vague = P.parse_time_range(t, c.tl.duration)
        if vague is not None and vague.kind is not P.RangeKind.ALL:
            # "remove the music at the end" names a part, not the track: never delete more than asked
            word = "背景音乐" if role == "music" else "旁白"
            if c.zh:
                raise _Ambiguous(f"是删除整条{word}，还是只在一段时间里静音？例如说“最后5秒{word}静音”或“去掉{word}”。")
            word = "music" if role == "music" else "voiceover"
            raise _Ambiguous(f"Remove the whole {word} track, or silence it for part of the video? Say e.g. "
                             f"'mute the {word} for the last 5 seconds' or 'remove the {word}'.")
        return [O.RemoveTrack(role=Role.MUSIC if role == "music" else Role.VOICE)]
    if role == "music" and c.tl.track(Role.MUSIC) is None and _find_asset(c, t, (AssetKind.AUDIO,)) is None \
            and _has(r"\b(?:add|bring|put|restore|want|need|give)\b|\bback\b|恢复|加回|加上|加|添加|配上|要", t):
        # "bring the music back", "add music", "恢复背景音乐": the one music file the project has
        used = {getattr(s, "src", None) for tr in c.tl.tracks for s in tr.segments}
        free = [a for a in c.library if a.kind is AssetKind.AUDIO and a.id not in used]
        if len(free) == 1:
            pct = P.parse_percent(t)  # "add music at 20%"
            level = [O.SetVolume(volume=round(pct, 4))] if pct is not None and 0 <= pct <= MAX_GAIN else []
            return [O.ReplaceMusic(asset_id=free[0].id), *level]
        if not free:
            raise _Cannot("there is no music file in the project: add one, then say e.g. 'use jazz.mp3 as the music'")
        raise _Ambiguous("Which music? " + ", ".join(a.name for a in free[:8])
                         + ". Say e.g. 'use " + free[0].name + " as the music'.")
    if role == "music" and _has(r"\b(?:replace|swap|switch|change|use|set|try|add|put|play)\b|换成|换|替换|改用|用|加上?|添加|配上|当|作为|做", t):
        asset = _find_asset(c, t, (AssetKind.AUDIO, AssetKind.VIDEO))
        if asset is not None and not (c.tl.track(Role.MUSIC) and any(getattr(s, "src", None) == asset.id for s in c.tl.track(Role.MUSIC).segments)):
            out: list[O.Op] = [O.ReplaceMusic(asset_id=asset.id)]
            pct = P.parse_percent(t)  # "add background music music.mp3 at 25%"
            if pct is not None and 0 <= pct <= 4:
                out.append(O.SetVolume(volume=round(pct, 4)))
            return out
        if _has(r"\b(?:replace|swap|switch|another|different|new)\b|换成|换一首|替换|换", t) and not _has(r"\d\s*%|百分|db|分贝|" + _LOUDER + "|" + _QUIETER, t):
            raise _Cannot("which music? add the audio file to the project first, then say e.g. 'use jazz.mp3 as the music'")
    return None


def _h_duck(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if not _has(r"\bduck(?:s|ed|ing)?\b|闪避|避让|ducking|(?:人声|说话|旁白|配音).{0,6}(?:时|的时候).{0,6}(?:压低|降低|调低).{0,4}(?:音乐|背景音乐)|(?:压低|降低).{0,4}(?:音乐|背景音乐).{0,8}(?:人声|说话|旁白)|lower\s+the\s+music\s+(?:when|while|under)", t):
        return None
    off = _has(r"\b(?:no|don'?t|do\s+not|stop|disable|turn\s+off|without|never)\b.{0,12}duck|\bduck(?:ing)?\s+off\b|不要.{0,4}(?:闪避|避让|压低)|关闭.{0,4}(?:闪避|避让)|取消.{0,4}(?:闪避|避让)", t)
    return [O.SetDuck(on=not off, span=_audio_span(c))]


def _h_fade(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if not _has(r"\bfad(?:e|es|ing)\b|淡入|淡出|渐入|渐出|渐强|渐弱", t):
        return None
    if _has(r"cross[\s-]?fade|through\s+black|to\s+black|between|transition|转场|过渡|黑场|切换", t):
        return None
    role = _audio_role(t) or "music"
    if role == "main":
        return None
    ms = None
    durs = P.find_durations(t)
    if durs:
        ms = durs[0].ms
    if _has(r"\bno\s+fades?\b|\bwithout\s+(?:a\s+)?fades?\b|\bremove\s+the\s+fades?\b|不要淡|去掉淡|取消淡", t):
        return [O.SetFade(role=role, fade_in_ms=0, fade_out_ms=0)]  # type: ignore[arg-type]
    obj = r"fade\s+(?:it|them|the\s+(?:background\s+)?(?:music|song|bgm|voice\w*|audio|sound|narration))\s+"
    both = _has(r"\bin\s+and\s+out\b|\bout\s+and\s+in\b|淡入淡出", t)
    fin = both or _has(rf"fad(?:e|es|ing)\s*[-]?\s*in\b|{obj}in\b|fade\s*up|淡入|渐入|渐强", t)
    fout = both or _has(rf"fad(?:e|es|ing)\s*[-]?\s*out\b|{obj}out\b|fade\s*down|淡出|渐出|渐弱|\bat\s+the\s+end\b", t)
    if not fin and not fout:
        fin = fout = True
    return [O.SetFade(role=role, fade_in_ms=(ms or 2000) if fin else None,  # type: ignore[arg-type]
                      fade_out_ms=(ms or 2000) if fout else None)]


def _h_volume(c: _Ctx) -> list[O.Op] | None:
    ops = _volume(c)
    if not ops:
        return ops
    span = _audio_span(c)
    if span is None:
        return ops
    return [o.model_copy(update={"span": span}) if isinstance(o, O.SetVolume) and o.role != "main" else o for o in ops]


_CLEARER = r"\bclearer\b|\bmore\s+clear(?:ly)?\b|\bcrisper\b|\beasier\s+to\s+(?:hear|understand)\b|清楚|清晰|听清"


def _volume(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if _has(r"\bsp(?:ee|e)d(?:ing)?\b|\bfaster\b|\bslower\b|\bslow\s+(?:\w+\s+)?down\b|加速|减速|倍速|快放|慢放", t):
        return None  # "speed up the music" is not louder (the speed rule says what can change speed)
    role = _audio_role(t)
    if (role == "voice" or _has(r"人声", t)) and _has(_CLEARER, t) and not _has(r"\d\s*%|百分之|\bdb\b|分贝", t):
        # "make the voice clearer" / "人声清楚一些": less music under it, as a first cut does
        if c.tl.track(Role.MUSIC) is None:
            return [O.SetVolume(role="voice", factor=1.25)]
        little = _has(r"\ba\s+(?:little|bit|touch)\b|\bslightly\b|一点|一些|稍微|有点|点儿|些", t)
        return [O.SetVolume(role="music", factor=0.7 if little else 0.5)]
    level_word = _has(r"\bvolume\b|\blevel\b|\bgain\b|音量|声音", t)
    if role is None and _has(r"\b(?:everything|all\s+(?:the\s+)?(?:audio|sound)|all\s+the\s+tracks|the\s+(?:audio|sound))\b|所有声音|全部声音|全部静音|全都静音", t) \
            and _has(r"\bmute\b|\bsilence\b|\bsilent\b|静音", t):
        # "mute everything for the first 2 seconds": every audio track there is
        roles = [r for r, role_ in (("music", Role.MUSIC), ("voice", Role.VOICE)) if c.tl.track(role_)]
        return [O.SetVolume(role=r, volume=0.0) for r in roles] or None  # type: ignore[arg-type]
    if role is None:
        if not (level_word and (_has(_LOUDER + "|" + _QUIETER, t) or P.parse_percent(t) is not None)):
            return None
        voice = c.tl.track(Role.VOICE)
        music = c.tl.track(Role.MUSIC)
        if music and voice and c.zh:
            raise _Ambiguous("是背景音乐还是旁白？例如说“背景音乐调到30%”或“旁白大声一点”。")
        if music and voice:
            raise _Ambiguous("The music or the voiceover? Say e.g. 'music to 30%' or 'voiceover louder'.")
        role = "music" if music else "voice" if voice else "main"
    if role == "main" and _has(r"\b(?:mute|unmute|keep|silence)\b|静音|保留|关掉|关闭|去掉|不要", t):
        return None
    if role != "main" and _has(r"\bmute\b|\bsilence\b|\b(?:turn|switch)\s+(?:\w+\s+){0,3}off\b|\b(?:turn|switch)\s+off\b|静音|关掉|关闭|关了|关上", t):
        return [O.SetVolume(role=role, volume=0.0)]  # type: ignore[arg-type]
    db = P.parse_db(t)
    absolute = _has(r"\b(?:to|at|=)\s*[+-]?\s*\d+(?:\.\d+)?\s*(?:db|decibels?)\b|(?:到|为|成)\s*[+-]?\s*\d+(?:\.\d+)?\s*分贝", t)
    if db is not None:
        if absolute:
            if P.db_to_gain(db) > MAX_GAIN:
                raise _Cannot(f"a track can be at most {MAX_GAIN:.0%} of its own level (+12 dB)")
            return [O.SetVolume(role=role, volume=P.db_to_gain(db))]  # type: ignore[arg-type]
        return [O.SetVolume(role=role, factor=P.db_to_gain(db))]  # type: ignore[arg-type]
    pct = P.parse_percent(t)
    if pct is not None and not re.fullmatch(r"\s*(?:0?\.\d+|1(?:\.0+)?|0)\s*", t):
        if _has(r"\bby\s+\d+\s*%|\d+\s*%\s+(?:louder|quieter|lower|higher|more|less)|(?:降低|减少|调低|提高|增加|调高|加大)\s*(?:了)?\s*(?:\d+\s*%|百分之)", t):
            up = _has(_LOUDER, t)
            return [O.SetVolume(role=role, factor=round(1 + pct if up else max(0.01, 1 - pct), 4))]  # type: ignore[arg-type]
        if pct > MAX_GAIN:
            raise _Cannot(f"a track can be at most {MAX_GAIN:.0%} of its own level ({pct:.0%} was asked)")
        return [O.SetVolume(role=role, volume=round(pct, 4))]  # type: ignore[arg-type]
    bare = re.search(r"\b(?:to|at)\s+(\d{1,3})\s*$", t) if role in ("music", "voice") and not P.find_durations(t) else None
    if bare and 0 < int(bare.group(1)) <= 100:  # "bump the music up to 50": a level, in percent
        return [O.SetVolume(role=role, volume=int(bare.group(1)) / 100)]  # type: ignore[arg-type]
    times = re.search(r"(\d+(?:\.\d+)?)\s*(?:x|times)\s+(louder|quieter|softer)", t)
    if times and float(times.group(1)) > 0:
        k = float(times.group(1))
        return [O.SetVolume(role=role, factor=round(k if times.group(2) == "louder" else 1 / k, 4))]  # type: ignore[arg-type]
    if _has(r"\btwice\s+as\s+loud\b|\bdouble\s+the\s+volume\b|两倍音量|音量加倍", t):
        return [O.SetVolume(role=role, factor=2.0)]  # type: ignore[arg-type]
    if _has(r"\bhalf\s+as\s+loud\b|\bhalve\s+the\s+volume\b|\bhalf\s+the\s+volume\b|音量减半", t):
        return [O.SetVolume(role=role, factor=0.5)]  # type: ignore[arg-type]
    little = _has(r"\b(?:a\s+(?:little|bit|touch|notch|smidge|hair)|slightly|a\s+tad|somewhat|a\s+little\s+bit)\b|一点|一些|稍微|有点|点儿|点声|(?<=[小大低高轻])点|(?<=小声)点|些", t)
    much = _has(r"\b(?:much|a\s+lot|way|far|really|very)\b|很多|大幅|非常|太(?!吵|大声|响)", t)
    if _has(_QUIETER, t):
        return [O.SetVolume(role=role, factor=0.7 if little else 0.3 if much else 0.5)]  # type: ignore[arg-type]
    if _has(_LOUDER, t):
        return [O.SetVolume(role=role, factor=1.25 if little else 2.0 if much else 1.5)]  # type: ignore[arg-type]
    if _has(r"\b(?:full|normal|original)\s+volume\b|原始音量|正常音量", t):
        return [O.SetVolume(role=role, volume=1.0)]  # type: ignore[arg-type]
    return None


def _h_clip_audio(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    clipish = _has(_CLIPSOUND, t) or _has(rf"\b(?:mute|unmute|silence)\b.{{0,30}}\b(?:{_NOUN_VID}|clips?)\b|\b(?:sound|audio)\s+(?:of|from|in|on)\s+(?:the\s+)?(?:\w+\s+){{0,2}}(?:shot|clip|segment|scene)s?\b|(?:静音|关掉声音|去掉声音).{{0,8}}(?:视频|片段)|(?:视频|片段).{{0,8}}(?:静音|关掉声音|去掉声音|原声)", t)
    if not clipish:
        return None
    keep = _has(r"\b(?:keep|unmute|restore|bring\s+back|turn\s+on|with)\b|保留|恢复|打开|开启", t)
    mute = _has(r"\b(?:mute|silence|remove|drop|turn\s+off|no|without|kill)\b|静音|去掉|关掉|关闭|不要|删除", t)
    if not keep and not mute:
        return None
    target: O.Target | None = None
    refs = _find_targets(c)
    if refs:
        target = refs[0].target
    return [O.SetClipAudio(target=target, mute=mute and not keep)]


def _h_fit_voice(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if _has(rf"\b(?:fit|match|sync|align|adjust|trim|cut|extend|set|make)\b.{{0,40}}(?<![a-z]){_VOICE}(?![a-z])|"
            rf"\bas\s+long\s+as\s+(?:the\s+)?{_VOICE}|\bsame\s+length\s+as\s+(?:the\s+)?{_VOICE}|"
            r"(?:按|根据|配合|匹配|适配|对齐|跟|和|与)\s*(?:旁白|配音|解说)|(?:旁白|配音|解说).{0,6}(?:一样长|等长|长度|对齐)", t):
        if _has(r"\b(?:volume|louder|quieter|%|db)\b|音量|声音大|声音小", t):
            return None
        return [O.FitToVoice()]
    return None

"""Handlers for sound: music and voiceover tracks, levels (over a range of time too), fades,
ducking, the clips' own sound, fitting the video to the voiceover."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from reelforge.planner import ops as O
from reelforge.planner import parse as P
from reelforge.planner import time_words as TW
from reelforge.planner.apply_segments import voice_cue
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
    _main_seg,
    _one_shot,
    _only,
    _TRef,
)
from reelforge.timeline.model import (
    AssetKind,
    AudioSegment,
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


# a shot named as the time of a sound change: "mute the music during the first photo", "no music on the last shot"
_RX_SHOT_SPAN_BEFORE = re.compile(r"\b(?:during|on|over|for|from|in|under|while|throughout|across)\s+(?:the\s+)?$")


def _shot_span(c: _Ctx) -> O.Span | None:
    """The time the one shot named after "during / on / for / from …" is on screen (those changes took the
    whole track: "remove the music from the first photo" REMOVED the music)."""
    for r in _find_targets(c):
        if r.target.role is not Role.MAIN or r.target.at_ms is not None or r.more \
                or not _RX_SHOT_SPAN_BEFORE.search(c.t[:r.start]):
            continue
        if (seg := _main_seg(c, r.target)) is not None and seg.end - seg.start < c.tl.duration:
            return O.Span(start_ms=seg.start, end_ms=seg.end)
    return None


def _audio_span(c: _Ctx) -> O.Span | None:
    """A stated range of time for an audio change ("for the last 5 seconds", "from 0:10 to 0:15",
    "前3秒", "during the first photo"); None when the words name the whole track."""
    if (shot := _shot_span(c)) is not None:
        return shot
    r = TW.parse_time_range(c.t, c.tl.duration)
    if r is None or not r.explicit:
        # "lower the music at the start", "louder at the end", "开头音乐小一点": the opening (the title
        # there, else the first shot) or the ending (the call to action, else the last shot); it
        # changed the whole track
        return _opening_or_ending(c)
    if r.kind not in (TW.RangeKind.SPAN, TW.RangeKind.START, TW.RangeKind.END, TW.RangeKind.AFTER, TW.RangeKind.POINT):
        return None
    if r.kind is TW.RangeKind.POINT and not _has(r"\bfor\s+\S+\s*(?:s|secs?|seconds?)\b|持续|秒钟", c.t):
        return None
    if r.start_ms <= 0 and r.end_ms >= c.tl.duration:
        return None
    return O.Span(start_ms=r.start_ms, end_ms=r.end_ms)


def _opening_or_ending(c: _Ctx) -> O.Span | None:
    if _has(_REMOVE + r"|\bsilence\b|静音", c.t) and not _has(r"\b(?:volume|level)\b", c.t):
        return None  # "remove the music at the end" asks which is meant; "add 2 seconds of silence at the start"
    during = re.search(r"\b(?:when|while|during)\s+the\s+(?P<w>title|call\s+to\s+action|cta|ending\s+text)\b|"
                       r"(?P<z>标题|行动号召)(?:出现|显示)的?时候", c.t)
    if during:  # "drop the music volume when the title shows": while it is on screen
        role = Role.TITLE if (during.group("w") or during.group("z")) in ("title", "标题") else Role.CTA
        shown = [s for _, s in c.text_segs(role)]
        if shown:
            return O.Span(start_ms=shown[0].start, end_ms=shown[0].end)
    start = _has(r"\b(?:at|in|during)\s+the\s+(?:very\s+)?(?:start|beginning|opening|intro)\b|开头|一开始|片头", c.t)
    end = _has(r"\b(?:at|in|during|towards)\s+the\s+(?:very\s+)?(?:end|ending|finish|outro)\b|结尾|最后|片尾", c.t)
    if start == end:
        return None
    main = c.main_segs()
    texts = [s for _, s in c.text_segs(Role.TITLE if start else Role.CTA)]
    if start:
        lo, hi = 0, texts[0].end if texts and texts[0].start == 0 else (main[0].end if main else 3000)
    else:
        lo = texts[-1].start if texts and texts[-1].end == c.tl.duration else (main[-1].start if main else c.tl.duration - 3000)
        hi = c.tl.duration
    lo, hi = max(0, lo), min(c.tl.duration, hi)
    if hi - lo < 500 or hi - lo >= c.tl.duration:
        return None
    c.notes.append(f"{'开头' if start else '结尾'}：{lo / 1000:g}-{hi / 1000:g}秒；也可以说具体时间，例如“前5秒”。" if c.zh else
                   f"{'The opening' if start else 'The ending'}: {lo / 1000:g}-{hi / 1000:g}s; say a time for another, "
                   f"e.g. 'for the {'first' if start else 'last'} 5 seconds'.")
    return O.Span(start_ms=lo, end_ms=hi)


_MUSIC_ONLY = (r"^(?:(?:please|just|i\s+want|keep)\s+)?(?:the\s+)?(?:background\s+)?music\s+only$|^(?:just|only)\s+(?:keep\s+)?(?:the\s+)?"
               r"(?:background\s+)?music$|^(?:keep\s+)?only\s+the\s+music$|^只(?:要|留|保留|用|放)(?:背景)?音乐$")


def _h_music_track(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if _has(_MUSIC_ONLY, t):  # "music only", "只要音乐": the voiceover goes, the music stays
        if c.tl.track(Role.VOICE) is None:
            raise _Cannot("没有旁白，本来就只有音乐" if c.zh else "there is no voiceover: the music is all there is")
        return _remove_voice(c)
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
            _silent_start_note(c, role, span)
            return [O.SetVolume(role=role, volume=0.0, span=span)]  # type: ignore[arg-type]
        vague = TW.parse_time_range(t, c.tl.duration)
        if vague is not None and vague.kind is TW.RangeKind.POINT and _has(r"\bcut\b", t) and 0 < vague.start_ms < c.tl.duration:
            return [O.SetAudioTiming(role=role, end_ms=vague.start_ms)]  # type: ignore[arg-type]  # "cut the music at 20s"
        if vague is not None and vague.kind is not TW.RangeKind.ALL:
            # "remove the music at the end" names a part, not the track: never delete more than asked
            word = "背景音乐" if role == "music" else "旁白"
            if c.zh:
                raise _Ambiguous(f"是删除整条{word}，还是只在一段时间里静音？例如说“最后5秒{word}静音”或“去掉{word}”。")
            word = "music" if role == "music" else "voiceover"
            raise _Ambiguous(f"Remove the whole {word} track, or silence it for part of the video? Say e.g. "
                             f"'mute the {word} for the last 5 seconds' or 'remove the {word}'.")
        return [O.RemoveTrack(role=Role.MUSIC)] if role == "music" else _remove_voice(c)
    if (back := _back(c, role)) is not None:
        return back
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
    if role == "music" and _has(r"换个?(?:开始的?地方|起点|开头|位置开始)|(?:开始的?地方|起点)换", t):
        # "音乐换个开始的地方 前面太安静了 从20秒开始": where in the song it starts, not another song
        if m := re.search(r"从\s*(?:第\s*)?(?P<n>\d{1,3}(?:\.\d+)?)\s*秒", t):
            return [O.SetAudioTiming(role="music", from_ms=int(float(m.group("n")) * 1000))]
        raise _Cannot("从歌的第几秒开始？例如“音乐从第20秒开始播”" if c.zh else "from which point of the song? e.g. 'play the music from 0:20'")
    if role == "music" and _has(r"\b(?:replace|swap|switch|change|use|set|try|add|put|play)\b|换成|换|替换|改用|用|加上?|添加|配上|当|作为|做", t):
        asset = _find_asset(c, t, (AssetKind.AUDIO, AssetKind.VIDEO))
        playing = asset is not None and c.tl.track(Role.MUSIC) is not None and any(
            getattr(s, "src", None) == asset.id for s in c.tl.track(Role.MUSIC).segments)
        if (playing and _has(r"\b(?:replace|swap|switch|change|use|set|try)\b|换成|替换|改用|用|当|作为|做", t)
                and not TW.find_durations(t) and not _has(r"\d\s*:\s*\d|\d\s*%|百分|db|分贝|" + _LOUDER + "|" + _QUIETER, t)):
            # "use bgm.mp3 as the music" when it plays; "play the song from 0:03" is a timing
            raise _Cannot(f"'{asset.name}' is already the music")  # "音乐换成music.mp3" when it plays
        if asset is not None and not playing:
            out: list[O.Op] = [O.ReplaceMusic(asset_id=asset.id)]
            pct = P.parse_percent(t)  # "add background music music.mp3 at 25%"
            if pct is not None and 0 <= pct <= 4:
                out.append(O.SetVolume(volume=round(pct, 4)))
            return out
        if _has(r"\b(?:replace|swap|switch|another|different|new)\b|换成|换一首|替换|换", t) and not _has(r"\d\s*%|百分|db|分贝|" + _LOUDER + "|" + _QUIETER, t):
            raise _Cannot("which music? add the audio file to the project first, then say e.g. 'use jazz.mp3 as the music'")
    if role == "music" and _has(_MUSIC_FEEL, t) and _has(_LOUDER + "|" + _QUIETER, t):
        # "music is a bit loud and kinda cheesy": the level changes; the feel is said to stay (only it was answered)
        c.notes.append("音乐的风格不会改变：它就是你给的音频文件。" if c.zh else
                       "The music's feel stays: it is the track you gave (add another and say 'use song.mp3 as the music').")
    if role == "music" and _has(_MUSIC_FEEL, t) and not _has(r"\d\s*%|百分|db|分贝|" + _LOUDER + "|" + _QUIETER, t):
        # "use more upbeat music", "make the music happier", "the music is too sad": a feel is not a level
        # or a file, and no music is chosen or changed by its feel here
        used = {getattr(s, "src", None) for tr in c.tl.tracks for s in tr.segments}
        free = [a.name for a in c.library if a.kind is AssetKind.AUDIO and a.id not in used]
        if c.zh:
            raise _Cannot("音乐就是你给的音频文件，不会按感觉挑选或改变；" +
                          (f"项目里还有{free[0]}：说“把背景音乐换成{free[0]}”" if free else
                           "把想要的音乐文件加入项目，再说例如“把背景音乐换成song.mp3”"))
        raise _Cannot("the music is the track you gave: reelforge does not pick or change music by its feel; " +
                      (f"the project also has {free[0]}: say 'use {free[0]} as the music'" if free else
                       "add the track you want to the project, then say e.g. 'use song.mp3 as the music'"))
    return None


def _pieces(c: _Ctx, role: str) -> list[AudioSegment]:
    """The pieces of a sound track ("music", "voice") in time order."""
    return sorted((s for tr in c.tl.tracks_by_role(Role(role)) for s in tr.segments), key=lambda s: s.start)


def _no_track(c: _Ctx, role: str) -> _Cannot:
    """The refusal for a sound track the video does not have yet."""
    if c.zh:
        return _Cannot(f"视频里还没有{'背景音乐' if role == 'music' else '旁白'}")
    return _Cannot(f"there is no {'music' if role == 'music' else 'voiceover'} in this video yet")


_BACK = (r"\bbring\b.{0,25}\bback\b|\b(?:restore|unmute)\b|\bback\s+on\b|\bturn\b.{0,20}\bback\s+on\b|"
         r"\b(?:play|run|go|keep\s+going|continue|last)\w*\b.{0,25}\b(?:to|till|until|through)\s+(?:the\s+)?(?:very\s+)?end\b|"
         r"恢复|加回来|取消静音|一直(?:放|播放?)到(?:最后|结尾)|放到(?:最后|结尾)")


def _back(c: _Ctx, role: str) -> list[O.Op] | None:
    """"bring the music back", "unmute the music", "let the music play to the end", "恢复背景音乐": a
    track that is there but silenced for a while or stopped early plays again (at its level elsewhere),
    on to the end; one playing throughout is said so. None: no such words, or no such track (adding one
    is another rule's)."""
    if not _has(_BACK, c.t):
        return None
    segs = _pieces(c, role)
    if not segs:
        return None
    r: Any = role
    heard = [s.volume for s in segs if s.volume > 0]
    level = sorted(heard)[len(heard) // 2] if heard else (0.3 if role == "music" and c.tl.track(Role.VOICE) else 0.8)
    ops: list[O.Op] = [O.SetVolume(role=r, volume=level, span=O.Span(start_ms=s.start, end_ms=s.end))
                       for s in segs if s.volume == 0]
    if segs[-1].end < c.tl.duration - 100 and (role == "music" or _has(r"\bend\b|最后|结尾", c.t)):
        ops.append(O.SetAudioTiming(role=r, end_ms=c.tl.duration))
    if ops:
        return ops
    word = ("背景音乐" if role == "music" else "旁白") if c.zh else ("music" if role == "music" else "voiceover")
    span = f"{segs[0].start / 1000:g}-{segs[-1].end / 1000:g}s"
    raise _Cannot(f"{word}已经在{span}播放，音量{round(level * 100)}%" if c.zh else
                  f"the {word} already plays {span} at {round(level * 100)}%")


_MUSIC_FEEL = (r"\b(?:upbeat|happier|happy|mellow(?:er)?|calm(?:er)?|chill(?:er|y)?|relaxing|relaxed|energetic|epic|"
               r"dramatic|sad(?:der)?|cheerful|lively|livelier|uplifting|moodier|moody|jazzier|funkier|groovier|"
               r"dancier|emotional|inspiring|inspirational|romantic|spooky|festive|cinematic|sadness|boring|cheesy|"
               r"annoying)\b|欢快|轻松|舒缓|激昂|动感|伤感|悲伤|热闹|抒情|浪漫|安静一点的|节奏感")


_TALKS = (r"\b(?:when|while|whenever|during|under|as)\b.{0,30}(?:\bvoice|\bnarrat|\bvo\b|\bspeak|\bspeech|\btalk|"
          r"\bdialog|\bsomeone\s+(?:is\s+)?(?:speak|talk)|\bpeople\s+(?:speak|talk))")
_ZH_TALKS = r"(?:人声|说话|旁白|配音|讲话|解说|口播|有人说).{0,6}(?:时|的时候|期间|那里)"
_DEEPER = r"\b(?:more|deeper|harder|further|stronger|heavier|lower|quieter|softer|much|even)\b|更|再|多|小|低|轻"
_LIGHTER = r"\b(?:less|lighter|softer\s+ducking|gentler|not\s+as\s+much|not\s+so\s+much|a\s+bit\s+less)\b|少一点|轻一点|别压那么|不要压那么"
DUCK_STEP = 1.5


def _h_duck(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    talks = (_has(_MUSIC, t) and (_has(_ZH_TALKS, t) if c.zh else _has(_TALKS, t))
             and _has(r"\b(?:quieter|softer|less\s+loud|not\s+so\s+loud|more|further|deeper|even\s+lower|lower\s+still)\b|"
                      # "the music is too loud when she talks": under the voice (it lowered all of it)
                      r"\b(?:too|so|way|really|a\s+bit)\s+loud\b|\bdrown\w*|\boverpower\w*|太大|太吵|太响|"
                      # "lower the music when someone speaks" on music already ducked: further (it changed nothing)
                      r"\b(?:lower|reduce|down|dip|drop)\b|压低|降低|调低|小|轻|更|再|"
                      # "make the music go away completely when I'm talking": all the way down under the voice
                      r"\b(?:go\s+away|disappear|drop\s+out|cut\s+out|vanish|go\s+silent|stop)\b|完全没有|完全听不到|停掉", t))
    if not talks and not _has(r"\bduck(?:s|ed|ing)?\b|闪避|避让|ducking|(?:人声|说话|旁白|配音).{0,6}(?:时|的时候).{0,6}(?:压低|降低|调低).{0,4}(?:音乐|背景音乐)|(?:压低|降低).{0,4}(?:音乐|背景音乐).{0,8}(?:人声|说话|旁白)|lower\s+the\s+music\s+(?:when|while|under)(?!\s+the\s+(?:title|cta|call\s+to\s+action|ending|logo))", t):
        return None
    off = _has(r"\b(?:no|don'?t|do\s+not|stop|disable|turn\s+off|without|never)\b.{0,12}duck|\bduck(?:ing)?\s+off\b|不要.{0,4}(?:闪避|避让|压低)|关闭.{0,4}(?:闪避|避让)|取消.{0,4}(?:闪避|避让)", t) \
        or _has(_REMOVE + r".{0,12}\bduck", t)  # "remove the duck", "get rid of the ducking" turned it ON
    if off:
        return [O.SetDuck(on=False, span=_audio_span(c))]
    music = [s for tr in c.tl.tracks_by_role(Role.MUSIC) for s in tr.segments]
    ducked = [s for s in music if s.duck]
    now = max((s.duck_depth for s in ducked), default=1.0)
    lighter = _has(_LIGHTER, t)
    deeper = talks or (not lighter and _has(r"\bduck\w*\b.{0,20}(?:" + _DEEPER + r")|\b(?:more|deeper|harder|stronger|heavier)\s+duck", t)) \
        or (c.zh and _has(r"(?:闪避|避让|压低).{0,6}(?:更|再|多)|(?:更|再|多)\S{0,2}(?:闪避|避让|压低)", t))
    if lighter and ducked:
        depth = max(0.5, round(now / DUCK_STEP, 2))
        return [O.SetDuck(on=True, depth=depth, span=_audio_span(c))]
    if music and talks and _has(r"\b(?:completely|fully|totally|entirely|altogether|all\s+the\s+way|go\s+away|disappear|"
                                r"drop\s+out|cut\s+out|vanish|go\s+silent)\b|完全|彻底", t):
        if now >= 4.0:
            raise _Cannot("人声时音乐已经压到最低了" if c.zh else "the music already steps back as far as it can under the voice")
        return [O.SetDuck(on=True, depth=4.0, span=_audio_span(c))]  # as far as it goes
    if deeper and music and (ducked or not talks):
        # "duck the music more", "make the music quieter when the voice talks" (already ducked): further
        # under the voice, the music's level elsewhere kept
        depth = min(4.0, round(now * DUCK_STEP, 2))
        if depth == now:
            raise _Cannot("the music already steps back as far as it can under the voice; say e.g. 'music to 20%' "
                          "to lower all of it" if not c.zh else "人声时音乐已经压到最低了；可以说“背景音乐调到20%”整体调小")
        return [O.SetDuck(on=True, depth=depth, span=_audio_span(c))]
    return [O.SetDuck(on=True, span=_audio_span(c))]


def _h_sound_effects(c: _Ctx) -> list[O.Op] | None:
    """"add a whoosh sound on transitions", "加点音效", "make the voice echo", "remove background noise":
    said plainly (it answered that the crossfades already were, or fitted the video to the voice)."""
    if _has(_MUTE_WORD + r"|\bno\s+sound\b|(?:声音|原声)去掉|去掉(?:声音|原声)", c.t):
        return None  # "mute the drone clip the wind noise is awful": the noise is why, muting is what
    if _has(r"\bkeep\s+the\s+(?:buzz|buzzing|hum|noise|sound|sounds|audio)\b", c.t) and len(c.count("video")) == 1 \
            and not _has(_VOICE + "|" + _MUSIC + r"\s+(?:sound|audio)", c.t.split("under")[0]):
        return None  # "keep the buzz from the machine, its part of the vibe": the one clip's own sound
    if _has(r"\bturn\s+(?:that|it|this|them)\s+off\b|\bkeep\s+(?:the|its|that)\b", c.t) and (any(
            (seg := _main_seg(c, r.target)) is not None and c.asset_kind(seg) == "video" for r in _find_targets(c))
            or _has(r"\b(?:video|clip|footage)\b", c.t) and len(c.count("video")) == 1):
        return None  # "the drone video has a buzzing noise, turn that off": that clip's own sound off
    if _has(r"\b(?:echo|echoes|reverb|autotune|auto-tune|(?:change|lower|raise)\s+the\s+pitch|pitch\s+(?:up|down|shift)|chipmunk|robot(?:ic)?\s+voice|voice\s+changer|"
            r"(?:background\s+)?noise|hiss|hum|humming|buzz|buzzing|denoise|noise\s+reduction|equali[sz]e|eq|bass\s+boost)\b|"
            r"回声|混响|降噪|噪音|杂音|变声|电流声|底噪|"
            # "能不能把老板的声音弄年轻一点" (it read 轻一点 as quieter)
            r"(?:声音|嗓音|人声|口播|配音|旁白)(?:弄|变|调|处理)?得?(?:更)?(?:年轻|年纪小|老成|深沉|低沉|磁性|好听|甜美?)", c.t):
        raise _Cannot("还没有声音效果（回声、混响、降噪、变声）；可以换一个处理好的录音" if c.zh else
                      "sound effects on a recording (echo, reverb, noise reduction, pitch) are not available yet; "
                      "use a recording that already has them")
    if not _has(r"\b(?:whoosh|swoosh|swish|sound\s+effects?|sfx|ding|pop\s+sounds?|click\s+sounds?|camera\s+shutter)\b|音效|嗖", c.t):
        return None
    if _has(r"\b(?:compared\s+to|than|over|under|drowns?|drowned|drowning|covers?|louder|quieter)\b", c.t):
        return None  # "vo is kinda quiet compared to the boss sfx": the clips' own sound, a level to change
    raise _Cannot("还没有音效库；可以把音乐或旁白换成你的音频文件" if c.zh else
                  "sound effects are not available yet (no sound library comes with reelforge); the music and the "
                  "voiceover can be any sound file you add")


def _h_sound_speed(c: _Ctx) -> list[O.Op] | None:
    """"the voiceover is too fast", "make the music slower", "旁白语速太快": a recording plays at its own speed;
    said plainly (it fitted the video to the voiceover)."""
    t = c.t
    role = _audio_role(t)
    if role not in ("music", "voice") or _find_targets(c) or not _has(
            r"\btoo\s+(?:fast|quick|slow)\b|\b(?:slow|speed)\s+(?:it\s+|the\s+\w+\s+)?(?:down|up)\b|\b(?:slower|faster)\b|"
            r"\bspeed\b|\btempo\b|语速|太快|太慢|放慢|加快|慢一点|快一点", t) or _has(_MUSIC_FEEL, t):
        return None  # "音乐欢快一点": a feel, not a speed
    if _has(r"\bfad\w*|淡入|淡出|\b(?:starts?|comes?\s+in)\b|开始|进来|\b(?:volume|louder|quieter)\b|音量", t):
        return None  # a faster fade, music coming in sooner: not the recording's speed
    word = "旁白" if role == "voice" else "背景音乐"
    raise _Cannot(f"只有视频片段能变速：{word}按录制的速度播放；可以换一个录音，或说“按旁白长度”让画面配合它" if c.zh else
                  f"only video clips change speed: the {'voiceover' if role == 'voice' else 'music'} plays at the speed "
                  "it was recorded; use another recording, or say 'fit the video to the voiceover' to time the pictures to it")


# a verb that moves shots: a clause with one is about them, whatever a file's name says ("skin fade")
SHOT_VERB = r"\b(?:swap|switch|exchange|move)\b"


def _h_fade(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    role = _audio_role(t)
    if role in ("music", "voice") and _has(r"\b(?:abrupt(?:ly)?|sudden(?:ly)?|cuts?\s+off|stops?\s+dead)\b|突然|戛然而止|生硬", t):
        # "the music ends too abruptly", "音乐结束得太突然": a longer fade-out (it faded the picture)
        return [O.SetFade(role=role, fade_out_ms=3000)]  # type: ignore[arg-type]
    if not _has(r"\bfad(?:e|es|ing)\b|淡入|淡出|渐入|渐出|渐强|渐弱", t) or _has(SHOT_VERB, t):
        return None  # ("swap the skin fade close up with the 2nd pic": a file's name says "fade")
    if _has(r"cross[\s-]?fade|through\s+black|to\s+black|between|transition|转场|过渡|黑场|切换", t):
        return None
    if _has(r"\b(?:hard\s+)?cuts\b|\bhard\s+cut\b|硬切", t) and _audio_role(t) is None:
        return None  # "cuts instead of fades": the transitions
    if _audio_role(t) is None and _has(r"\b(?:titles?|captions?|subtitles?|texts?|cta|call[\s-]to[\s-]action|words)\b|"
                                       r"标题|字幕|文字|文案|行动号召", t):
        return None  # "add the title 'Sale' fading in slowly": the text's fade (it faded the MUSIC in)
    role = _audio_role(t) or "music"
    if role == "main":
        return None
    ms = None
    durs = TW.find_durations(t)
    if durs:
        ms = durs[0].ms
    if _has(r"\bno\s+fades?\b(?![\s-]?(?:in|out)\b)|\bwithout\s+(?:a\s+)?fades?\b(?![\s-]?(?:in|out)\b)|"
            r"\bremove\s+the\s+fades?\b(?![\s-]?(?:in|out)\b)|不要淡(?![入出])|去掉淡(?![入出])|取消淡(?![入出])", t):
        return [O.SetFade(role=role, fade_in_ms=0, fade_out_ms=0)]  # type: ignore[arg-type]
    if _has(_REMOVE + r".{0,12}\bfade[\s-]?(?:in|out)\b|\bno\s+fade[\s-]?(?:in|out)\b|去掉淡[入出]|不要淡[入出]", t):
        # "kill the fade out", "remove the fade-in" made one: that fade goes, the other stays
        out, into = _has(r"\bfade[\s-]?out\b|\band\s+out\b|淡出", t), _has(r"\bfade[\s-]?in\b|淡入", t)
        if out and into:  # "不要淡入淡出", "remove the fade in and out": both
            return [O.SetFade(role=role, fade_in_ms=0, fade_out_ms=0)]  # type: ignore[arg-type]
        return [O.SetFade(role=role, **({"fade_out_ms": 0} if out else {"fade_in_ms": 0}))]  # type: ignore[arg-type]
    obj = r"fade\s+(?:it|them|the\s+(?:background\s+)?(?:music|song|bgm|voice\w*|audio|sound|narration))\s+"
    both = _has(r"\bin\s+and\s+out\b|\bout\s+and\s+in\b|淡入淡出", t)
    fin = both or _has(rf"fad(?:e|es|ing)\s*[-]?\s*in\b|{obj}in\b|fade\s*up|淡入|渐入|渐强", t)
    fout = both or _has(rf"fad(?:e|es|ing)\s*[-]?\s*out\b|{obj}out\b|fade\s*down|淡出|渐出|渐弱|\bat\s+the\s+end\b", t)
    if not fin and not fout:
        fin = fout = True
    rng = TW.parse_time_range(t, c.tl.duration)
    if fout and not fin and rng is not None and rng.kind is TW.RangeKind.SPAN:
        # "fade out the music from 20 to 25 seconds": the fade over that span, silent after it
        end = max((s.end for s in _pieces(c, role)), default=0)
        stop: list[O.Op] = [O.SetAudioTiming(role=role, end_ms=rng.end_ms)] if rng.end_ms < end else []  # type: ignore[arg-type]
        return [*stop, O.SetFade(role=role, fade_out_ms=min(rng.end_ms - rng.start_ms, FADE_MAX_MS))]  # type: ignore[arg-type]
    at = re.search(rf"\b(?:at|from|after|starting\s+at)\s+(?:the\s+)?({TW.TV})(?:\s+mark)?|(?:在|从)?第\s*({TW.ZTV})(?:开始|起)?", t)
    if fout and not fin and at is not None and (when := TW.tv(at.group(1) or at.group(2))) is not None:
        # "fade the music out at 25 seconds", "音乐在第25秒淡出": the fade starts then and lasts to the
        # track's end (it was a 25 s fade)
        segs = _pieces(c, role)
        end = max((s.end for s in segs), default=0)
        if not segs or not 0 < when < end:
            raise _Cannot(f"{'背景音乐' if role == 'music' else '旁白'}在第{end / 1000:g}秒结束" if c.zh else
                          f"the {'music' if role == 'music' else 'voiceover'} ends at {end / 1000:g}s")
        fade = min(end - when, FADE_MAX_MS)
        c.notes.append(f"从第{(end - fade) / 1000:g}秒淡出到第{end / 1000:g}秒。" if c.zh else
                       f"It fades out from {(end - fade) / 1000:g}s to {end / 1000:g}s.")
        return [O.SetFade(role=role, fade_out_ms=fade)]  # type: ignore[arg-type]
    if ms is None and (step := _fade_step(t)):
        # "fade out faster", "the music fade is too long", "淡出慢一点": from the fade there is (it set 2 s)
        track = c.tl.track(Role(role))
        seg = track.segments[0] if track and track.segments else None
        if seg is None:
            return None
        def scaled(now: int) -> int | None:
            if not now:
                return 2000 if step > 1 else None  # no fade to shorten
            return max(FADE_MIN_MS, min(FADE_MAX_MS, round(now * step / 100) * 100))
        fade_in, fade_out = scaled(seg.fade_in_ms) if fin else None, scaled(seg.fade_out_ms) if fout else None
        if fade_in is None and fade_out is None:
            raise _Cannot("没有淡入淡出可以缩短" if c.zh else "there is no fade to shorten")
        return [O.SetFade(role=role, fade_in_ms=fade_in, fade_out_ms=fade_out)]  # type: ignore[arg-type]
    pieces = _pieces(c, role)
    longest = min([FADE_MAX_MS, *(s.duration // 2 for s in pieces[:1] + pieces[-1:])])  # (as applied: half a piece)
    if ms is not None and ms > longest:  # "fade in 999999 seconds" was answered "fade-in 999999s" (it made 7.5 s)
        half = longest < FADE_MAX_MS
        c.notes.append((f"淡入淡出为{longest / 1000:g}秒：" + ("最长为音轨长度的一半。" if half else "这是最长的。")) if c.zh else
                       f"The fade is {longest / 1000:g} s: " + ("half the track's length, the most it can be."
                                                                if half else "the longest a fade can be."))
        ms = longest
    return [O.SetFade(role=role, fade_in_ms=(ms or 2000) if fin else None,  # type: ignore[arg-type]
                      fade_out_ms=(ms or 2000) if fout else None)]


FADE_MIN_MS, FADE_MAX_MS = 300, 10_000


def _fade_step(t: str) -> float | None:
    """How a fade is asked to change without a length: 0.5 (shorter: "faster", "too long") or 2.0
    (longer: "slower", "too abrupt", "more gradual"), else None."""
    if _has(r"\btoo\s+(?:fast|quick|short|abrupt|sudden)\b|\b(?:slower|longer|gentler|softer|more\s+gradual|smoother)\b|"
            r"太快|太短|太突然|慢一点|慢点|长一点|长点|缓一点", t):
        return 2.0
    if _has(r"\btoo\s+(?:slow|long|gradual)\b|\b(?:faster|quicker|shorter|snappier)\b|太慢|太长|快一点|快点|短一点|短点", t):
        return 0.5
    return None


_RX_THAN_MUSIC = re.compile(r"\b(?:louder|quieter|softer)\s+than\s+(?:the\s+)?(?:background\s+)?(?:music|song|bgm|soundtrack)\b")


def _h_volume(c: _Ctx) -> list[O.Op] | None:
    # "can they be a bit louder than the music": the music is what they are weighed against (it was turned up)
    than = _RX_THAN_MUSIC.search(c.t)
    said = c.t[:than.start()] + c.t[than.end():] if than else c.t
    if than and _audio_role(said) is None and _clip_named(c) is None:
        raise _Ambiguous("哪个声音要比音乐大：旁白，还是某个视频片段自己的声音（例如“片段声音大一点”）？" if c.zh else
                         "which sound should be louder than the music: the voiceover, or a clip's own sound (say e.g. "
                         "'the clip louder' or 'music quieter during the clip')?")
    clip = _clip_named(c) if _audio_role(said) is None and _has(_LOUDNESS, c.t) else None
    if clip is not None:
        # "make the testimonial louder", "the interview clip is too quiet": that clip's own sound
        ops = _volume(c, role="main")
        return [o.model_copy(update={"target": clip}) if isinstance(o, O.SetVolume) else o for o in ops or ()] or ops
    ops = _volume(c)
    if not ops:
        return ops
    span = _audio_span(c)
    if span is None:
        return ops
    if any(isinstance(o, O.SetVolume) and o.volume == 0 and o.role in ("music", "voice") for o in ops):
        _silent_start_note(c, next(o.role for o in ops if isinstance(o, O.SetVolume)), span)
    return [o.model_copy(update={"span": span}) if isinstance(o, O.SetVolume) and o.role != "main" else o for o in ops]


def _remove_voice(c: _Ctx) -> list[O.Op]:
    """The voiceover goes, and the captions of what it said with it (`apply_segments.remove_track`): say so."""
    if any(voice_cue(s) for t in c.tl.tracks_by_role(Role.CAPTION) for s in t.segments):
        c.notes.append("它的字幕也一起删除了。" if c.zh else "Its captions went with it.")
    return [O.RemoveTrack(role=Role.VOICE)]


def _silent_start_note(c: _Ctx, role: str, span: O.Span) -> None:
    """Music silent over the video's opening comes in mid-song when the span ends: say so, and how
    to have it begin there instead."""
    if role != "music" or span.start_ms > 0 or span.end_ms >= c.tl.duration:
        return
    at = f"{span.end_ms / 1000:g}"
    c.notes.append(f"音乐在第{at}秒从中间接着响起；要让它在第{at}秒从头开始，可以说“音乐从第{at}秒开始”。" if c.zh else
                   f"The music comes back at {at}s where it has got to; to have it begin at {at}s instead, say "
                   f"'start the music at {at} seconds'.")


_MUSIC_OVER_VOICE = (r"\b(?:music|song|soundtrack|bgm)\b[^,.;]{0,20}\b(?:drowns?|drowning|covers?|covering|overpowers?|"
                     r"overpowering|buries|burying|swamps?|masks?|masking|louder\s+than|over\s*powers?|fighting|fights|"
                     r"competing\s+with|competes\s+with|clashes\s+with|stepping\s+on)\b[^,.;]{0,12}"
                     r"\b(?:voice\w*|narration|narrator|speech|speaker|talking|vocals?)\b|"
                     r"(?:音乐|配乐|背景音乐)[^，,。]{0,6}(?:盖住|盖过|压过|压住|淹没|遮住)了?[^，,。]{0,4}(?:人声|旁白|配音|说话)|"
                     # "旁白有点被音乐盖住了" (not understood)
                     r"(?:人声|旁白|配音|说话)[^，,。]{0,6}被(?:背景音乐|音乐|配乐)(?:盖住|盖过|压过|压住|淹没|遮住)")
_CLEARER = r"\bclearer\b|\bmore\s+clear(?:ly)?\b|\bcrisper\b|\beasier\s+to\s+(?:hear|understand)\b|清楚|清晰|听清"


# how loud, said of a named clip ("make the testimonial louder", "turn the interview down"): not "up" or
# "down" alone ("move the testimonial up" is its place)
_LOUDNESS = (r"\b(?:louder|quieter|softer|volume|too\s+(?:quiet|loud|soft|low)|hard\s+to\s+hear|can'?t\s+(?:really\s+)?hear|"
             r"turn\s+(?:up|down)|turn\s+(?:\w+\s+){1,3}(?:up|down))\b|\d\s*%|大声|小声|音量|声音|调大|调小")


def _clip_named(c: _Ctx) -> O.Target | None:
    """The one video clip with sound the words name ("the testimonial", "the interview clip"), if any;
    a still named alone is refused: it has no sound to make louder ("make the pagoda louder")."""
    for r in _find_targets(c):
        seg = _main_seg(c, r.target)
        if seg is None or r.target.at_ms is not None or r.more:
            continue
        asset = next((a for a in c.tl.assets if a.id == seg.src), None)
        if c.asset_kind(seg) == "video":
            return r.target if asset is None or asset.has_audio else None
        if r.target.name and not _has(r"\b(?:during|on|over|for|in|under|while)\b|时", c.t):
            raise _Cannot(f"{seg.name}是图片，没有声音；背景音乐可以说“音乐大声点”" if c.zh else
                          f"{seg.name} is a still picture: it has no sound of its own; say e.g. 'music louder' or "
                          f"'music louder during {r.target.name}'")
    return None


def _music_said(c: _Ctx) -> str:
    """The clause with the music called by its file's name said "music" ("the piano is fighting her voice" with
    piano soft.mp3 the music: it turned the voiceover down, and there was none)."""
    t = c.t
    if re.search(_MUSIC, t) or (bed := c.tl.track(Role.MUSIC)) is None:
        return t
    names = {a.id: a.name for a in c.tl.assets}
    for seg in bed.segments:
        for word in re.split(r"[^a-z\u4e00-\u9fff]+", names.get(getattr(seg, "src", ""), "").lower().rsplit(".", 1)[0]):
            if len(word) >= 4 and re.search(rf"\b{re.escape(word)}\b", t):
                return re.sub(rf"\b(?:the\s+)?{re.escape(word)}\b", "the music", t, count=1)
    return t


def _volume(c: _Ctx, role: str | None = None) -> list[O.Op] | None:
    t = _music_said(c)
    if _has(r"\bsp(?:ee|e)d(?:ing)?\b|\bfaster\b|\bslower\b|\bslow\s+(?:\w+\s+)?down\b|加速|减速|倍速|快放|慢放", t):
        return None  # "speed up the music" is not louder (the speed rule says what can change speed)
    role = role or _audio_role(t)
    if _has(_MUSIC_OVER_VOICE, t) and c.tl.track(Role.MUSIC) is not None:
        # "the music drowns out the voice", "音乐盖住了人声": the music steps back (it was not understood)
        return [O.SetVolume(role="music", factor=0.5)]
    if (role == "voice" or _has(r"人声", t)) and _has(_CLEARER, t) and not _has(r"\d\s*%|百分之|\bdb\b|分贝", t):
        # "make the voice clearer" / "人声清楚一些": less music under it, as a first cut does
        if c.tl.track(Role.MUSIC) is None:
            return [O.SetVolume(role="voice", factor=1.25)]
        little = _has(r"\ba\s+(?:little|bit|touch)\b|\bslightly\b|一点|一些|稍微|有点|点儿|些", t)
        return [O.SetVolume(role="music", factor=0.7 if little else 0.5)]
    level_word = _has(r"\bvolume\b|\blevel\b|\bgain\b|音量|声音", t)
    timed = TW.parse_time_range(t, c.tl.duration)
    if role is None and (_has(r"\b(?:everything|all\s+(?:the\s+)?(?:audio|sound)|all\s+the\s+tracks|the\s+(?:audio|sound))\b|所有声音|全部声音|全部静音|全都静音", t)
                         or _has(_WHOLE_MUTE, t.strip(" .!。！"))
                         # "最后两秒静音", "silence for the last 2 seconds": every sound in that time
                         or (timed is not None and timed.explicit and not _find_targets(c))) \
            and _has(r"\bmute\b|\bsilence\b|\bsilent\b|\bno\s+sound\b|静音|没有声音|不要声音", t):
        # "mute everything for the first 2 seconds": every audio track there is
        roles = [r for r, role_ in (("music", Role.MUSIC), ("voice", Role.VOICE)) if c.tl.track(role_)]
        return [O.SetVolume(role=r, volume=0.0) for r in roles] or None  # type: ignore[arg-type]
    if role is None and re.search(r"(?:声音|音量)都|(?:所有|全部)的?(?:声音|音量)", t) and not _has(r"静音|关掉|关了|不要", t):
        # "声音都太小了": every sound there is, as "旁白声音太小了" is the voiceover's (not understood)
        every = replace(c, t=re.sub(r"(?:声音|音量)都|(?:所有|全部)的?(?:声音|音量)", "声音", t))
        roles = [r for r, role_ in (("music", Role.MUSIC), ("voice", Role.VOICE)) if c.tl.track(role_)]
        ops = [o for r in roles for o in (_volume(every, r) or [])]
        return ops if len(ops) == len(roles) else None
    # "那就小声点吧" after "背景音乐太土了", "quieter please": how loud alone, said of the one sound there is
    bare = re.fullmatch(r"(?:那就|就|再|还是)?(?:小声|大声|轻)(?:一)?(?:点|些)(?:吧|儿|啊)?|(?:then\s+|ok\s+)?(?:a\s+(?:bit|little)\s+|much\s+)?"
                        r"(?:quieter|louder|softer)(?:\s+then)?(?:\s+please|\s+pls)?|turn\s+it\s+(?:down|up)(?:\s+a\s+bit)?",
                        t.strip(" .!。！").lower()) is not None
    if role is None:
        if not ((level_word or bare) and (_has(_LOUDER + "|" + _QUIETER, t) or bare or P.parse_percent(t) is not None)):
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
    if role != "main" and _has(rf"(?:{_MUSIC}|{_VOICE})\s+(?:is\s+|goes\s+)?off\b|\bmute\b|\bsilence\b|\b(?:turn|switch)\s+(?:\w+\s+){0,3}off\b|\b(?:turn|switch)\s+off\b|静音|关掉|关闭|关了|关上", t):
        span = _audio_span(c) if TW.find_durations(t) else None
        if span is None and TW.find_durations(t) and _has(r"\b(?:start|beginning|first|end|last)\b|开头|开始|结尾|最后", t):
            # "add 2 seconds of silence at the start of the music" muted the whole music
            d = TW.find_durations(t)[0].ms
            end = _has(r"\b(?:end|last)\b|结尾|最后", t)
            span = O.Span(start_ms=max(0, c.tl.duration - d), end_ms=c.tl.duration) if end else \
                O.Span(start_ms=0, end_ms=min(d, c.tl.duration))
        if span is not None:
            _silent_start_note(c, role, span)
            return [O.SetVolume(role=role, volume=0.0, span=span)]  # type: ignore[arg-type]
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
    if pct is not None and _has(r"(?:^|[\s(:=])(?:-|−|minus\s+|负)\s*\d+(?:\.\d+)?\s*(?:%|percent|per\s*cent)", t):
        # "music to -50%" was set to 50 %, louder: a minus says less, by that much
        return [O.SetVolume(role=role, factor=round(max(0.01, 1 - pct), 4))]  # type: ignore[arg-type]
    if pct is not None and not re.fullmatch(r"\s*(?:0?\.\d+|1(?:\.0+)?|0)\s*", t):
        if _has(r"\bby\s+\d+\s*%|\d+\s*%\s+(?:louder|quieter|lower|higher|more|less)|(?:降低|减少|调低|提高|增加|调高|加大)\s*(?:了)?\s*(?:\d+\s*%|百分之)", t):
            up = _has(_LOUDER + r"|\d+\s*%\s+more\b|增加|调高", t)  # "add 20% more music" was quieter
            return [O.SetVolume(role=role, factor=round(1 + pct if up else max(0.01, 1 - pct), 4))]  # type: ignore[arg-type]
        if pct > MAX_GAIN:
            raise _Cannot(f"a track can be at most {MAX_GAIN:.0%} of its own level ({pct:.0%} was asked)")
        return [O.SetVolume(role=role, volume=round(pct, 4))]  # type: ignore[arg-type]
    bare = re.search(r"\b(?:to|at)\s+(\d{1,3})\s*$", t) if role in ("music", "voice") and not TW.find_durations(t) else None
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
    much = _has(r"\b(?:much|a\s+lot|way|far|really|very|right\s+down|all\s+the\s+way\s+down|down\s+low)\b|很多|大幅|非常|"
                r"太(?!吵|大声|响)", t)  # ("turn it right down or off")
    if _has(_QUIETER, t):
        return [O.SetVolume(role=role, factor=0.7 if little else 0.3 if much else 0.5)]  # type: ignore[arg-type]
    if _has(_LOUDER, t):
        return [O.SetVolume(role=role, factor=1.25 if little else 2.0 if much else 1.5)]  # type: ignore[arg-type]
    if _has(r"\b(?:full|normal|original)\s+volume\b|原始音量|正常音量", t):
        return [O.SetVolume(role=role, volume=1.0)]  # type: ignore[arg-type]
    return None


_RECORDING = r"\b(?:screen[\s-]?(?:recording|capture|cast|rec)|screencast|recording|recorded\s+clip)\b|录屏|屏幕录制|录像"
_MUTE_WORD = r"\b(?:mute|unmute|silence)\b|静音|关掉声音|去掉声音|取消静音"


# the whole video's sound off, nothing else named: "mute", "no sound", "静音", "视频静音"
_WHOLE_MUTE = r"^(?:mute(?:\s+(?:it|the\s+(?:whole\s+)?video))?|silent|no\s+sound|(?:视频|全部|整体)?静音|没有声音|不要声音)$"


def _h_clip_audio(c: _Ctx) -> list[O.Op] | None:
    """A video clip's own sound off or back on: "mute the clip", "mute video 2", "mute the street
    clip", "mute the screen recording" (by its file name's words, or by that kind of clip),
    "keep the clip's sound", "把录屏静音"."""
    t = c.t
    refs = _find_targets(c)
    video_refs = [r for r in refs if (seg := _main_seg(c, r.target)) is not None and c.asset_kind(seg) == "video"]
    if not video_refs and refs and all(r.target.name for r in refs) and len(clips1 := c.count("video")) == 1 \
            and _has(r"\b(?:video|clip|footage)\b", t) \
            and _has(r"\b(?:sound|audio|noise|buzz\w*|hum\w*|mute)\b", t):
        # "the drone video has a buzzing noise" beside "finished roof drone.JPG": the one clip, not the photo
        video_refs = refs = [_TRef(O.Target(name=clips1[0].name), 0, 0)]
    recording = _has(_RECORDING, t)
    one_clip_sound = len(c.count("video")) == 1 and _has(r"\bkeep\s+the\s+(?:buzz|buzzing|hum|noise|sound|sounds|audio)\b", t)
    if one_clip_sound and not refs:
        video_refs = refs = [_TRef(O.Target(name=c.count("video")[0].name), 0, 0)]
    clipish = one_clip_sound or _has(_CLIPSOUND, t) or _has(
        # "跳水那段孩子的笑声保留", "工地那段留一点电钻声 显得真实": that clip's own sound kept
        r"(?:那段|这段|那个视频|视频|片段)[\u4e00-\u9fff]{0,8}?(?:声音|原声|[\u4e00-\u9fff]?声)(?:保留|留着|要留|开着|留下)|"
        r"(?:那段|这段|视频|片段)[\u4e00-\u9fff]{0,4}?(?:留|保留)(?:一点|点|一些|着)?[\u4e00-\u9fff]{0,4}?声", t) or (bool(video_refs) and _has(
        r"\b(?:sound|audio|noise|noises|buzz|buzzing|hum|humming)\b.{0,40}\b(?:keep|turn\s+(?:that|it|this)\s+off|mute)\b|"
        r"\b(?:keep|turn\s+(?:that|it|this)\s+off|mute)\b.{0,40}\b(?:sound|audio|noise|buzz|hum)\b", t)) or _has(rf"\b(?:mute|unmute|silence)\b.{{0,30}}\b(?:{_NOUN_VID}|clips?)\b|"
                                          rf"\b(?:clips?|footage)\s*[-–—:,]?\s*(?:no|without)\s+(?:sound|audio)\b|"
                                          rf"\bno\s+(?:\w+\s+){{1,3}}(?:audio|sound)\b(?!\s+effects?)|"
                                          rf"\b(?:no|without)\s+(?:the\s+)?(?:sound|audio)\s+(?:from|of|on)\s+(?:it|that|this|the\s+\w+)\b|\b(?:sound|audio)\s+(?:of|from|in|on)\s+(?:the\s+)?(?:\w+\s+){{0,2}}(?:shot|clip|segment|scene)s?\b|(?:静音|关掉声音|去掉声音).{{0,8}}(?:视频|片段)|(?:视频|片段).{{0,8}}(?:静音|关掉声音|去掉声音|原声|声音(?:关了|关掉|去掉|不要))|(?:那段|这段|那个视频)的?(?:声音|原声)(?:去掉|关掉|关了|关上|关闭|不要|静音|留着|保留|开着)", t)
    if not clipish and not (_has(_MUTE_WORD, t) and (video_refs or recording)):
        return None
    if not clipish and _audio_role(t) in ("music", "voice"):
        return None  # "mute the music for the street clip": the music's level
    if not refs and not recording and not c.count("video") and _has(_WHOLE_MUTE, t.strip(" .!。！")):
        return None  # "视频静音", "mute the video" with stills only: the whole video's sound (`_volume`)
    keep = _has(r"\b(?:keep|unmute|restore|bring\s+back|turn\s+on|with)\b|保留|恢复|打开|开启|取消静音|留着|开着|留下|留(?:一点|点|一些)", t)
    mute = _has(r"\b(?:mute|silence|remove|drop|turn\s+off|turn\s+(?:that|it|this)\s+off|no|without|kill)\b|静音|去掉|关掉|关闭|关了|关上|不要|删除", t)
    if not keep and not mute:
        return None
    target: O.Target | None = None
    clips = c.count("video")
    if video_refs or refs:
        target = (video_refs or refs)[0].target
        if not video_refs and target.index is not None and target.kind in (None, "video") and target.at_ms is None:
            # "mute the second clip", "mute video 2": the video clips are counted (it muted the second SHOT, a
            # photo, and said "Muted the second clip")
            target = O.Target(index=target.index, kind="video")
            n = len(clips)
            if not n:
                raise _Cannot("there are no video clips on the timeline (only stills), so no clip has a sound to turn "
                              "off; the music and voiceover are changed with e.g. 'mute the music'" if not c.zh else
                              "时间线上没有视频片段（只有图片），没有片段的声音可以关掉；背景音乐可以说“音乐静音”")
            if not -n <= target.index < n:
                names = ", ".join(s.name for s in clips[:3])
                raise _Cannot(f"there {'is only one video clip' if n == 1 else f'are only {n} video clips'} ({names}), "
                              f"so there is no {O.ordinal(target.index)} one; say e.g. 'mute {clips[0].name}'"
                              + (" or 'mute the video'" if n == 1 else "") if not c.zh else
                              f"只有{n}段视频片段（{names}），没有第{target.index + 1}段；可以说“{clips[0].name}静音”")
        elif not video_refs and (seg := _main_seg(c, target)) is not None and c.asset_kind(seg) != "video":
            raise _Cannot(f"{seg.name} is a still picture: it has no sound of its own" if not c.zh else
                          f"{seg.name}是图片，没有声音")
    elif recording:
        named = [s for s in clips if re.search(r"screen|record|rec(?:ording)?\b|capture|cast|录屏|录像", s.name.lower())]
        if len(named) == 1:
            target = O.Target(name=named[0].name.lower())
        elif len(clips) == 1:
            target = O.Target(index=0, kind="video")
            c.notes.append(f"只有一段视频片段（{clips[0].name}），就是它。" if c.zh else
                           f"The only video clip is {clips[0].name}: that one.")
        elif not clips:
            raise _Cannot("there are no video clips on the timeline")
        else:
            target = _only(c, "video")  # several and none named so: which one
    elif clips and len(clips) > 1 and _has(r"\b(?:the|this|that)\s+(?:video\s+)?clip\b(?!s)|这段视频|这个视频", t) \
            and not _has(r"\b(?:all|every|each|both)\b|所有|全部", t):
        target = _only(c, "video")  # "mute the clip" with two clips: which one
    return [O.SetClipAudio(target=target, mute=mute and not keep)]


_VOICE_KIND = (r"\b(?:female|male|woman'?s?|man'?s?|women'?s|men'?s|girl'?s?|guy'?s?|lady'?s?|deeper|higher|younger|older|"
               r"british|american|australian|different|another|other|new|better|natural|human|warmer|friendlier)\s+"
               r"(?:voice|narrator|voiceover|voice[\s-]over)\b(?!\s+(?:volume|level|louder|quieter))|\b(?:voice|narrator)\s+(?:be\s+|sound\s+)?(?:a\s+)?"
               r"(?:female|male|woman|man|girl|guy|british|american|deeper|higher)\b|\b(?:accent|gender)\b|女声|男声|女生|男生|换个声音|换个配音|换一个声音")


def _h_voice_kind(c: _Ctx) -> list[O.Op] | None:
    """"make the voice female", "use a male voice", "a british accent", "换个女声": which voice speaks is
    answered (one bundled voice a language; it fitted the video to the voiceover, reading "male" as
    "make")."""
    if not _has(_VOICE_KIND, c.t):
        return None
    if _has(r"那段|这段|那张|这张|视频|片段|镜头|\b(?:clip|shot|pic|photo|picture)\b", c.t) and not _has(r"声音|配音|旁白|口播|\bvoice", c.t):
        return None  # "试戴那个女生那段多放一会儿": the clip with the girl in it, held longer (not a female voice)
    raise _Cannot("配音用每种语言自带的一个声音（英文：Piper的joe，男声）；想要别的声音，请把录好的音频加入项目，"
                  "再说例如“用take2.wav做旁白”" if c.zh else
                  "a spoken voiceover uses the one voice bundled for its language (English: Piper's 'joe', a male "
                  "voice); for another voice, add a recording to the project and say e.g. 'use take2.wav as the voiceover'")


_RX_CAPTIONS_SYNC = re.compile(
    r"\b(?:captions?|subtitles?|subs)\b.{0,30}\b(?:match|sync(?:ed|hed)?|in\s+sync|line\s+up|align(?:ed)?|"
    r"(?:are|is)\s+(?:a\s+bit\s+|way\s+)?(?:late|early|behind|ahead|off|delayed)|out\s+of\s+sync|lag(?:ging)?)\b|"
    r"\b(?:sync|match|align)\s+(?:the\s+)?(?:captions?|subtitles?|subs)\b|字幕.{0,6}(?:对不上|不同步|对齐|同步|慢了|快了)")


def _h_captions_sync(c: _Ctx) -> list[O.Op] | None:
    """"make the captions match the voice", "the captions are out of sync", "captions are late", "字幕对不上":
    the captions made again from the speech, each timed to its words ("match the voice" fitted the VIDEO's
    length to the voiceover; the others were not understood)."""
    if not _RX_CAPTIONS_SYNC.search(c.t):
        return None
    c.notes.append("字幕按旁白重新生成，每条跟着说出的词出现。" if c.zh else
                   "The captions are made again from the speech, each timed to the words it shows.")
    return [O.AutoCaptions()]


_RX_VOICE_CUT_OFF = re.compile(r"\b(?:gets?|is|got|being)\s+cut\s+(?:off|short)\b|\bcuts?\s+(?:her|him|them|me|us)\s+off\b|"
                               r"\b(?:doesn'?t|does\s+not|don'?t)\s+(?:get\s+to\s+)?finish\b|(?:被)?(?:截断|切掉|没说完|没讲完|断掉)了?")


def _h_fit_voice(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    voice = c.tl.track(Role.VOICE)
    if voice and voice.segments and _RX_VOICE_CUT_OFF.search(t) and not _find_targets(c) \
            and _has(rf"(?<![a-z]){_VOICE}(?![a-z])|\b(?:reading|talking|speaking|speech|she|he|they|audio|it)\b|"
                     r"说话|讲话|声音|读", t):
        return [O.FitToVoice()]  # "the reading gets cut off at the end", "旁白被截断了": all of it heard (not understood)
    if _has(rf"\b(?:fit|match|sync|align|adjust|trim|cut|extend|set|make)\b.{{0,40}}(?<![a-z]){_VOICE}(?![a-z])|"
            rf"\bas\s+long\s+as\s+(?:the\s+)?{_VOICE}|\bsame\s+length\s+as\s+(?:the\s+)?{_VOICE}|"
            r"(?:按|根据|配合|匹配|适配|对齐|跟|和|与)\s*(?:旁白|配音|解说)|(?:旁白|配音|解说).{0,6}(?:一样长|等长|长度|对齐)", t):
        if _has(r"\b(?:volume|louder|quieter|%|db)\b|音量|声音大|声音小", t):
            return None
        return [O.FitToVoice()]
    return None


_FIT_MUSIC = (rf"\b(?:fit|match|trim|cut|extend|set|make)\s+(?:the\s+)?(?:whole\s+|entire\s+)?(?:video|length|duration|reel|ad|promo|it)"
              rf"(?:'?s\s+length)?\s+(?:to|with)\s+(?:the\s+)?(?:length\s+of\s+the\s+)?{_MUSIC}|"
              rf"\bas\s+long\s+as\s+(?:the\s+)?{_MUSIC}|\bsame\s+length\s+as\s+(?:the\s+)?{_MUSIC}|"
              rf"\b(?:end|stop|finish)s?\s+when\s+(?:the\s+)?{_MUSIC}\s+(?:ends|stops|finishes)\b|"
              r"(?:按|根据|配合|匹配|跟|和)\s*(?:背景)?音乐(?:的)?(?:长度|时长)|(?:背景)?音乐.{0,6}(?:一样长|等长)")


def _h_fit_music(c: _Ctx) -> list[O.Op] | None:
    """"make the video as long as the song", "fit the video to the music", "end when the music ends",
    "和音乐一样长": the whole video as long as the music plays from where it starts (not understood)."""
    if not _has(_FIT_MUSIC, c.t) or _has(r"\b(?:volume|louder|quieter|beat|beats|cuts?\b.{0,10}\bbeat)|音量|节拍|卡点", c.t):
        return None
    segs = _pieces(c, "music")
    if not segs:
        raise _no_track(c, "music")
    asset = next((a for a in (*c.library, *c.tl.assets) if a.id == segs[0].src), None)
    if asset is None or not asset.duration_ms:
        raise _Cannot("不知道这首音乐有多长" if c.zh else "the music's length is not known")
    length = segs[0].start + asset.duration_ms - segs[0].in_ms
    if abs(length - c.tl.duration) < 100:
        raise _Cannot(f"视频已经和音乐一样长（{length / 1000:g}秒）" if c.zh else
                      f"the video is already as long as the music ({length / 1000:g}s)")
    return [O.SetTotalDuration(duration_ms=length)]


# -- when a sound track plays -----------------------------------------------------------------
_STARTS = (r"\bskip\w*\b|\bbring\b.{0,30}\bin\b|\b(?:start|starts|starting|begin|begins|beginning|come\s+in|comes\s+in|kick\s+in|kicks\s+in|enter|enters"
           r"|drop|drops|play|plays|playing)\b|\bdelay|\bpush(?:ed)?\b[^,.;]{0,30}\b(?:back|later)\b|"
           r"\b(?:put|move|set|have|shift|make)\b[^,.;]{0,30}\b(?:later|earlier|sooner)\b")
_ZH_STARTS = r"开始|进来|进入|响起|出来|出现|播放|放|进|推迟|延后|延迟|往后|晚|提前|早|跳过"
_LATER_BY = rf"({TW.TV})\s+(?:later|after\s+(?:it\s+does\s+)?now)\b|\bdelay\w*\b[^,.;]{{0,40}}?\bby\s+({TW.TV})|\bpush\w*\b[^,.;]{{0,40}}?\bby\s+({TW.TV})"
_EARLIER_BY = rf"({TW.TV})\s+(?:earlier|sooner)\b"
_AT = rf"\b(?:at|after)\s+(?:the\s+)?({TW.TV})(?:\s+mark)?"
_SOURCE = rf"\bfrom\s+({TW.TV})(?:\s+(?:in|into|of)\s+(?:the\s+)?(?:song|track|tune|music|voice[\s-]?over|recording))?|\bskip\w*\s+(?:the\s+)?first\s+({TW.TV})"


def _title_end(c: _Ctx) -> int | None:
    """Where the opening title leaves the screen (None: no title at the start)."""
    ends = [s.end for r, s in c.text_segs(Role.TITLE) if s.start <= 500]
    return max(ends) if ends else None


def _h_audio_timing(c: _Ctx) -> list[O.Op] | None:
    """When the music or the voiceover plays: "start the music at 5 seconds", "delay the voiceover
    by 1 second", "music should come in after the title", "start the song from 0:30",
    "skip the first 10 seconds of the music", "音乐从第5秒开始", "旁白晚一秒", "跳过音乐前10秒"."""
    t = c.t
    role = _audio_role(t)
    if role == "voice" and voice_word_is_a_clip(c):
        return None  # "口播放第一个": the clip 口播.mp4 goes first (it started the voiceover at 1 s)
    if role == "music" and _RX_AFTER_TALK.search(t) and (after := _talking_clip(c)) is not None:
        # "can the music not start until dana finishes talking": after the clip that speaks (not understood)
        if after.end >= c.tl.duration - 1000:
            raise _Cannot(f"{after.name}在结尾，音乐在它之后就没有时间了；可以先把它放到最前面" if c.zh else
                          f"{after.name} plays until the end, so the music would not be heard at all; put it first "
                          f"(e.g. 'put {after.name} first') and ask again")
        return [O.SetAudioTiming(role="music", start_ms=after.end)]
    if (song := _RX_SONG_POINT.search(t)) and role in (None, "music") and _pieces(c, "music"):
        # "chorus actually hits at 1:04", "use the song from the chorus (starts ~1:02)", "音乐从副歌1:04开始":
        # a point in the song, where the music plays from (it was not understood, or started the music at 64 s)
        said = song.group("tv") or song.group("tv2") or song.group("tv3") or (song.group("tv4") or "").replace("：", ":")
        ms = TW.parse_time_value_ms(said) if said else \
            (int(song.group("zm") or 0) * 60 + int(song.group("zms") or song.group("zs") or 0)) * 1000
        music = next((a for a in c.tl.assets if a.id == _pieces(c, "music")[0].src), None)
        if ms is not None and (music is None or not music.duration_ms or ms < music.duration_ms):
            # "music should hit the drop at the boss fight, drop is at 1:05": that point lands where the shot starts
            hit = re.search(r"\b(?:hit|hits|land|lands|line\s+up|lines\s+up|sync)\b.{0,30}?\b(?:at|on|with|when)\s+(?P<s>.+?)"
                            r"(?:\s+(?:starts?|begins?|comes\s+in))?\s*(?:[,;.]|$)", t)
            at = next((x for f in _find_targets(c, hit.group("s"), hit.start("s")) for x in f.all), None) if hit else None
            seg = _main_seg(c, at) if at is not None else None
            if seg is not None and seg.start:
                return [O.SetAudioTiming(role="music", start_ms=0, from_ms=ms - seg.start) if ms >= seg.start else
                        O.SetAudioTiming(role="music", start_ms=seg.start - ms, from_ms=0)]
            return [O.SetAudioTiming(role="music", from_ms=ms)]
    if role not in ("music", "voice"):
        return None
    if _has(r"\bfad(?:e|es|ing)\b|淡入|淡出|\b(?:volume|level|louder|quieter|softer)\b|音量|大声|小声|%", t):
        return None  # a fade or a level over a range of time, not a move
    if (window := _window(c, role)) is not None:
        return [window]
    if not (_has(_ZH_STARTS, t) if c.zh else _has(_STARTS, t)):
        return None
    pieces = _pieces(c, role)
    if not pieces:
        raise _no_track(c, role)
    first = pieces[0]
    now = first.start
    op = _zh_audio_timing(c, role, first) if c.zh else _en_audio_timing(c, role, first)
    if op is None:
        return None
    source = next((a for a in c.tl.assets if a.id == first.src), None)
    if role == "music" and op.start_ms is not None and op.start_ms >= c.tl.duration and source is not None \
            and (source.duration_ms or 0) > op.start_ms:
        # "start the music at 1:04" in a 15 s video: from there in the song (it would start after the end)
        c.notes.append(f"视频只有{c.tl.duration / 1000:g}秒，所以音乐从歌曲的第{op.start_ms / 1000:g}秒开始播放。" if c.zh else
                       f"The video is {c.tl.duration / 1000:g} s long, so the music plays from {op.start_ms / 1000:g} s "
                       "into the song.")
        op = O.SetAudioTiming(role="music", from_ms=op.start_ms)
    # a voiceover moved later may run past the video's end: say so (its end is cut)
    if role == "voice":
        end = max(s.end for s in pieces)
        shift = (op.start_ms - now) if op.start_ms is not None else (op.by_ms or 0)
        if shift > 0 and end + shift > c.tl.duration:
            cut = end + shift - c.tl.duration
            c.notes.append(f"旁白的最后{cut / 1000:g}秒超出了视频结尾，会被剪掉；说“按旁白长度”可以加长视频。" if c.zh else
                           f"The voiceover now runs past the end: its last {cut / 1000:g}s are cut. "
                           "Say 'fit the video to the voiceover' to keep all of it.")
    return [op]


_RX_AFTER_TALK = re.compile(r"\b(?:until|till|after|once|when)\s+(?:\w+(?:'s)?\s+){0,3}(?:is\s+)?(?:finish(?:es|ed)?|done|stops?)\s+"
                            r"(?:talking|speaking|with\s+(?:her|his|their|the)\s+intro)\b|"
                            r"(?:说完|讲完)(?:话)?(?:之后|以后|再)")


def _talking_clip(c: _Ctx):
    """The clip whose speaker the clause waits for: the one it names, else the one clip keeping its sound."""
    refs = [s for r in _find_targets(c) if (s := _main_seg(c, r.target)) is not None and c.asset_kind(s) == "video"]
    if refs:
        return refs[0]
    sounding = [s for s in c.main_segs() if c.asset_kind(s) == "video" and not s.mute and s.volume > 0]
    return sounding[0] if len(sounding) == 1 else None


_RX_SONG_POINT = re.compile(
    r"\b(?:chorus|drop|hook|refrain|good\s+part|best\s+part)\b[^,;.]{0,30}?\b(?:at|from|around|starts?|hits?|comes?\s+in)\s*"
    r"(?:at\s+|around\s+)?[~≈]?\s*(?P<tv>\d{1,2}:\d\d)|(?:副歌|高潮)[^，,。]{0,8}?(?P<tv2>\d{1,2}:\d\d)|"
    # "start the music where the melody comes in, like 0:12"
    r"\b(?:melody|vocals?|singing|beat|bass|guitar|piano|strings|drums|song)\s+(?:comes?|kicks?)\s+in\b[,\s]*"
    r"(?:like|around|at|about|maybe|~|≈)?\s*(?P<tv3>\d{1,2}:\d\d)|"
    # "古筝从1分钟那里开始吧", "音乐从1:05那儿开始": from that point of the song (the video's time has no "there")
    r"从\s*(?:第\s*)?(?:(?P<zm>\d{1,2})\s*分(?:钟)?(?:(?P<zms>\d{1,2})\s*秒)?|(?P<zs>\d{1,3})\s*秒|(?P<tv4>\d{1,2}[:：]\d\d))\s*"
    r"(?:那里|那儿|那块|那个地方|的地方|处)\s*(?:开始|起|放)")
_STOPS = (r"\b(?:stop|stops|stopped|end|ends|ended|cut\s+off|cuts?\s+out|cut|finish(?:es)?|die\s+(?:out|down)|"
          r"go\s+(?:quiet|silent))\b|停止|停掉|停下|停|结束|关掉|没有了|消失")
_ONLY = r"\b(?:only|just|until|till|up\s+to)\b|只在|只有|只放|只要|仅在|到第"
_SHOTS_ONLY = r"\b(?:only|just)\b.{0,30}\b(?:on|over|during|under|for)\b|只在|只有|仅在"


def _window(c: _Ctx, role: str) -> O.SetAudioTiming | None:
    """Where a sound track plays when a clause bounds it: "stop the music at 20 seconds", "cut the
    music at 20s", "music only for the first 10 seconds", "music until 0:20", "music only in the last
    10 seconds", "music from 10s", "music only between 5 and 20 seconds", "put the music only on the
    last shot", "音乐在20秒停止", "音乐只在最后10秒". None: no bound said (the start rules read it)."""
    t, total = c.t, c.tl.duration
    r: Any = role
    stops = _has(_STOPS, t) and not _has(r"\b(?:at|in)\s+the\s+(?:very\s+)?end\b|\bend(?:s)?\s+with\b|结尾", t)
    only = _has(_ONLY, t)
    rng = TW.parse_time_range(t, total)
    if rng is not None and stops and rng.kind in (TW.RangeKind.POINT, TW.RangeKind.AFTER):
        # "stop the music at 20 seconds": it ends there
        return O.SetAudioTiming(role=r, end_ms=rng.start_ms) if 0 < rng.start_ms < total else None
    if rng is None or not rng.explicit:
        shots = [seg for ref in _find_targets(c) for tg in ref.all if (seg := _main_seg(c, tg)) is not None]
        if not shots or not _has(_SHOTS_ONLY, t):
            return None
        a, b = min(s.start for s in shots), max(s.end for s in shots)
    elif rng.kind is TW.RangeKind.START and (only or stops):
        a, b = 0, rng.end_ms  # "music only for the first 10 seconds", "music until 0:20"
    elif rng.kind is TW.RangeKind.END and (only or not _has(_STARTS, t)):
        a, b = rng.start_ms, total  # "music only in the last 10 seconds"
    elif rng.kind is TW.RangeKind.SPAN and (only or _has(r"\bbetween\b|\bfrom\b|从", t)):
        a, b = rng.start_ms, rng.end_ms  # "music only from 5 to 20 seconds"
    elif rng.kind is TW.RangeKind.AFTER and not _has(_STARTS if not c.zh else _ZH_STARTS, t):
        a, b = rng.start_ms, total  # "music from 10s": it comes in then
    else:
        return None
    pieces = _pieces(c, role)
    if not pieces:
        raise _no_track(c, role)
    if a == pieces[0].start and b >= total:
        return None  # where it plays already
    return O.SetAudioTiming(role=r, start_ms=None if a == pieces[0].start else a, end_ms=b if b < total else None)


def _en_audio_timing(c: _Ctx, role: str, first: AudioSegment) -> O.SetAudioTiming | None:
    t, now = c.t, first.start
    r: Any = role
    if m := re.search(_SOURCE, t):
        skip = TW.tv(m.group(2))
        if skip is not None:  # "skip the first 10 seconds of the music": from where it plays now, on
            return O.SetAudioTiming(role=r, from_ms=first.in_ms + skip)
        at = TW.tv(m.group(1))
        if at is not None and _has(r"\b(?:song|track|tune|recording)\b|\b(?:in|into|of)\s+(?:the\s+)?(?:music|voice)", t):
            return O.SetAudioTiming(role=r, from_ms=at)
    if _has(r"\bfrom\s+the\s+(?:very\s+)?(?:start|beginning|top)\s+of\s+the\s+(?:song|track|music|tune|recording)\b", t):
        return O.SetAudioTiming(role=r, from_ms=0)
    if m := re.search(_LATER_BY, t):
        by = TW.tv(next(g for g in m.groups() if g))
        return O.SetAudioTiming(role=r, by_ms=by) if by else None
    if m := re.search(_EARLIER_BY, t):
        by = TW.tv(m.group(1))
        return O.SetAudioTiming(role=r, by_ms=-by) if by else None
    if _has(r"\b(?:after|when)\s+the\s+(?:title|intro|opening)\b", t):
        end = _title_end(c)
        if end is None:
            raise _Cannot("there is no title at the start to wait for; say when, e.g. 'start the music at 3 seconds'")
        return O.SetAudioTiming(role=r, start_ms=end)
    if _has(r"\b(?:right\s+away|immediately|straight\s+away|from\s+the\s+(?:very\s+)?(?:start|beginning)|"
            r"at\s+the\s+(?:very\s+)?(?:start|beginning))\b|\bat\s+0(?![:.,\d])", t):
        return O.SetAudioTiming(role=r, start_ms=0)
    if m := re.search(_AT, t):
        at = TW.tv(m.group(1))
        if at is not None:
            return O.SetAudioTiming(role=r, start_ms=at)
    # "the music starts too late" asks for it earlier; "comes in too early", later
    too_late, too_early = _has(r"\btoo\s+late\b", t), _has(r"\btoo\s+(?:early|soon)\b", t)
    if too_early or (not too_late and _has(r"\b(?:later|delay(?:ed)?|push\w*\s+(?:it\s+)?back)\b", t)):
        return O.SetAudioTiming(role=r, start_ms=_later(c, now))
    if too_late or _has(r"\b(?:earlier|sooner)\b", t):
        if now == 0:
            word = "music" if role == "music" else "voiceover"
            raise _Cannot(f"the {word} already starts with the video; if its opening is quiet, say e.g. "
                          f"'skip the first 3 seconds of the {word}'")
        return O.SetAudioTiming(role=r, start_ms=0)
    return None


_ZTV = TW.ZTV
_ZH_LATER = r"(?:推迟|延后|延迟|往后推|往后|晚)"
_ZH_EARLIER = r"(?:提前|早)"


def _zh_audio_timing(c: _Ctx, role: str, first: AudioSegment) -> O.SetAudioTiming | None:
    t, now = c.t, first.start
    r: Any = role
    if m := re.search(rf"跳过[^，,。；;]{{0,12}}?前\s*({_ZTV})", t):
        skip = TW.tv(m.group(1))
        return O.SetAudioTiming(role=r, from_ms=first.in_ms + skip) if skip else None
    if m := re.search(rf"(?:歌曲?|音乐本身|曲子|录音)的?\s*第?\s*({_ZTV})", t):
        at = TW.tv(m.group(1))
        return O.SetAudioTiming(role=r, from_ms=at) if at is not None else None
    if m := re.search(rf"{_ZH_LATER}\s*({_ZTV})", t):
        by = TW.tv(m.group(1))
        return O.SetAudioTiming(role=r, by_ms=by) if by else None
    if m := re.search(rf"{_ZH_EARLIER}\s*({_ZTV})", t):
        by = TW.tv(m.group(1))
        return O.SetAudioTiming(role=r, by_ms=-by) if by else None
    if _has(r"标题(?:之后|以后|后|结束|完)", t):
        end = _title_end(c)
        if end is None:
            raise _Cannot("开头没有标题；请说具体时间，例如“背景音乐从第3秒开始”")
        return O.SetAudioTiming(role=r, start_ms=end)
    if _has(r"一开始就|从头开始|从开头|马上|立刻", t):
        return O.SetAudioTiming(role=r, start_ms=0)
    if m := re.search(rf"第\s*({_ZTV})|({_ZTV})\s*(?:之后|以后|后)", t):
        at = TW.tv(m.group(1) or m.group(2))
        if at is not None:
            return O.SetAudioTiming(role=r, start_ms=at)
    # "音乐进来得太晚了" asks for it earlier (it was pushed later); "太早了", later
    too_late, too_early = _has(r"(?:太|有点|过于|有些)(?:晚|迟)", t), _has(r"(?:太|有点|过于|有些)早", t)
    if too_early or (not too_late and _has(rf"{_ZH_LATER}", t)):
        return O.SetAudioTiming(role=r, start_ms=_later(c, now))
    if too_late or _has(rf"{_ZH_EARLIER}", t):
        if now == 0:
            raise _Cannot("已经是从视频开头开始了；如果它开头比较安静，可以说“跳过" + ("背景音乐" if role == "music" else "旁白")
                          + "前3秒”")
        return O.SetAudioTiming(role=r, start_ms=0)
    return None


def _later(c: _Ctx, now: int) -> int:
    """"Later" without a time: after the opening title, else 2 s later; the reply says which."""
    end = _title_end(c)
    start = end if end is not None and end > now else now + 2000
    c.notes.append(f"已推迟到第{start / 1000:g}秒；也可以说具体时间，例如“第5秒开始”。" if c.zh else
                   f"Moved to start at {start / 1000:g}s; say a time for another, e.g. 'start it at 5 seconds'.")
    return start


def voice_word_is_a_clip(c: _Ctx) -> bool:
    """Whether the voiceover word said is the name of a clip on screen and the clause speaks of it as one
    ("用口播那个视频开头", "口播放第一个" with 口播.mp4: that clip, never the voiceover)."""
    v = re.search(rf"(?<![a-z]){_VOICE}(?![a-z])", c.t)
    return v is not None and any(c.asset_kind(s) == "video" and v.group(0) in s.name.lower() for s in c.main_segs()) \
        and _has(r"\b(?:clip|video|first|last|start|end|before|after)\b|视频|那个|那段|这段|开头|结尾|第一|最后|前面|后面|放", c.t)


def _h_voice_file(c: _Ctx) -> list[O.Op] | None:
    """"add narration_fast.wav as voiceover", "use take2.wav as the voiceover", "把narration.wav作为旁白",
    "replace the voiceover with take2.wav": a recording in the project on the voice track, replacing
    the voiceover there (the reply says which one went); it starts where the old one did."""
    t = c.t
    if _audio_role(t) != "voice" or re.search(_MUSIC, t) or voice_word_is_a_clip(c):
        return None
    if not _has(r"\b(?:add|use|set|make|put|replace|swap|switch|change|try|as|for)\b|作为|当作|当|换成|替换|用|加上?|添加|设为|做", t):
        return None
    if _has(r"\b(?:volume|louder|quieter|fade|mute|remove|delete|trim|later|earlier|start|delay)\b|音量|删除|去掉|淡入|淡出|静音", t):
        return None
    if _has(r"\bas\s+long\s+as\b|\bsame\s+length\b|\b(?:length|duration)\b|一样长|等长|长度", t):
        return None  # "make it as long as the voiceover" (with voiceover.mp3: "already the voiceover")
    asset = _find_asset(c, t, (AssetKind.AUDIO, AssetKind.VIDEO))
    if asset is None or (asset.kind is AssetKind.VIDEO and not asset.has_audio):
        return None
    old = [s for tr in c.tl.tracks_by_role(Role.VOICE) for s in tr.segments]
    if old and all(s.src == asset.id for s in old):
        raise _Cannot(f"'{asset.name}' is already the voiceover")
    start = min((s.start for s in old), default=0)
    if old:
        names = ", ".join(dict.fromkeys(s.name or s.src for s in old))
        c.notes.append(f"原来的旁白（{names}）已被替换。" if c.zh else f"It replaces the old voiceover ({names}).")
    return [O.AddVoiceover(asset_id=asset.id, start_ms=start if start < c.tl.duration else 0)]


_RX_OTHER_SOUND = re.compile(
    r"^(?:please\s+|can\s+you\s+)?(?:(?:change|switch|swap|replace)\s+(?:the\s+)?(?P<m>music|song|track|soundtrack|bgm|background\s+music)"
    r"|(?:use|try|pick|give\s+it)\s+(?:a\s+)?(?:different|another|other|new)\s+(?P<m2>music|song|track|soundtrack)"
    r"|(?:change|switch|swap|replace)\s+(?:the\s+)?(?P<v>voice|voice[\s-]?over|narration|narrator))\s*[.!?]?$"
    r"|^(?:换(?:一?首|个|一个)?(?P<zm>歌|音乐|背景音乐|配乐)|(?:背景音乐|音乐)换(?:一?首|个|一下)?|换(?:个|一个)?(?P<zv>声音|旁白|配音))[。！]?$")


def _h_other_sound(c: _Ctx) -> list[O.Op] | None:
    """"change the music", "use a different song", "换首歌", "change the voice": which file it cannot
    know; the reply names the project's unused audio, or says to upload one."""
    m = _RX_OTHER_SOUND.match(c.t)
    if m is None:
        return None
    used = {s.src for tr in c.tl.tracks for s in tr.segments if hasattr(s, "src")}
    spare = [a.name for a in c.library if a.kind is AssetKind.AUDIO and a.id not in used and a.name]
    voice = bool(m.group("v") or m.group("zv"))
    role, zh_role = ("voiceover", "旁白") if voice else ("music", "背景音乐")
    if spare:
        raise _Cannot(f"换成哪个文件？项目里还有：{'、'.join(spare[:5])}；例如说“用{spare[0]}做{zh_role}”" if c.zh else
                      f"which file? The project also has {', '.join(spare[:5])}: say e.g. 'use {spare[0]} as the {role}'")
    raise _Cannot(f"先上传新的音频文件，再说例如“用new.mp3做{zh_role}”" if c.zh else
                  f"upload the new audio file first, then say e.g. 'use new.mp3 as the {role}'"
                  + ("" if not voice else ", or 'add a voiceover saying \"…\"' for a spoken one"))


# "trim the music to 20 seconds", "cut the song down to 10s", "shorten the voiceover to 10 seconds", "make the
# music 20 seconds", "the music should be 20 seconds long", "music for 20 seconds": that track plays that long,
# then stops (they made the VIDEO that long, removed the music, lowered it, or fitted the video to the voice)
_SOUND_WHAT = r"(?:the\s+|my\s+|our\s+)?(?P<what>" + _MUSIC + "|" + _VOICE + ")"
_SECONDS = r"(?P<n>\d\S*\s*(?:s|secs?|seconds?))(?:\s+long)?\s*$"
_RX_SOUND_CUT_TO = [re.compile(rx) for rx in (
    r"\b(?:cut|trim|shorten|chop)\s+(?:down\s+)?" + _SOUND_WHAT + r"\s+(?:down\s+)?to\s+(?P<n>\S.*)$",
    r"^(?:please\s+)?(?:make|set|keep)\s+" + _SOUND_WHAT + r"\s+(?:to\s+|only\s+|just\s+)?" + _SECONDS,
    r"^" + _SOUND_WHAT + r"\s+(?:should|must|needs\s+to|has\s+to)\s+(?:only\s+)?be\s+" + _SECONDS,
    r"^" + _SOUND_WHAT + r"\s+(?:only\s+)?for\s+(?:just\s+)?" + _SECONDS,
    r"^(?:把)?" + _SOUND_WHAT + r"\s*(?:只|就)?(?:放|播放?|要|用|留|剪到|缩短到)\s*(?P<n>\d+(?:\.\d+)?\s*秒)钟?$",  # "音乐只放20秒"
)]


def _sound_role(word: str) -> str:
    """"voice" for a word naming the voiceover (`_VOICE`), else "music"."""
    return "voice" if re.fullmatch(_VOICE, word) else "music"


def _h_audio_cut_to(c: _Ctx) -> list[O.Op] | None:
    m = next((m for rx in _RX_SOUND_CUT_TO if (m := rx.search(c.t))), None)
    if m is None or not (durs := TW.find_durations(m.group("n"))):
        return None
    role = _sound_role(m.group("what"))
    pieces = _pieces(c, role)
    if not pieces:
        raise _no_track(c, role)
    return [O.SetAudioTiming(role=role, end_ms=min(pieces[0].start + durs[0].ms, c.tl.duration))]  # type: ignore[arg-type]


# "start the music from the second photo", "the music should start on the city photo", "voiceover starts on the
# second photo": the track comes in when that shot does (not understood before)
_RX_SOUND_STARTS_ON = [re.compile(rx) for rx in (
    r"\b(?:start|begin|bring\s+in|play)\s+" + _SOUND_WHAT + r"\s+(?:from|on|at|with|when)\s+(?P<x>.+)$",
    r"^" + _SOUND_WHAT + r"\s+(?:should\s+|to\s+)?(?:start|begin|come\s+in)s?\s+(?:from|on|at|with|when)\s+(?P<x>.+)$",
)]


def _h_audio_starts_on_shot(c: _Ctx) -> list[O.Op] | None:
    m = next((m for rx in _RX_SOUND_STARTS_ON if (m := rx.search(c.t))), None)
    shot = _one_shot(c, _find_targets(c, m.group("x"), m.start("x"))) if m else None
    seg = _main_seg(c, shot) if shot is not None else None
    if seg is None:
        return None
    role = _sound_role(m.group("what"))  # type: ignore[union-attr]
    if not _pieces(c, role):
        raise _no_track(c, role)
    return [O.SetAudioTiming(role=role, start_ms=seg.start)]  # type: ignore[arg-type]

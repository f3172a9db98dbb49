"""Audio roles of a first cut: which audio file is the voiceover and which the music.

Rules (`classify_audio`; the first cut, `reelforge.planner.compose.plan`, uses them)
- File-name hints first (voice/vo/narration/旁白… vs music/bgm/song/配乐…).
- With no hints, how much of each is speech when the caller measured it (``speech``: the ai
  extra's voice-activity model): mostly speech is the voiceover, little the music (`unhinted_audio`
  are the files to measure).
- Else two files -> the shorter is the voiceover, the longer the music; one file -> music unless
  the instruction mentions a voiceover/narration.
- "no music" / "music only", "不要旁白"…: that role is left out. One music bed; voiceovers play one
  after another. Every guess becomes a note.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reelforge.planner import numerals as N
from reelforge.planner import parse as P
from reelforge.planner import typos as T
from reelforge.timeline.model import Asset, AssetKind
from reelforge.timeline.summary import fmt_seconds

__all__ = ["MUSIC_HINT", "VOICE_HINT", "AudioRoles", "classify_audio", "hint_text", "music_of",
           "unhinted_audio"]

# what an audio file's name says it is (in its `hint_text`); an imported timeline's audio tracks
# are told apart by them too (`reelforge.interop.otio`)
VOICE_HINT = re.compile(
    r"(?<![a-z])(?:voice|voices|vo|voiceover|voice over|narration|narrator|narrated|speech|spoken|"
    r"speaker|dialogue|dialog|commentary|tts)(?![a-z])|旁白|配音|解说|口播|人声|录音")
MUSIC_HINT = re.compile(
    r"(?<![a-z])(?:music|bgm|song|songs|soundtrack|beat|beats|instrumental|lofi|lo fi|melody|"
    r"jingle|backing|background|score|ost|theme)(?![a-z])|音乐|配乐|背景乐|歌曲|伴奏|纯音乐")


def hint_text(asset: Asset) -> str:
    """An audio file's name as its role hints are looked for in: normalised, without its
    extension, "_", "-" and "." as spaces."""
    name = N.normalize(asset.name or asset.path)
    name = re.sub(r"\.[a-z0-9]{1,5}$", "", name)
    return re.sub(r"[_\-.]+", " ", name)


@dataclass(frozen=True)
class AudioRoles:
    voice: tuple[Asset, ...]
    music: Asset | None
    unused: tuple[Asset, ...]
    notes: tuple[str, ...]


# "no music", "without background music", "不要背景音乐"; "music only", "no voiceover", "不要旁白"
_NO_MUSIC = re.compile(r"\b(?:no|without)\s+(?:any\s+)?(?:background\s+)?(?:music|bgm|soundtrack|songs?)\b(?!\s+(?:fades?|ducking))|"
                       r"(?:不要|不用|不加|无|没有|去掉)(?:背景)?(?:音乐|配乐|bgm)", re.I)
_NO_VOICE = re.compile(r"\b(?:no|without)\s+(?:any\s+|the\s+)?(?:voice[\s-]?overs?|voice|narration|narrator|vo|talking|speech)\b|"
                       r"\bmusic\s+only\b|\bonly\s+(?:the\s+)?(?:background\s+)?music\b|\bjust\s+(?:the\s+)?music\b|"
                       r"(?:不要|不用|不加|无|没有|去掉)(?:旁白|配音|解说|人声)|只(?:要|用|放)(?:背景)?音乐", re.I)


SPEECH_VOICE = 0.6  # a file at least this much speech (voice-activity share) is a voiceover
SPEECH_MUSIC = 0.2  # and one at most this much is music


def unhinted_audio(audio: Sequence[Asset]) -> list[Asset]:
    """The audio files whose names say neither voiceover nor music (what ``speech`` is measured for)."""
    return [a for a in audio if bool(VOICE_HINT.search(hint_text(a))) == bool(MUSIC_HINT.search(hint_text(a)))]


def _called_the_voice(a: Asset, instruction: str) -> bool:
    """Whether the instruction calls ``a`` the recording by a word of its name: "用我们校长的录音" (校长介绍.m4a),
    "use sarah's recording" (sarah intro.m4a)."""
    stem = (a.name or "").rsplit(".", 1)[0]
    words = set(re.findall(r"[\u4e00-\u9fff]{2}", stem)) | {w.lower() for w in re.findall(r"[A-Za-z]{4,}", stem)}
    return any(re.search(rf"(?i){re.escape(w)}(?:'s)?[\u4e00-\u9fff\s]{{0,3}}?(?:的)?(?:录音|口播|旁白|配音|讲话|语音|"
                         rf"\s(?:voice(?:over)?|recording|narration|vo)\b)", instruction) for w in words)


def classify_audio(audio: Sequence[Asset], instruction: str = "",
                   speech: Mapping[str, float] | None = None) -> AudioRoles:
    """Tell the voiceover(s) from the music. See the module docstring for the rules."""
    voices: list[Asset] = []
    musics: list[Asset] = []
    unknown: list[Asset] = []
    no_voice, no_music = _NO_VOICE.search(instruction or "") is not None, _NO_MUSIC.search(instruction or "") is not None
    for a in audio:
        hint = hint_text(a)
        is_voice, is_music = bool(VOICE_HINT.search(hint)), bool(MUSIC_HINT.search(hint))
        if is_voice and not is_music:
            voices.append(a)
        elif is_music and not is_voice:
            musics.append(a)
        else:
            unknown.append(a)
    notes: list[str] = []
    hinted = [f"'{a.name}' is the voiceover" for a in voices] + [f"'{a.name}' the music" for a in musics]
    if hinted:
        notes.append("Audio roles from the file names: " + ", ".join(hinted) + ".")
    heard = [a for a in unknown if speech and a.id in speech
             and (speech[a.id] >= SPEECH_VOICE or speech[a.id] <= SPEECH_MUSIC)]
    if heard:  # "sentence.wav", "track01.mp3": what is in them, not their names
        said = []
        for a in heard:
            unknown.remove(a)
            is_speech = speech[a.id] >= SPEECH_VOICE  # type: ignore[index]
            (voices if is_speech else musics).append(a)
            said.append(f"'{a.name}' is {'the voiceover' if is_speech else 'music'} ({speech[a.id]:.0%} speech)")  # type: ignore[index]
        notes.append("Audio roles from what is in the files: " + ", ".join(said) + ".")

    if unknown and not voices and (called := [a for a in unknown if _called_the_voice(a, instruction or "")]) \
            and len(called) == 1 and len(unknown) >= 2:
        # "用我们校长的录音" beside 校长介绍.m4a and 古筝 高山流水.mp3: the one the instruction calls the recording
        voices.append(called[0])
        unknown.remove(called[0])
        music = max(unknown, key=lambda a: a.duration_ms)
        musics.append(music)
        unknown.remove(music)
        notes.append(f"'{called[0].name}' is the voiceover, as the instruction calls it, and '{music.name}' the music.")
    if unknown:
        if not voices and not musics:
            if len(unknown) >= 2:
                ordered = sorted(unknown, key=lambda a: (a.duration_ms, unknown.index(a)))
                voice, music = ordered[0], ordered[-1]
                voices.append(voice)
                musics.append(music)
                unknown = [a for a in unknown if a is not voice and a is not music]
                notes.append(
                    f"No file name says which audio is which, so the shorter one, '{voice.name}' "
                    f"({fmt_seconds(voice.duration_ms)} s), is taken as the voiceover and the longer one, "
                    f"'{music.name}' ({fmt_seconds(music.duration_ms)} s), as the music. "
                    "Say so if it is the other way round.")
            else:
                only = unknown.pop()
                if P.mentions_voiceover(instruction) and not no_voice:
                    voices.append(only)
                    notes.append(f"'{only.name}' is used as the voiceover, since the instruction mentions one.")
                else:
                    musics.append(only)
                    notes.append(f"'{only.name}' is used as background music (its name does not say, and the "
                                 "instruction mentions no voiceover).")
        elif voices and not musics:
            music = unknown.pop(0)
            musics.append(music)
            notes.append(f"'{music.name}' is used as the music, since '{voices[0].name}' is the voiceover.")
        elif musics and not voices:
            voice = unknown.pop(0)
            voices.append(voice)
            notes.append(f"'{voice.name}' is used as the voiceover, since '{musics[0].name}' is the music.")
    left: list[Asset] = []
    if no_music and musics:  # "no music", "不要背景音乐": the music file stays in the project, out of the video
        notes.append("No music, as asked: " + ", ".join(f"'{a.name}'" for a in musics) + " left out.")
        left, musics = musics, []
    if no_voice and voices:  # "music only", "no voiceover", "不要旁白"
        notes.append("No voiceover, as asked: " + ", ".join(f"'{a.name}'" for a in voices) + " left out.")
        left, voices = [*left, *voices], []
    music = musics[0] if musics else None
    unused = tuple(unknown) + tuple(musics[1:]) + tuple(left)
    if len(musics) > 1:
        notes.append(f"Only one music bed is used ('{music.name}'); "
                     + ", ".join(f"'{a.name}'" for a in musics[1:]) + " left out.")
    if unknown:
        notes.append("Not used (role unclear): " + ", ".join(f"'{a.name}'" for a in unknown) + ".")
    if len(voices) > 1:
        notes.append("Voiceover files play one after another: " + ", ".join(f"'{a.name}'" for a in voices) + ".")
    return AudioRoles(tuple(voices), music, unused, tuple(notes))


def music_of(instruction: str, assets: Sequence[Asset], speech: Mapping[str, float] | None = None) -> Asset | None:
    """The asset `compose.plan` takes for the music bed (the one whose sound the caller measures)."""
    instruction, _ = T.correct_outside_quotes(instruction or "", [a.name for a in assets if a.name])
    return classify_audio([a for a in assets if a.kind is AssetKind.AUDIO], instruction, speech).music


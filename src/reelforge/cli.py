"""The `reelforge` command line: a thin shell over the library.

Every command turns library errors (`reelforge.errors.ReelforgeError`) into one red line and
a non-zero exit; nothing below this module prints or exits.
"""

from __future__ import annotations

import json
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from reelforge.errors import ReelforgeError

app = typer.Typer(
    name="reelforge",
    help="Describe it, get a video: assets + a plain-language instruction -> a ready-to-publish MP4.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
out = Console()

QUALITIES = ("draft", "standard", "high")
DEFAULT_PROMPT = "combine these into a video"
EXIT_UNCHANGED = 3  # `edit`: the instruction was understood as an edit but changed nothing


@contextmanager
def settings_errors(command: str):
    """Service settings refused (a REELFORGE_* variable that is no number, out of range...): one
    line naming the variable, exit 2, instead of pydantic's traceback."""
    from pydantic import ValidationError

    from reelforge.service.config import settings_problem

    try:
        yield
    except ValidationError as exc:
        if exc.title != "Settings":
            raise
        typer.echo(f"reelforge {command}: {settings_problem(exc)}", err=True)
        raise typer.Exit(2) from None


@contextmanager
def friendly_errors():
    try:
        yield
    except ReelforgeError as exc:
        console.print(f"[bold red]error[/] [dim]({exc.code})[/]: {escape(exc.message)}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    except FileNotFoundError as exc:
        console.print(f"[bold red]error[/]: file not found: {escape(str(exc.filename or exc))}", highlight=False,
                      soft_wrap=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        console.print("[yellow]interrupted[/]: nothing was written under the output name")
        raise typer.Exit(130) from None


def _check_quality(quality: str) -> str:
    if quality not in QUALITIES:
        raise typer.BadParameter(f"choose one of {', '.join(QUALITIES)}")
    return quality


def render_with_progress(timeline, output: Path, quality: str = "standard", *, transcript: bool = False,
                         heard=None) -> Path:
    """Render with a Rich progress bar, verify the file and print what was made; the captions
    (and, with ``transcript``, what the voiceover says) go beside it as SRT and WebVTT.
    ``heard(path)``: a transcript the session already made of a voice file, or None."""
    from reelforge.render import verify
    from reelforge.render.cache import default_cache
    from reelforge.render.chunked import export

    output = output.expanduser()
    if output.suffix.lower() != ".mp4":
        raise typer.BadParameter(f"output must end in .mp4: {output}")
    output.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with Progress(SpinnerColumn(), TextColumn("[bold]rendering[/] {task.description}"), BarColumn(),
                  TextColumn("{task.percentage:>3.0f}%"), TimeElapsedColumn(), TimeRemainingColumn(),
                  console=console, transient=False) as bar:
        task = bar.add_task(output.name, total=1.0)
        result = export(timeline, output, quality=quality, cache=default_cache(),
                        progress=lambda f: bar.update(task, completed=f))
        bar.update(task, completed=1.0)
    info = verify(output)
    took = time.monotonic() - started
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_row("[green]wrote[/]", str(output))
    table.add_row("video", f"{info.width}x{info.height} {info.vcodec} {info.pix_fmt} {info.fps:g} fps")
    table.add_row("audio", f"{info.acodec} {info.sample_rate} Hz" if info.acodec else "none")
    table.add_row("length", f"{info.duration:.2f} s")
    table.add_row("size", f"{output.stat().st_size / 1e6:.1f} MB, rendered in {took:.1f} s")
    table.add_row("chunks", f"{result.summary()}"
                  f"{', audio reused' if result.audio_reused else ''}")
    from reelforge.interop.subtitles import transcript_cues, write_caption_files

    files = write_caption_files(timeline, output)
    if files:
        table.add_row("captions", ", ".join(p.name for p in files) +
                      ("" if timeline.burn_captions else " (not burned in)"))
    if transcript:
        try:
            from reelforge.interop.subtitles import hear

            cues = transcript_cues(timeline, heard=lambda p: (heard(p) if heard else None) or hear(p))
        except ReelforgeError as exc:
            table.add_row("transcript", f"[yellow]skipped[/]: {escape(exc.message)}")
        else:
            from reelforge.interop.subtitles import to_srt, to_vtt

            for ext, text in ((".srt", to_srt(cues)), (".vtt", to_vtt(cues))):
                output.with_name(f"{output.stem}.transcript{ext}").write_text(text, encoding="utf-8")
            table.add_row("transcript", f"{output.stem}.transcript.srt, {output.stem}.transcript.vtt "
                                        f"({len(cues)} cues)")
    console.print(table)
    return output


@app.command()
def make(
    assets: Annotated[list[Path], typer.Argument(help="images, clips, voiceover and music, in order (a folder: "
                                                 "its media files, in name order)")],
    prompt: Annotated[str, typer.Option("-p", "--prompt", help="what to make, in plain words (English or 中文)")] =
        DEFAULT_PROMPT,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="MP4 to write")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="print the plan, do not render")] = False,
    save: Annotated[Path | None, typer.Option("--save", help="keep the project (timeline + history) in this JSON file")] = None,
    draft: Annotated[bool, typer.Option("--draft", help="print only the plan's compact draft JSON on stdout")] = False,
    quality: Annotated[str, typer.Option("--quality", "-q", help="draft | standard | high")] = "standard",
    brand: Annotated[Path | None, typer.Option("--brand", help="brand kit (YAML/JSON): logo, colours, cards, CTA")] = None,
    transcript: Annotated[bool, typer.Option("--transcript", help="also write what the voiceover says as "
                                             "SRT/WebVTT (speech recognition: the ai extra)")] = False,
) -> None:
    """Make a video from ASSETS (files, or folders of them) and one instruction (the main job; no
    server needed)."""
    _check_quality(quality)
    files, from_folders, prompt = _gather(assets, prompt, output or Path("out.mp4"))
    from reelforge.media.subject import prefetch

    prefetch(files)  # subject analysis starts while the planner loads
    from reelforge.timeline import to_draft

    with friendly_errors():
        _need_files([*files, *([brand] if brand else [])])
        with console.status("probing assets…"):
            session = _project(files, from_folders, brand).session
        reply = session.handle(prompt)
        if session.timeline is None:
            console.print(f"[bold red]error[/]: {escape(reply.message)}")
            raise typer.Exit(2)
        if save:  # before anything is printed: a closed pipe ("| head") must not lose the project
            session.save(save)
        if draft:
            out.print_json(json.dumps(to_draft(session.timeline), ensure_ascii=False))
            return
        if reply.notes:
            console.print("已生成初剪：" if reply.message.startswith("已生成初剪") else "Made a first cut:")
            _print_notes(reply.notes)
        else:
            console.print(escape(reply.message), highlight=False)
        console.print(f"[bold]{escape(reply.summary)}[/]", highlight=False)
        if save:
            console.print(f"[green]saved[/] project to {save}")
        if dry_run:
            return
        if not transcript:  # nothing after the plan listens: the render's memory is not added to the model's
            from reelforge.ai.captions import unload_model

            unload_model()
        render_with_progress(session.timeline, output or Path("out.mp4"), quality, transcript=transcript,
                             heard=session.stage.heard)


def _gather(assets: list[Path], prompt: str, output: Path) -> tuple[list[Path], frozenset[Path], str]:
    """The files to make from — a folder gives the media files in it, in name order, never the
    ``output`` an earlier run wrote there — and the
    instruction: without ``-p``, one argument that is no file but words ("reelforge make photos/
    'a 15 second promo'") is taken as it, and said so."""
    from reelforge.media.formats import EXTENSION_FORMAT
    from reelforge.media.ingest import gather

    if prompt == DEFAULT_PROMPT:
        words = [a for a in assets if not a.exists() and a.suffix.lower() not in EXTENSION_FORMAT
                 and (" " in str(a).strip() or not a.suffix and not a.parent.parts)]
        if len(words) == 1 and len(assets) > 1:
            prompt = str(words[0])
            assets = [a for a in assets if a is not words[0]]
            console.print(f"[dim]instruction: {escape(prompt)} (next time: -p \"…\")[/]", highlight=False)
    got = gather(assets, besides=[output])
    if got.left_out:
        names = ", ".join(got.left_out[:5]) + (f" and {len(got.left_out) - 5} more" if len(got.left_out) > 5 else "")
        console.print(f"[dim]left out (not media): {escape(names)}[/]", highlight=False)
    if not got.files:
        console.print("[bold red]error[/]: no media files in " + ", ".join(escape(str(a)) for a in assets))
        raise typer.Exit(2)
    return got.files, got.from_folders, prompt


def _project(files: list[Path], from_folders: frozenset[Path], brand: Path | None):
    """A project of ``files``: a file a folder gave that cannot be read is left out, with a
    warning (one named on the command line stops the job, with why)."""
    from reelforge import api
    from reelforge.errors import MediaError
    from reelforge.media.ingest import reason_only

    try:
        return api.new_project(files, brand=brand)
    except MediaError as exc:
        bad = {name for name, _ in getattr(exc, "failures", [])}
        skip = [p for p in files if p in from_folders and p.name in bad]
        named = bad - {p.name for p in skip}
        if not skip or named or len(skip) == len(files):
            raise
        for name, err in exc.failures:  # type: ignore[attr-defined]
            console.print(f"[yellow]skipped[/] {escape(name)}: {escape(reason_only(err.message, name))}", highlight=False)
        return api.new_project([p for p in files if p not in skip], brand=brand)


def _need_files(paths) -> None:
    for p in paths:
        if not Path(p).exists():
            raise FileNotFoundError(2, "not found", str(p))


def _load_timeline(path: Path):
    """A saved project (from --save) or a bare timeline JSON; both render. Anything else is
    one clean InvalidTimeline (exit 2), never a decoder traceback."""
    from reelforge.errors import InvalidTimeline
    from reelforge.session import Session
    from reelforge.timeline import Timeline

    _need_files([path])
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except ValueError:  # UnicodeDecodeError and JSONDecodeError both are
        raise InvalidTimeline(f"{path.name} is not a project or timeline JSON file "
                              "(`reelforge make --save FILE` writes one)") from None
    if isinstance(data, dict) and "tracks" in data:
        return Timeline.from_json(text)
    session = Session.from_json(text)
    if session.timeline is None:
        raise InvalidTimeline(f"{path.name} has no timeline yet")
    return session.timeline


@app.command("render")
def render_cmd(
    timeline_file: Annotated[Path, typer.Argument(help="a timeline JSON, a project file from --save, or an "
                                                  "Editly spec (.json5/.json)")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="default: an Editly spec's outPath, "
                                                "else out.mp4")] = None,
    quality: Annotated[str, typer.Option("--quality", "-q")] = "standard",
    transcript: Annotated[bool, typer.Option("--transcript", help="also write what the voiceover says as "
                                             "SRT/WebVTT (speech recognition: the ai extra)")] = False,
) -> None:
    """Render a saved timeline or project, or an Editly spec, to an MP4."""
    _check_quality(quality)
    with friendly_errors():
        editly = _editly_spec(timeline_file)
        if editly is not None:
            timeline, output = _editly_timeline(timeline_file, editly, output)
        else:
            timeline = _load_timeline(timeline_file)
        from reelforge.timeline.summary import summarize

        console.print(f"[bold]{summarize(timeline)}[/]")
        render_with_progress(timeline, output or Path("out.mp4"), quality, transcript=transcript)


def _editly_spec(path: Path) -> dict | None:
    """The Editly spec in ``path``, or None when it is a reelforge file."""
    from reelforge.interop import editly

    _need_files([path])
    if path.suffix.lower() == ".json5":
        return editly.load_spec(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return None
    return data if editly.looks_like_editly(data) else None


def _print_notes(notes) -> None:
    """Notes as bullets with a hanging indent; a long Chinese note (no spaces to wrap at) folds
    under its bullet instead of leaving it alone on a line."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column(overflow="fold")
    for note in notes:
        grid.add_row("[dim]•[/]", escape(note))
    console.print(grid, highlight=False)


def _editly_timeline(path: Path, spec: dict, output: Path | None):
    from reelforge.interop import editly
    from reelforge.session import media_cache

    with console.status("probing the spec's files…"):
        mapped = editly.to_timeline(spec, path.parent, workdir=media_cache())
    _print_notes(mapped.notes)
    if output is None and mapped.output:
        output = path.parent / mapped.output
        if output.suffix.lower() != ".mp4":
            console.print(f"[yellow]note[/]: outPath {mapped.output} is not an MP4; writing {output.stem}.mp4")
            output = output.with_suffix(".mp4")
    return mapped.timeline, output


@app.command("export-timeline")
def export_timeline(
    project: Annotated[Path, typer.Argument(help="a project file (from --save) or a timeline JSON")],
    output: Annotated[Path, typer.Option("-o", "--output", help=".otio, .xml (FCP 7: Premiere, Resolve), "
                                         ".fcpxml or .edl")] = Path("cut.otio"),
) -> None:
    """Hand the cut to a video editor: write it as OpenTimelineIO, FCP 7 XML, FCPX XML or an EDL."""
    from reelforge import api

    with friendly_errors():
        timeline = _load_timeline(project)
        api.export_timeline(timeline, output)
        console.print(f"[green]wrote[/] {output} ({len(timeline.tracks)} tracks, "
                      f"{sum(len(t.segments) for t in timeline.tracks)} items)")
        if output.suffix.lower() in (".xml", ".fcpxml", ".edl"):
            console.print("[dim]text travels as markers; motion, focus and volumes are reelforge settings "
                          "(kept in .otio metadata)[/]")


@app.command("import-timeline")
def import_timeline(
    timeline_file: Annotated[Path, typer.Argument(help="a timeline file: .otio, .xml, .fcpxml or .edl")],
    output: Annotated[Path, typer.Option("-o", "--output", help="the reelforge project to write")] =
        Path("imported.reel.json"),
    fps: Annotated[int, typer.Option("--fps", help="frame rate of an EDL (the file does not say)")] = 30,
) -> None:
    """Make a reelforge project from a timeline written by an editor (or by export-timeline)."""
    from reelforge.interop import otio as interop
    from reelforge.session import Session, media_cache

    with friendly_errors():
        result = interop.import_file(timeline_file, workdir=media_cache(), fps=fps)
        session = Session.new(local_files=True)
        session.add_ingested(result.timeline.assets)
        session.timeline = result.timeline
        session.version = 1
        session.save(output)
        from reelforge.timeline.summary import summarize

        console.print(f"[bold]{escape(summarize(result.timeline))}[/]", highlight=False)
        for item in result.skipped:
            console.print(f"[yellow]not mapped[/]: {escape(item)}", highlight=False)
        console.print(f"[green]saved[/] project to {output}")


@app.command()
def schema() -> None:
    """Print the timeline's JSON Schema."""
    from reelforge.timeline import json_schema

    out.print_json(json.dumps(json_schema()))


@app.command()
def demo(
    directory: Annotated[Path, typer.Argument(help="folder for the sample assets and the video")] = Path("demo"),
    prompt: Annotated[str, typer.Option("-p", "--prompt")] =
        "combine these images and audio into a 30-second promotional video with text overlays",
    quality: Annotated[str, typer.Option("--quality", "-q")] = "standard",
) -> None:
    """Write a small sample asset set into DIRECTORY (generated locally) and make a video from it."""
    _check_quality(quality)
    from reelforge.media import write_demo_assets

    with friendly_errors():
        with console.status("writing sample assets…"):
            sample = write_demo_assets(directory)
        files = [*sample.images, sample.voiceover, sample.music]
        console.print(f"sample assets in {directory}: " + ", ".join(p.name for p in files))
        console.print(f"[dim]$ reelforge make {directory}/*.jpg {sample.voiceover} {sample.music} -p {prompt!r} "
                      f"-o {directory / 'promo.mp4'}[/]")
    make(files, prompt=prompt, output=directory / "promo.mp4", dry_run=False,
         save=directory / "promo.reel.json", draft=False, quality=quality)


@app.command()
def edit(
    project: Annotated[Path, typer.Argument(help="project file written by `make --save`")],
    instruction: Annotated[str, typer.Argument(help="what to change, e.g. \"music to 20%\" or \"把第二张图片放到最后\"")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="also render to this MP4")] = None,
    add: Annotated[list[Path] | None, typer.Option("--add", help="add these files to the project's media first")] = None,
    quality: Annotated[str, typer.Option("--quality", "-q")] = "standard",
) -> None:
    """Change a saved project with a plain-language instruction (English or 中文).

    Exits 3 when the instruction changed nothing (not understood, empty, ambiguous, or nothing
    to undo), 2 on an error, 0 when the project changed or a query/export was answered."""
    _check_quality(quality)
    from reelforge.session import Session, media_cache

    with friendly_errors():
        session = Session.load(project, local_files=True)
        added = session.add_assets(add, workdir=media_cache()) if add else []
        reply = session.handle(instruction)
        if reply.changed or add:  # saved before anything is printed: a closed pipe ("| head -2") lost the edit
            session.save(project)
        if added:
            console.print("added " + ", ".join(a.name for a in added))
        style = "green" if reply.changed else "yellow"
        console.print(f"[{style}]{escape(reply.message)}[/]")
        if reply.summary:
            console.print(f"[bold]{escape(reply.summary)}[/]")
        intent = getattr(reply.intent, "value", reply.intent)
        if (output or intent == "export") and session.timeline is not None:
            render_with_progress(session.timeline, output or project.with_suffix("").with_suffix(".mp4"),
                                 reply.quality or quality)  # "export in high quality" says it too
        if intent in ("edit", "undo", "redo") and not reply.changed:
            console.print(f"[yellow]nothing changed[/] (exit {EXIT_UNCHANGED})", highlight=False)
            raise typer.Exit(EXIT_UNCHANGED)


@app.command()
def show(
    project: Annotated[Path, typer.Argument(help="project file written by `make --save`")],
    as_json: Annotated[bool, typer.Option("--json", help="the full timeline JSON")] = False,
    as_draft: Annotated[bool, typer.Option("--draft", help="only the compact draft JSON")] = False,
) -> None:
    """Show a project's timeline: the one-glance summary, or its JSON."""
    from reelforge.timeline import to_draft
    from reelforge.timeline.summary import describe, summarize

    with friendly_errors():
        timeline = _load_timeline(project)
        if as_json:
            out.print(timeline.to_json(), soft_wrap=True, highlight=False)
        elif as_draft:
            out.print_json(json.dumps(to_draft(timeline), ensure_ascii=False))
        else:
            from reelforge.session import ai_features

            extra = ai_features(timeline)
            out.print(summarize(timeline) + (f" · {'; '.join(extra)}" if extra else ""), highlight=False)
            for line in describe(timeline):
                out.print(f"  {line}", highlight=False)


# -- AI features ---------------------------------------------------------------------------------
@app.command()
def captions(
    file: Annotated[Path, typer.Argument(help="audio or video with speech")],
    srt: Annotated[bool, typer.Option("--srt", help="SubRip output (the default)")] = False,
    vtt: Annotated[bool, typer.Option("--vtt", help="WebVTT output")] = False,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="file to write (default: print)")] = None,
    language: Annotated[str | None, typer.Option("--language", "-l", help="en, zh, ... (default: detect)")] = None,
    max_chars: Annotated[int, typer.Option("--max-chars", help="columns per line (a CJK character is 2)")] = 32,
) -> None:
    """Transcribe speech into caption cues (≤ 2 lines each) as SRT or VTT — offline (Whisper base)."""
    if srt and vtt:
        raise typer.BadParameter("choose one of --srt and --vtt")
    with friendly_errors():
        _need_files([file])
        from reelforge import ai

        started = time.monotonic()
        with console.status(f"transcribing {file.name}…"):
            tr = ai.transcribe(file, language)
        cues = ai.caption_lines(tr, max_chars=max_chars, max_lines=2)
        as_vtt = vtt or (not srt and output is not None and output.suffix.lower() == ".vtt")
        text = ai.to_vtt(cues) if as_vtt else ai.to_srt(cues)
        if output:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(text, encoding="utf-8")
        else:
            out.print(text, end="", highlight=False, markup=False, soft_wrap=True)
        took = time.monotonic() - started
        where = f"wrote {output}" if output else "printed"
        console.print(f"[green]{len(cues)} caption{'s' if len(cues) != 1 else ''}[/] ({tr.language or '?'}, "
                      f"{len(tr.words)} words) {where} in {took:.1f} s", highlight=False)
        if not cues:
            console.print("[yellow]no speech found[/]")


@app.command()
def say(
    text: Annotated[str, typer.Argument(help="what to say (or @script.txt)")],
    output: Annotated[Path, typer.Option("-o", "--output", help="WAV to write")] = Path("voiceover.wav"),
    language: Annotated[str | None, typer.Option("--language", "-l", help="en (Piper), zh/other (espeak-ng); default: guess")] = None,
    speed: Annotated[float, typer.Option("--speed", help="0.5-2.0")] = 1.0,
) -> None:
    """Speak TEXT into a WAV voiceover — offline (Piper English voice; espeak-ng for others)."""
    with friendly_errors():
        if text.startswith("@"):
            _need_files([text[1:]])
            text = Path(text[1:]).read_text(encoding="utf-8")
        if not text.strip():
            raise typer.BadParameter("nothing to say: the text is empty")
        from reelforge import ai

        if output.suffix.lower() != ".wav":
            raise typer.BadParameter(f"output must end in .wav: {output}")
        output.parent.mkdir(parents=True, exist_ok=True)
        with console.status("speaking…"):
            info = ai.synthesize(text, output, language=language, speed=speed)
        console.print(f"[green]wrote[/] {output} ({info.duration_ms / 1000:.2f} s, {info.engine} {info.voice}, "
                      f"{info.language})", highlight=False)


@app.command()
def beats(
    music: Annotated[Path, typer.Argument(help="a music file")],
    as_json: Annotated[bool, typer.Option("--json", help="all beat times as JSON")] = False,
) -> None:
    """Detect the tempo and beat times of MUSIC (for beat-synced cuts)."""
    with friendly_errors():
        _need_files([music])
        from reelforge import ai

        info = ai.detect_beats(music)
        if as_json:
            out.print_json(json.dumps({"bpm": info.bpm, "beat_times_ms": list(info.beat_times_ms),
                                       "duration_ms": info.duration_ms, "confidence": info.confidence}))
            return
        first = ", ".join(f"{t / 1000:.2f}" for t in info.beat_times_ms[:8])
        more = " …" if len(info.beat_times_ms) > 8 else ""
        out.print(f"{info.bpm:g} BPM, {len(info.beat_times_ms)} beats in {info.duration_ms / 1000:.1f} s "
                  f"(confidence {info.confidence:.2f}); first beats at {first}{more} s", highlight=False)


@app.command()
def batch(
    source: Annotated[Path, typer.Argument(help="a CSV (name, assets, any {placeholder} columns) or a folder")],
    prompt: Annotated[str, typer.Option("-p", "--prompt", help="instruction for every row; {column} is filled in")] = "",
    outdir: Annotated[Path | None, typer.Option("-o", "--outdir", help="folder for the videos")] = None,
    brand: Annotated[Path | None, typer.Option("--brand", help="brand kit applied to every video")] = None,
    quality: Annotated[str, typer.Option("--quality", "-q")] = "standard",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="plan every row, render nothing")] = False,
) -> None:
    """One video per CSV row or sub-folder, each its own render; a summary table at the end."""
    _check_quality(quality)
    from reelforge.ai.batch import load_batch, run_batch
    from reelforge.render.cache import default_cache
    from reelforge.render.chunked import export
    from reelforge.session import Session, media_cache

    with friendly_errors():
        _need_files([source, *([brand] if brand else [])])
        jobs = load_batch(source, prompt, out_dir=outdir)
        cache = default_cache()  # the chunk cache of `make`, shared by the rows
        console.print(f"{len(jobs)} video{'s' if len(jobs) != 1 else ''} to make from {source}")

        def make_one(job) -> str:
            session = Session.new(local_files=True)
            if brand:
                session.brand_path = str(brand.resolve())
            session.add_assets(job.assets, workdir=media_cache())
            reply = session.handle(job.instruction)
            if session.timeline is None:
                raise ValueError(reply.message)
            console.print(f"[bold]{escape(job.name)}[/]: {escape(reply.summary)}", highlight=False)
            if dry_run:
                return "(dry run) " + reply.summary
            target = Path(job.output)
            target.parent.mkdir(parents=True, exist_ok=True)
            export(session.timeline, target, quality=quality, cache=cache)
            return str(target)

        report = run_batch(jobs, make_one, progress=lambda i, n, job: console.print(
            f"[dim][{i + 1}/{n}][/] {job.name}: {job.instruction}", highlight=False))
        table = Table(title="batch", show_lines=False)
        for col in ("#", "name", "status", "seconds", "output / error"):
            table.add_column(col, overflow="fold")
        for i, r in enumerate(report.results, 1):
            table.add_row(str(i), r.job.name, "[green]ok[/]" if r.ok else "[red]FAILED[/]", f"{r.seconds:.1f}",
                          r.output if r.ok else r.error)
        out.print(table)
        out.print(f"{report.ok} made, {report.failed} failed, {len(report.results)} jobs", highlight=False)
        if report.failed:
            raise typer.Exit(1)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help="where the database and media live")] = None,
    worker: Annotated[bool, typer.Option("--worker/--no-worker", help="run the embedded render worker")] = True,
) -> None:
    """Run the HTTP API, the web page and an embedded render worker."""
    from reelforge.service.app import serve as run_server
    from reelforge.service.config import Settings

    overrides = {"host": host, "port": port, "embedded_worker": worker}
    if data_dir:
        overrides["data_dir"] = data_dir
    with settings_errors("serve"):
        settings = Settings(**overrides)
    run_server(settings)


@app.command()
def worker(
    data_dir: Annotated[Path | None, typer.Option("--data-dir")] = None,
) -> None:
    """Run an extra render worker on the same queue (Redis or the data dir's SQLite queue)."""
    from reelforge.service.config import Settings
    from reelforge.service.jobs import run_worker

    with settings_errors("worker"):
        settings = Settings(**({"data_dir": data_dir} if data_dir else {}))
    run_worker(settings)


@app.command()
def mcp(
    http: Annotated[bool, typer.Option("--http", help="serve streamable HTTP at /mcp instead of stdio")] = False,
    url: Annotated[str | None, typer.Option("--url", help="drive a running `reelforge serve` at this base URL")] = None,
    host: Annotated[str, typer.Option(help="interface for --http")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port for --http")] = 8765,
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help="where embedded sessions live")] = None,
    insecure_no_auth: Annotated[bool, typer.Option(
        "--insecure-no-auth", help="--http without a bearer token (loopback hosts only; local development)")] = False,
) -> None:
    """Run the MCP server for AI agents (stdio by default; embedded unless --url).

    Over --http every request needs 'Authorization: Bearer <token>': the key in
    $REELFORGE_MCP_KEY, or (with --url) the caller's service token."""
    from reelforge.mcp.auth import AuthConfigError
    from reelforge.mcp.server import run

    try:
        run(transport="http" if http else "stdio", url=url, host=host, port=port, data_dir=data_dir,
            insecure_no_auth=insecure_no_auth)
    except AuthConfigError as exc:
        typer.echo(f"reelforge mcp: {exc}", err=True)
        raise typer.Exit(2) from None


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())

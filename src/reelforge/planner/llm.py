"""Optional LLM edit planner for any OpenAI-compatible endpoint, falling back to the rules.

Configured by the environment; unconfigured, it is never used:

    REELFORGE_LLM_BASE_URL   e.g. http://localhost:11434/v1 or https://api.openai.com/v1
    REELFORGE_LLM_MODEL      e.g. qwen2.5:7b-instruct
    REELFORGE_LLM_API_KEY    optional bearer token
    REELFORGE_LLM_TIMEOUT    seconds, default 30

`plan_edit` POSTs ``{base}/chat/completions`` with one tool, ``edit_timeline``, whose
parameters are the ops' JSON Schema (`reelforge.planner.ops.ops_json_schema`); the prompt
carries the current compact draft, the one-glance summary, the media library and the conversation
memory (the last change and what it referred to, so follow-ups like "and the next one too" read). The tool
call's arguments are validated with Pydantic and dry-run against the timeline. On any failure
(network, HTTP status, no tool call, invalid JSON, invalid ops, ops that cannot apply) it plans
with the rule planner instead and says so at the start of the reply.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import httpx

from reelforge.errors import ReelforgeError
from reelforge.planner import memory as M
from reelforge.planner import op_words as W
from reelforge.planner import ops as O
from reelforge.planner import rules
from reelforge.planner.apply import apply
from reelforge.planner.rules import EditPlan
from reelforge.timeline.draft import to_draft
from reelforge.timeline.model import Asset, Timeline
from reelforge.timeline.summary import summarize

TOOL_NAME = "edit_timeline"


@dataclass(frozen=True)
class LLMConfig:
    base_url: str
    model: str
    api_key: str | None = None
    timeout: float = 30.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> LLMConfig | None:
        env = os.environ if env is None else env
        base = (env.get("REELFORGE_LLM_BASE_URL") or "").strip()
        model = (env.get("REELFORGE_LLM_MODEL") or "").strip()
        if not base or not model:
            return None
        try:
            timeout = float(env.get("REELFORGE_LLM_TIMEOUT") or 30)
        except ValueError:
            timeout = 30.0
        return cls(base.rstrip("/"), model, (env.get("REELFORGE_LLM_API_KEY") or "").strip() or None, timeout)


class LLMFailure(ReelforgeError):
    """The endpoint failed or answered with something that is not a valid plan."""


def tool_definition() -> dict[str, Any]:
    return {"type": "function", "function": {
        "name": TOOL_NAME,
        "description": "Edit the video timeline with a list of typed operations, applied in order.",
        "parameters": O.ops_json_schema(),
    }}


_SYSTEM = """You edit short videos. The user talks about the current timeline; answer ONLY by calling
the tool `edit_timeline` with the list of operations that does what they ask.
Conventions: times in milliseconds; volumes are linear gains (20% -> 0.2; -6 dB -> 0.5);
segments are addressed with a Target: role (main = the pictures/clips track) and index (0-based,
-1 = last) with kind "image" for stills or "video" for clips, or name (part of the file name or
text), or at_ms. Use asset ids from the media library for new media. Text roles: title, caption,
cta. Aspect presets: 16:9, 9:16, 1:1, 4:5. Do not invent media that is not in the library.
Ops apply in order, each to the result of the one before: when removing several shots by
index, remove the later ones first.
AI features are requests the app resolves by running its models: auto_captions (captions from the
speech), voiceover (text or script_file; captions=true to caption it), smart_reframe (on/off),
cut_to_beat, use_highlight (best part of a clip, seconds), trim_silence, use_brand. Never write
set_captions, add_voiceover, set_focus, set_backdrop, beat_sync, set_in_point or apply_brand yourself: they carry
model results.
Follow-ups lean on `conversation` (the previous instruction's change, what it referred to, and the last
move): "and the next one too" repeats that change on the next shot, "make it 5 instead" redoes it with
another value, "put it back" moves the last moved shot back to where it was, "it" is what was referred to."""


def conversation(memory: M.Memory | dict | None) -> dict[str, Any]:
    """What the model needs of the conversation memory (`planner.memory`) to read a follow-up."""
    mem = memory if isinstance(memory, M.Memory) else M.Memory.from_dict(memory)
    out: dict[str, Any] = {}
    if mem.ops:
        out["last_change"] = list(mem.ops)
    if mem.target is not None:
        out["last_referred_to"] = {"role": "main", **mem.target}
        if mem.name:
            out["last_referred_to"]["name"] = mem.name
    if mem.moved:
        out["last_move"] = {"segment_id": mem.moved[0], "was_at_index": mem.moved[1]}
    return out


def build_messages(instruction: str, timeline: Timeline, library: Sequence[Asset],
                   new_assets: Sequence[Asset] = (), memory: M.Memory | dict | None = None) -> list[dict[str, str]]:
    media = [{"id": a.id, "name": a.name, "kind": a.kind.value, "duration_ms": a.duration_ms}
             for a in (library or timeline.assets)]
    context = {
        "summary": summarize(timeline),
        "draft": to_draft(timeline),
        "media_library": media,
        "just_added": [a.id for a in new_assets],
    }
    if talk := conversation(memory):
        context["conversation"] = talk
    return [
        {"role": "system", "content": _SYSTEM},
        {"role": "user", "content": "Current project:\n" + json.dumps(context, ensure_ascii=False)
         + "\n\nInstruction: " + instruction},
    ]


def request_ops(config: LLMConfig, instruction: str, timeline: Timeline, library: Sequence[Asset] = (),
                new_assets: Sequence[Asset] = (), *, transport: httpx.BaseTransport | None = None,
                memory: M.Memory | dict | None = None) -> list[O.Op]:
    """Ask the endpoint for ops. Raises `LLMFailure` with a short reason on anything wrong."""
    body = {
        "model": config.model,
        "messages": build_messages(instruction, timeline, library, new_assets, memory),
        "tools": [tool_definition()],
        "tool_choice": {"type": "function", "function": {"name": TOOL_NAME}},
        "temperature": 0,
    }
    headers = {"Content-Type": "application/json"}
    if config.api_key:
        headers["Authorization"] = f"Bearer {config.api_key}"
    try:
        with httpx.Client(timeout=config.timeout, transport=transport) as client:
            resp = client.post(f"{config.base_url}/chat/completions", json=body, headers=headers)
    except httpx.HTTPError as exc:
        raise LLMFailure(f"could not reach the model ({type(exc).__name__})") from exc
    if resp.status_code != 200:
        raise LLMFailure(f"the model endpoint answered HTTP {resp.status_code}")
    try:
        data = resp.json()
        message = data["choices"][0]["message"]
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise LLMFailure("the model's answer was not a chat completion") from exc
    args = _tool_arguments(message)
    if args is None:
        raise LLMFailure("the model did not call the edit tool")
    try:
        parsed = json.loads(args) if isinstance(args, str) else args
    except ValueError as exc:
        raise LLMFailure("the model's tool arguments were not JSON") from exc
    if isinstance(parsed, list):
        parsed = {"ops": parsed}
    if not isinstance(parsed, dict) or not isinstance(parsed.get("ops"), list):
        raise LLMFailure("the model's tool call had no list of ops")
    try:
        ops = O.parse_ops(parsed["ops"])
    except ReelforgeError as exc:
        raise LLMFailure(f"the model proposed invalid ops ({exc.message})") from exc
    if not ops:
        raise LLMFailure("the model proposed no change")
    return ops


def _tool_arguments(message: Any) -> Any:
    if not isinstance(message, dict):
        return None
    for call in message.get("tool_calls") or ():
        fn = (call or {}).get("function") or {}
        if fn.get("name") == TOOL_NAME:
            return fn.get("arguments")
    fc = message.get("function_call")  # older servers
    if isinstance(fc, dict) and fc.get("name") == TOOL_NAME:
        return fc.get("arguments")
    return None


def plan_edit(instruction: str, timeline: Timeline, *, library: Sequence[Asset] = (),
              new_assets: Sequence[Asset] = (), config: LLMConfig | None = None,
              transport: httpx.BaseTransport | None = None, memory: dict | None = None) -> EditPlan:
    """Plan with the model when configured; on any failure use the rules and say so."""
    cfg = config or LLMConfig.from_env()
    if cfg is None:
        return rules.plan_edit(instruction, timeline, library=library, new_assets=new_assets, memory=memory)
    try:
        ops = request_ops(cfg, instruction, timeline, library, new_assets, transport=transport, memory=memory)
        # requests (captions, voiceover, …) are resolved by the session; check the ops before the first one
        first_request = next((i for i, o in enumerate(ops) if isinstance(o, O.REQUEST_TYPES)), len(ops))
        apply(timeline, [o for o in ops[:first_request] if not isinstance(o, (O.Undo, O.Redo))], library=library)
    except ReelforgeError as exc:
        fallback = rules.plan_edit(instruction, timeline, library=library, new_assets=new_assets, memory=memory)
        why = exc.message
        return replace(fallback, reply=f"(LLM planner unavailable: {why}; used the built-in rules.) {fallback.reply}")
    names = {a.id: a.name for a in (*library, *timeline.assets)}
    understood = tuple(W.describe(o, names) for o in ops)
    reply = "; ".join(understood)
    remembered = M.remember(M.Memory.from_dict(memory), ops, timeline, library).to_dict()
    return EditPlan("ok", tuple(ops), reply[:1].upper() + reply[1:] + ".", understood, memory=remembered)

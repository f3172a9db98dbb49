"""Planner: instruction -> timeline (compose) and -> edit ops (rules/llm). Pure, no I/O."""

from reelforge.planner.compose import Plan, plan
from reelforge.planner.numerals import parse_number, parse_ordinal
from reelforge.planner.parse import (
    TransitionSpec,
    is_chinese,
    mentions_voiceover,
    parse_aspect,
    parse_db,
    parse_music_volume,
    parse_percent,
    parse_position,
    parse_resolution,
    parse_transition,
    parse_voice_volume,
    wants_motion,
    wants_text_overlays,
)
from reelforge.planner.quotes import quoted_texts
from reelforge.planner.time_words import (
    DurationMatch,
    RangeKind,
    TimeRange,
    find_durations,
    parse_duration_ms,
    parse_time_range,
    parse_time_value_ms,
)

__all__ = [
    "Plan", "plan",
    "DurationMatch", "RangeKind", "TimeRange", "TransitionSpec", "find_durations", "is_chinese",
    "mentions_voiceover", "parse_aspect", "parse_db", "parse_duration_ms", "parse_music_volume",
    "parse_number", "parse_ordinal", "parse_percent", "parse_position", "parse_resolution",
    "parse_time_range", "parse_time_value_ms", "parse_transition", "parse_voice_volume",
    "quoted_texts", "wants_motion", "wants_text_overlays",
]

# edit ops, their application, the intent router and the rule edit planner
from reelforge.planner.apply import ApplyError, apply  # noqa: E402
from reelforge.planner.op_words import describe  # noqa: E402
from reelforge.planner.ops import Op, Target, Timing, dump_ops, ops_json_schema, parse_ops  # noqa: E402
from reelforge.planner.router import Intent, route, split_export  # noqa: E402
from reelforge.planner.rules import EditPlan, plan_edit  # noqa: E402

__all__ += [
    "ApplyError", "apply", "Op", "Target", "Timing", "describe", "dump_ops", "ops_json_schema", "parse_ops",
    "Intent", "route", "split_export", "EditPlan", "plan_edit",
]

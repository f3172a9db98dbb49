"""`AIStage._memo`: model results made in the background are waited for, failures not kept."""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future

import pytest

from reelforge.ai_stage import AIStage


def test_a_value_made_in_the_background_is_waited_for_and_not_made_again():
    stage = AIStage(None)  # type: ignore[arg-type]
    held: Future = Future()
    stage.cache["k"] = held
    threading.Thread(target=lambda: (time.sleep(0.2), held.set_result("heard"))).start()
    assert stage._memo("k", lambda: pytest.fail("made again")) == "heard"
    assert stage.cache["k"] == "heard"


def test_a_background_failure_is_made_again_here_and_raises_as_it_would():
    stage = AIStage(None)  # type: ignore[arg-type]
    failed: Future = Future()
    failed.set_exception(RuntimeError("no model"))
    stage.cache["k"] = failed
    with pytest.raises(ValueError, match="still broken"):
        stage._memo("k", lambda: (_ for _ in ()).throw(ValueError("still broken")))
    assert "k" not in stage.cache
    assert stage._memo("k", lambda: 3) == 3


def test_heard_is_none_while_nothing_or_a_failure_is_held():
    class _S:
        library = ()
    stage = AIStage(_S())  # type: ignore[arg-type]
    assert stage.heard("/nowhere.wav") is None

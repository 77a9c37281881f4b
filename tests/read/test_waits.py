"""Work done while Tesseract runs (``read.waits``): queued steps run in the caller's thread during a
wait, each at most once a wait, and never change what the wait returns or raises."""

from __future__ import annotations

import threading
import time

import pytest

from extract.read.waits import meanwhile, while_waiting


def _slow(value: object, seconds: float = 0.2) -> object:
    time.sleep(seconds)
    return value


def test_steps_run_in_this_thread_while_the_wait_runs_in_another() -> None:
    seen: list[tuple[str, bool]] = []
    waiter: list[str] = []

    def wait() -> int:
        waiter.append(threading.current_thread().name)
        return int(_slow(7))  # type: ignore[call-overload]

    def step(name: str) -> bool:
        seen.append((name, threading.current_thread() is threading.main_thread()))
        return True

    with meanwhile([lambda: step("a"), lambda: step("b")]):
        assert while_waiting(wait) == 7
        assert while_waiting(lambda: 8) == 8  # nothing left to do: no thread
    assert seen == [("a", True), ("b", True)]
    assert waiter == ["tesseract-wait"]


def test_a_step_not_ready_runs_again_at_the_next_wait_and_is_dropped_with_its_block() -> None:
    tries: list[int] = []

    def not_yet() -> bool:
        tries.append(1)
        return len(tries) >= 3

    with meanwhile([not_yet]):
        while_waiting(lambda: _slow(None, 0.05))
        assert tries == [1]  # once a wait, not in a loop
        while_waiting(lambda: _slow(None, 0.05))
    assert len(tries) == 2
    while_waiting(lambda: None)  # the block is over: nothing queued
    assert len(tries) == 2


def test_a_failing_step_is_dropped_and_the_wait_still_counts() -> None:
    def broken() -> bool:
        raise RuntimeError("no spaCy today")

    with meanwhile([broken]):
        assert while_waiting(lambda: _slow("ok", 0.05)) == "ok"


def test_the_waits_error_reaches_the_caller() -> None:
    def wait() -> None:
        raise TimeoutError("Tesseract took too long")

    with meanwhile([lambda: True]), pytest.raises(TimeoutError, match="too long"):
        while_waiting(wait)


def test_outside_the_main_thread_steps_wait_for_a_wait_there() -> None:
    ran: list[bool] = []
    with meanwhile([lambda: ran.append(True) or True]):
        worker = threading.Thread(target=lambda: while_waiting(lambda: None))
        worker.start()
        worker.join()
        assert ran == []
        while_waiting(lambda: _slow(None, 0.05))
    assert ran == [True]

"""The worker pool on its own: pages shared with idle workers, live page progress, page time limits."""

from __future__ import annotations

from extract.batch.messages import Ready
from extract.batch.pool import WorkerPool
from extract.batch.tasks import Done, Failed, Task, WorkerConfig
from extract.settings import Settings


def config(page_timeout: float = 120.0) -> WorkerConfig:
    return WorkerConfig(settings_json=Settings().model_dump_json(), handler="batch_fakes:map_handler",
                        warm_up=False, page_timeout_s=page_timeout)


def test_lone_document_pages_run_on_every_worker_with_live_progress(fake_pipeline: None) -> None:
    seen: list[int] = []
    with WorkerPool(2, config()) as pool:
        results = list(pool.run([Task(7, {"n": 10}, timeout_s=60)], on_page=seen.append))
    (task, outcome), = results
    assert task.id == 7 and isinstance(outcome, Done) and outcome.value["records"] == 10
    assert len(outcome.value["pids"]) == 2
    assert seen == [7] * 10


def test_a_page_over_its_limit_fails_the_document_and_the_pool_recovers(fake_pipeline: None) -> None:
    with WorkerPool(2, config(page_timeout=1.5)) as pool:
        results = list(pool.run([Task(1, {"n": 4, "slow": True}, timeout_s=5)]))
        assert [r.kind if isinstance(r, Failed) else r for _, r in results] == ["timeout"]
        again = list(pool.run([Task(2, {"n": 6}, timeout_s=60)]))
    assert isinstance(again[0][1], Done) and again[0][1].value["records"] == 6


def test_a_pool_whose_processes_were_killed_from_another_thread_still_runs(fake_pipeline: None) -> None:
    """What Ctrl-C on a dask run does to the pools on a worker (dask_tasks.cancel_run): the next file there runs."""
    with WorkerPool(1, config()) as pool:
        assert [type(r) for _t, r in pool.run([Task(1, {"n": 2}, 30)])] == [Done]
        pool.kill_processes()
        second = [r for _t, r in pool.run([Task(2, {"n": 2}, 30)])]
        assert isinstance(second[0], Done), second


def test_a_helper_page_runs_after_its_process_was_killed(fake_pipeline: None) -> None:
    """``run_page`` (a page of a document running on another dask worker) after a cancelled run's kill."""
    import pickle

    from batch_fakes import square_with_pid

    with WorkerPool(1, config()) as pool:
        payload = pool.run_page(pickle.dumps(square_with_pid), pickle.dumps(3))
        assert payload is not None and pickle.loads(payload)[0] == 9
        pool.kill_processes()
        payload = pool.run_page(pickle.dumps(square_with_pid), pickle.dumps(4))
        assert payload is not None and pickle.loads(payload)[0] == 16

def test_a_lone_document_goes_to_its_own_worker_while_the_helper_loads_the_ocr_stack(fake_pipeline: None) -> None:
    """A lone scan's worker starts on it at once (no rule tables first: they are built while Tesseract
    runs); the other worker, there for pages, imports the OCR stack while it waits for them."""
    from multiprocessing.connection import wait

    warm = WorkerConfig(settings_json=Settings().model_dump_json(), handler="batch_fakes:whoami_handler")
    with WorkerPool(2, warm) as pool:
        pool.start(documents=1)
        owner, helper = pool.workers
        assert (owner.config.warm_up, owner.config.preload_ocr) == (False, False)
        assert (helper.config.warm_up, helper.config.preload_ocr) == (False, True)
        (_task, outcome), = pool.run([Task(1, {}, timeout_s=60)])
        assert isinstance(outcome, Done) and outcome.value["pid"] == owner.process.pid
        assert not outcome.value["cv2"]
        if not helper.ready:  # its Ready message, sent when the OCR stack is loaded (a fixed sleep lost under load)
            # Read it here: left unread, the owner could finish task 2 and take task 3 before the pool reads it.
            wait([helper.conn], 60)
            assert isinstance(helper.conn.recv(), Ready)
            helper.ready = True
        outcomes = [o for _t, o in pool.run([Task(2, {}, 60), Task(3, {}, 60)])]
        assert {o.value["pid"] for o in outcomes if isinstance(o, Done)} == {owner.process.pid, helper.process.pid}
    with WorkerPool(2, warm) as pool:
        pool.start(documents=2)  # a worker per document: both build the rule tables
        assert [(w.config.warm_up, w.config.preload_ocr) for w in pool.workers] == [(True, False), (True, False)]

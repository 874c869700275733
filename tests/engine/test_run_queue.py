"""How pending run requests coalesce (semantics 8, 22), tested on wasmlit.run_queue."""
from wasmlit.run_queue import RunQueue


def pending(queue):
    return [(r.fragment_id, r.widget_values) for r in queue.pending]


def test_an_empty_queue_pops_nothing():
    assert RunQueue().pop() is None


def test_duplicate_requests_for_the_same_fragment_collapse():
    q = RunQueue()
    q.request_fragment("a")
    q.request_fragment("a")
    assert pending(q) == [("a", {})]


def test_different_fragments_run_in_arrival_order():
    q = RunQueue()
    for fid in ("c", "a", "b", "a"):
        q.request_fragment(fid)
    assert [q.pop().fragment_id for _ in range(3)] == ["c", "a", "b"]
    assert q.pop() is None


def test_a_full_run_supersedes_pending_fragment_runs():
    q = RunQueue()
    q.request_fragment("a")
    q.request_fragment("b")
    q.request_full()
    assert pending(q) == [(None, {})]


def test_fragment_requests_after_a_pending_full_run_fold_into_it():
    q = RunQueue()
    q.request_full()
    q.request_fragment("a", {"w": 1})
    assert pending(q) == [(None, {"w": 1})]


def test_duplicate_full_runs_collapse():
    q = RunQueue()
    q.request_full()
    q.request_full()
    assert len(q) == 1 and q.has_full_run()


def test_widget_values_merge_when_fragment_requests_collapse():
    q = RunQueue()
    q.request_fragment("a", {"x": 1, "y": 1})
    q.request_fragment("a", {"y": 2, "z": 3})
    assert pending(q) == [("a", {"x": 1, "y": 2, "z": 3})]


def test_a_full_run_keeps_the_widget_values_of_the_requests_it_supersedes():
    q = RunQueue()
    q.request_fragment("a", {"x": 1})
    q.request_fragment("b", {"y": 2})
    q.request_full({"z": 3})
    assert pending(q) == [(None, {"x": 1, "y": 2, "z": 3})]


def test_newer_widget_values_win_when_a_full_run_merges():
    q = RunQueue()
    q.request_full({"x": "old"})
    q.request_full({"x": "new"})
    assert pending(q) == [(None, {"x": "new"})]


def test_a_fragment_rerun_requested_first_jumps_the_queue():
    q = RunQueue()
    q.request_fragment("b")
    q.request_fragment("a", first=True)
    assert [r.fragment_id for r in q.pending] == ["a", "b"]


def test_has_full_run_is_false_with_only_fragment_requests():
    q = RunQueue()
    q.request_fragment("a")
    assert not q.has_full_run()
    assert q and len(q) == 1

"""The story worker's loop (newscrawl.worker), fed through in-memory pipes."""

import io
import operator
import pickle
import threading

import pytest

from newscrawl.worker import frame, serve, unframe


def served(*calls) -> list:
    answers = io.BytesIO()
    serve(io.BytesIO(b"".join(frame(call) for call in calls)), answers)
    return unframe(bytearray(answers.getvalue()))


def test_answers_come_back_in_call_order():
    assert served((operator.add, (2, 3)), (str.upper, ("ab",)), (sorted, ([3, 1, 2],))) == \
        [(True, 5), (True, "AB"), (True, [1, 2, 3])]


def test_a_failing_call_returns_its_traceback_and_the_next_call_still_runs():
    (ok, message), after = served((operator.truediv, (1, 0)), (operator.add, (1, 1)))
    assert not ok and "ZeroDivisionError" in message and "Traceback" in message
    assert after == (True, 2)


def test_a_result_that_cannot_cross_the_pipe_is_reported_not_lost():
    (ok, message), = served((threading.Lock, ()))
    assert not ok and "pickle" in message.lower()


def test_a_call_the_worker_cannot_read_is_reported():
    broken = pickle.dumps((operator.add, (1, 2))).replace(b"operator", b"operatox")
    answers = io.BytesIO()
    serve(io.BytesIO(len(broken).to_bytes(4, "big") + broken), answers)
    (ok, message), = unframe(bytearray(answers.getvalue()))
    assert not ok and "operatox" in message


@pytest.mark.parametrize("chunk", [1, 3, 7, 1000])
def test_frames_are_read_whole_however_the_bytes_arrive(chunk):
    stream = frame("أول") + frame({"body": "ب" * 5000}) + frame(None)
    buffer, seen = bytearray(), []
    for start in range(0, len(stream), chunk):
        buffer += stream[start:start + chunk]
        seen += unframe(buffer)
    assert seen == ["أول", {"body": "ب" * 5000}, None] and not buffer

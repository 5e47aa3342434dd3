"""The second half of a long file of ISO days, converted on another core by a forked child.

``npkit date convert - < days.txt`` in a line format, with stdin a regular file of
``MIN_BYTES``–``MAX_BYTES`` and a converter that answers from the day table: the file is cut
at a line start a little before its middle (``CUT``). A child process (``os.fork``, so it
shares this process's state, copy-on-write) converts the second half into memory while this
process converts the first half as it always does; then this process writes the format's
separator, and the child writes its rows straight to the same stdout and exits; lines added
to the file after the cut (a log still written to) are then read on here.

The child takes only what the day table answers: at the first block it cannot (a blank line,
a bad day, Windows line ends, a last line without its newline, …) it declines, writes
nothing, and the rest of the file is converted here, line by line as always, errors and their
line numbers included. So stdout is byte for byte what one process writes; only the wall time
changes. A day of an unverified year in the child's half is reported back, and its one
warning given here, before the child's rows. ``NPKIT_JOBS=1`` turns the child off.
"""

from __future__ import annotations

import os
import sys

from npkit import logs

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import IO, BinaryIO

    from npkit.sheets.bulk import BulkResult, _LineConverter

MIN_BYTES = 1 << 21
"""A file of fewer bytes (~190,000 days) is converted in one process: a fork and its
hand-over cost more than half of it."""
MAX_BYTES = 1 << 26
"""A file of more bytes is streamed in one process: the child holds its half's rows in
memory, and memory stays flat however long the input."""
CUT = 9 / 20
"""Where the file is cut: this process, which also started the program and writes the first
rows, takes a little less than half (measured: 9/20 ended both at about the same time)."""
BLOCK_LINES = 5957  # ~64 KiB of ``YYYY-MM-DD\n``: the blocks one process reads from a file
_DECLINED = b"-\n"
_BROKEN_PIPE = 32  # the child's exit status when stdout went away (EPIPE) as it wrote


def _jobs_allowed() -> bool:
    """Whether a child may be forked: a POSIX system, no other thread (a fork copies only the
    calling one), and not turned off (``NPKIT_JOBS=1``)."""
    if os.environ.get("NPKIT_JOBS", "").strip() == "1" or not hasattr(os, "fork"):
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


class SecondHalf:
    """A child converting ``[split, end)`` of stdin's file; this process reads up to
    ``split`` (``limit`` bytes from where it started)."""

    def __init__(self, pid: int, limit: int, end: int, status: int, go: int) -> None:
        self.pid = pid
        self.limit = limit
        self.end = end  # where the file ended when it was cut
        self._status = status  # the child's count of rows (or _DECLINED), then EOF
        self._go = go  # one byte: write your rows now
        self._reaped = False

    def finish(self, converter: _LineConverter, result: BulkResult, source: BinaryIO) -> None:
        """Once this process has written the first half: let the child write its rows and
        move ``source`` past them (what was added to the file since the cut, a log still
        written to, is then read on here); when the child declined, leave ``source`` at the
        cut (the rest is converted here)."""
        report = _read_all(self._status)
        fields = report.split()
        if report == _DECLINED or len(fields) != 2:
            self.close()
            logs.note(__name__, "date: the second half is converted here, line by line (a"
                      " second process takes only lines of plain YYYY-MM-DD days)")  # fmt: skip
            return
        count, unverified = int(fields[0]), int(fields[1])
        writer = converter.writer
        if unverified:
            converter.unverified.check_year(unverified)
        writer.stream.write(writer.lead())
        writer.stream.flush()
        os.write(self._go, b"g")
        status = self._wait()
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == 2:  # SIGINT
            raise KeyboardInterrupt
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == _BROKEN_PIPE:
            raise BrokenPipeError("stdout was closed while the rows were written")
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
            raise RuntimeError(f"the process writing the second half failed ({status})")
        writer.rows_written += count
        result.lines += count
        os.lseek(source.fileno(), self.end, os.SEEK_SET)
        logs.note(__name__, f"date: the last {count:,} rows were converted by a second process")

    def close(self) -> None:
        """Stop the child if it is still there (an error or Ctrl-C in the first half) and reap
        it: no process is left behind."""
        from contextlib import suppress

        for fd in (self._status, self._go):
            if fd >= 0:
                with suppress(OSError):
                    os.close(fd)
        self._status = self._go = -1
        if not self._reaped:
            with suppress(OSError):
                os.kill(self.pid, 9)  # SIGKILL: it has nothing to save
            self._wait()

    def _wait(self) -> int:
        self._reaped = True
        return os.waitpid(self.pid, 0)[1]


def start(
    source: BinaryIO, make: Callable[[], _LineConverter], stream: IO[str]
) -> SecondHalf | None:
    """Fork a child for the second half of ``source`` when it is worth it and safe, to write
    to ``stream`` the rows of the converter ``make`` gives (made only then); None otherwise
    (then nothing has happened)."""
    if not _jobs_allowed():
        return None
    encoding, errors = getattr(stream, "encoding", None), getattr(stream, "errors", None)
    if not isinstance(encoding, str):
        return None  # not a text stream over a file
    try:
        fd, out = source.fileno(), stream.fileno()
        here, info = os.lseek(fd, 0, os.SEEK_CUR), os.fstat(fd)
    except (AttributeError, OSError, ValueError):
        return None
    import stat

    size = info.st_size - here
    if not stat.S_ISREG(info.st_mode) or not MIN_BYTES <= size <= MAX_BYTES:
        return None
    converter = make()
    if converter.assume == "bs" or not converter.can_prefill:
        return None  # (the day table answers ISO AD days of its own fields only)
    middle = here + int(size * CUT)
    newline = os.pread(fd, 4096, middle).find(b"\n")
    if newline < 0:
        return None
    split = middle + newline + 1
    stream.flush()  # nothing the child inherits is written twice
    import signal

    status_r, status_w = os.pipe()
    go_r, go_w = os.pipe()
    # Ctrl-C is held back over the fork: the child must not run this process's handler.
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = os.fork()
    except OSError:  # (no more processes allowed): one process does it all
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        for end in (status_r, status_w, go_r, go_w):
            os.close(end)
        return None
    if pid == 0:  # the child: never returns
        code = 1
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C: gone at once, quietly
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            os.close(status_r)
            os.close(go_w)
            text = (encoding, errors if isinstance(errors, str) else "strict")
            code = _child(converter, fd, split, here + size, out, text, status_w, go_r)
        finally:
            os._exit(code)  # nothing this process inherited is flushed or run
    os.close(status_w)
    os.close(go_r)
    second = SecondHalf(pid, split - here, here + size, status_r, go_w)
    try:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a Ctrl-C held back arrives here
    except BaseException:
        second.close()
        raise
    return second


def _child(
    converter: _LineConverter,
    fd: int,
    split: int,
    end: int,
    out: int,
    encoding: tuple[str, str],
    status: int,
    go: int,
) -> int:
    """Convert ``[split, end)`` of ``fd`` from the day table, report the count, wait for the
    word, write the rows to ``out``; decline at the first block the table cannot answer. The
    child's exit status: 0, ``_BROKEN_PIPE`` or 1 (it reports by its status only)."""
    try:
        rows = _convert(converter, _read_span(fd, split, end))
        if rows is None:
            os.write(status, _DECLINED)
            return 0
        text, count, unverified = rows
        data = text.encode(*encoding)
        os.write(status, f"{count} {unverified}\n".encode())
        os.close(status)  # the parent reads to the end: it has the whole report
        if os.read(go, 1) == b"g":
            view = memoryview(data)
            while view:
                view = view[os.write(out, view) :]
        return 0
    except BrokenPipeError:
        return _BROKEN_PIPE
    except BaseException:  # (a report by exit status only: never a traceback)
        return 1


def _convert(converter: _LineConverter, data: bytes) -> tuple[str, int, int] | None:
    """The rows of ``data`` (joined with the format's separator), their count and the first
    unverified BS year met (0: none), each block through the converter's day table
    (``convert_block``); None when a block is not the day table's."""
    from npkit.sheets import isodays

    step = isodays.WIDTH * BLOCK_LINES
    if isodays.slots(data[:step]) is None:
        return None  # (before the table is built: a file of other dates costs nothing)
    converter.unverified.say = False  # the run's one warning is the parent's to give
    if converter.grid is None:
        converter.prefill()  # (a long half: however few distinct days its first block has)
    pieces: list[str] = []
    count = 0
    for start in range(0, len(data), step):
        converted = converter.convert_block(data[start : start + step])
        if converted is None:
            return None
        pieces += converted[0]
        count += converted[1]
    return converter.writer.kind.separator.join(pieces), count, converter.unverified.year


def _read_span(fd: int, start: int, end: int) -> bytes:
    """Bytes ``[start, end)`` of ``fd`` without moving its offset (the parent reads it)."""
    parts = []
    while start < end:
        part = os.pread(fd, end - start, start)
        if not part:
            break
        parts.append(part)
        start += len(part)
    return b"".join(parts)


def _read_all(fd: int) -> bytes:
    parts = []
    while part := os.read(fd, 256):
        parts.append(part)
    return b"".join(parts)

"""Running the build's runs: each notebook run in a child process (``python -m mali_caac.build --run``) or
forked from a warm worker (``--worker``), a few at a time, longest first; Ctrl-C, SIGTERM and SIGHUP stop them
all (:class:`Stopped`), their kernels included, and nothing is written after. What one run does is
:func:`mali_caac.build.run_job`; what to run, :func:`mali_caac.build.plan`.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .fingerprints import _read_json
from .package import atomic_write
from .sections import figure_ids


STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
"""Signals that stop a build as Ctrl-C (SIGINT) does: sent by CI timeouts, ``timeout(1)``, service managers and
a closing terminal."""


class Stopped(KeyboardInterrupt):
    """A build stopped by one of :data:`STOP_SIGNALS`: handled as Ctrl-C; ``signum`` says which (the command
    exits 128 + signum: 143 for SIGTERM, 129 for SIGHUP)."""

    def __init__(self, signum):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _raise_stopped(signum, frame):
    raise Stopped(signum)


class _StopOnSignals:
    """While a build runs (in the main thread): SIGTERM and SIGHUP raise :class:`Stopped`, so that the build stops
    its runs, kernels and workers as on Ctrl-C instead of dying and leaving them to write on. A signal that the
    build inherited as ignored (``nohup`` ignores SIGHUP) stays ignored; on leaving, the handlers are restored."""

    def __enter__(self):
        import threading

        self.previous = {}
        if threading.current_thread() is threading.main_thread():
            for signum in STOP_SIGNALS:
                if signal.getsignal(signum) is not signal.SIG_IGN:
                    self.previous[signum] = signal.signal(signum, _raise_stopped)
        return self

    def __exit__(self, *exc):
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)


class _Deaf:
    """Hold Ctrl-C and the stop signals while the build cleans up, so that cleaning up is never cut short; on
    leaving, the handlers are restored and, with ``reraise``, a signal that came meanwhile is raised then (when
    the build is not already stopping). Signals inherited as ignored stay ignored."""

    def __init__(self, reraise=False):
        self.reraise, self.caught, self.previous = reraise, None, {}

    def _note(self, signum, frame):
        self.caught = self.caught or signum

    def __enter__(self):
        import threading

        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, *STOP_SIGNALS):
                if signal.getsignal(signum) is not signal.SIG_IGN:
                    self.previous[signum] = signal.signal(signum, self._note)
        return self

    def __exit__(self, exc_type, *exc):
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)
        if self.reraise and self.caught and exc_type is None:
            raise KeyboardInterrupt() if self.caught == signal.SIGINT else Stopped(self.caught)


KERNELS = ("warm", "cold")
"""How runs start: ``warm`` forks each run and its kernel from a worker that has imported everything
(:mod:`mali_caac.kernels`); ``cold`` starts a new interpreter for each run and each kernel."""


def _env(job):
    """What a run's process (and kernel) must have in its environment besides the build's own."""
    return {"MALI_CAAC_DATA": str(job.data_dir), "MPLBACKEND": os.environ.get("MPLBACKEND", "agg"),
            "PYDEVD_DISABLE_FILE_VALIDATION": "1"}


class _Worker:
    """A warm worker (:func:`_worker_main`): runs one job at a time, each in a process forked for it."""

    def __init__(self, scratch, index, env):
        self.log_path = scratch / f"worker{index}.log"
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "mali_caac.build", "--worker"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.log, env=dict(os.environ, **env),
                                     start_new_session=True)
        os.set_blocking(self.proc.stdout.fileno(), False)
        self._pending = b""

    def give(self, spec):
        self.proc.stdin.write(f"{spec}\n".encode())
        self.proc.stdin.flush()

    def exit_code(self):
        """The exit code of the run it was given, once it has ended (else None); -1000 if the worker died."""
        try:
            self._pending += self.proc.stdout.read() or b""
        except (BlockingIOError, ValueError):
            pass
        if b"\n" in self._pending:
            line, self._pending = self._pending.split(b"\n", 1)
            return int(line)
        return None if self.proc.poll() is None else -1000

    def close(self):
        """Let it end (stdin closed); kill it if it does not within 5 s."""
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        self.log.close()


@dataclass
class _Running:
    proc: subprocess.Popen  # the run's process (cold), or the worker running it (warm)
    result: Path
    log: object
    worker: _Worker = None
    returncode: int = None

    def ended(self):
        if self.worker is None:
            self.returncode = self.proc.poll()
        elif self.returncode is None:
            self.returncode = self.worker.exit_code()
        return self.returncode is not None


def _spawn(job, scratch, index, worker=None):
    spec, result, runtime = scratch / f"{index}.json", scratch / f"{index}.result.json", scratch / str(index)
    runtime.mkdir()  # each run's kernel files (connection file, ipc sockets) in a short private folder
    env = dict(_env(job), JUPYTER_RUNTIME_DIR=str(runtime))
    job.log.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(spec, json.dumps({"job": job.to_json(), "result": str(result), "log": str(job.log), "env": env}))
    if worker is not None:
        worker.give(spec)
        return _Running(worker.proc, result, None, worker)
    log = open(job.log, "wb")
    proc = subprocess.Popen([sys.executable, "-m", "mali_caac.build", "--run", str(spec)], stdin=subprocess.DEVNULL,
                            stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, **env), start_new_session=True)
    return _Running(proc, result, log)


def _collect(job, running):
    if running.log is not None:
        running.log.close()
    result = _read_json(running.result)
    if result:
        return result
    logs = [job.log] + ([running.worker.log_path] if running.worker and running.returncode == -1000 else [])
    tail = []
    for log in logs:
        if log.exists():
            tail += log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
    code = "the worker running it died" if running.returncode == -1000 else f"exit code {running.returncode}"
    return {"section": job.section, "lang": job.lang, "seconds": 0.0,
            "error": f"{job.name}: the run stopped with {code}" + (": " + " | ".join(tail) if tail else "")
                     + f" (log: {job.log})"}


def _stop(running, workers=()):
    """Stop running runs, their kernels and the warm workers: SIGTERM, up to 5 s, then SIGKILL (at once on a
    second Ctrl-C)."""
    import psutil

    victims = []
    procs = {id(run.proc): run.proc for run in running.values()} | {id(w.proc): w.proc for w in workers}
    kids = {}
    for key, proc in procs.items():
        try:
            kids[key] = psutil.Process(proc.pid).children(recursive=True)
        except psutil.Error:
            kids[key] = []
    for job, run in running.items():
        victims.append((job, run, kids[id(run.proc)]))
    for proc in procs.values():
        if proc.poll() is None:
            proc.terminate()
    deadline = time.monotonic() + 5
    try:
        for proc in procs.values():
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
    except (subprocess.TimeoutExpired, KeyboardInterrupt):
        pass
    with _Deaf():
        for key, proc in procs.items():
            if proc.poll() is None:
                proc.kill()
            for kid in kids[key]:
                try:
                    kid.kill()
                except psutil.Error:
                    pass
            proc.wait()
        for worker in workers:
            worker.log.close()
        for job, run, pids in victims:
            if run.log is not None:
                run.log.close()
            # the temporary files of the stopped run and of its kernel (pid-named, so never another build's)
            pids = [run.proc.pid] + [k.pid for k in pids]
            for folder in (job.executed.parent, job.figures / job.lang):
                for pid in pids:
                    for tmp in folder.glob(f".*.tmp{pid}*"):
                        tmp.unlink(missing_ok=True)


def _expected_seconds(job):
    """How long a run is expected to take: its last run's time, else its number of figures (a rough proxy)."""
    last = _read_json(job.state).get("seconds")
    return float(last) if isinstance(last, (int, float)) else float(len(figure_ids(job.section)))


def _run_all(todo, workers, echo, kernels="warm", first=None):
    """Run the jobs, ``workers`` at a time, the longest first; returns their results. ``first`` is called once
    the warm workers are starting (their imports overlap it). Ctrl-C: stop all, then KeyboardInterrupt."""
    from . import kernels as warm_kernels

    queue = sorted(todo, key=_expected_seconds, reverse=True)  # the longest first: no long run left for the end
    running, results = {}, []
    spawned = 0
    scratch = Path(tempfile.mkdtemp(prefix="mcb-"))
    pool = []
    stopping = False
    try:
        try:
            if kernels == "warm" and warm_kernels.AVAILABLE:
                for i in range(min(workers, len(todo))):
                    pool.append(_Worker(scratch, i, _env(todo[0])))
            if first is not None:
                first()
            while queue or running:
                while queue and len(running) < workers:
                    job = queue.pop(0)
                    busy = {id(run.worker) for run in running.values()}
                    idle = next((w for w in pool if id(w) not in busy), None)
                    running[job] = _spawn(job, scratch, spawned, idle)
                    spawned += 1
                finished = [job for job, run in running.items() if run.ended()]
                for job in finished:
                    result = _collect(job, running.pop(job))
                    results.append(result)
                    echo(f"[{len(results)}/{len(todo)}] {job.section} ({job.lang}) "
                         f"{'FAILED' if result['error'] else 'ok'} in {result['seconds']:.1f} s")
                    if result["error"] and pool:  # a worker that died is replaced
                        dead = [w for w in pool if w.proc.poll() is not None]
                        for w in dead:
                            w.log.close()
                            pool[pool.index(w)] = _Worker(scratch, len(pool) + spawned, _env(job))
                if not finished:
                    time.sleep(0.02)
        except BaseException as exc:  # Ctrl-C, SIGTERM, or a bug: never leave a run, a kernel or a worker behind
            stopping = True
            stopped = len(running)
            _stop(running, pool)
            pool = []
            if isinstance(exc, KeyboardInterrupt):
                by = f" ({exc.args[0]})" if isinstance(exc, Stopped) else ""
                echo(f"interrupted{by}: {len(results)} finished run(s) kept, {stopped} stopped, {len(queue)} not started")
            raise
    finally:
        with _Deaf(reraise=not stopping):  # a signal while the workers end stops the build after
            for worker in pool:
                worker.close()
            shutil.rmtree(scratch, ignore_errors=True)
    return results

"""Warm kernels: a build's runs and their kernels are forked from a worker that has already imported
everything a run and a section notebook import.

A cold run pays, for every notebook, two Python start-ups and about 1.6 s of imports: papermill and
nbclient in the run's process, then ipykernel, pandas, matplotlib, geopandas, fontTools, Babel and
this library in its kernel. With 18 runs on 2 cores that is about a fifth of a full build.

So the build (:mod:`mali_caac.build`) starts one *worker* per parallel slot (``python -m
mali_caac.build --worker``), which imports :data:`PRELOAD` once and is then handed runs one at a time.
For each run the worker forks the run's process; that process first forks a :class:`Zygote` (a copy
of the worker that has done nothing yet but import, waiting on a pipe) and then executes the notebook
with papermill, whose :class:`WarmKernelManager` hands the zygote the kernel's command line,
environment and working folder instead of starting a new interpreter. The zygote becomes an
ipykernel with them.

What is shared is import-time state only: every notebook still runs in a kernel of its own, in a
process of its own, that ran no other notebook, with the environment, folder, interrupt and shutdown
signals of a kernel started the usual way. ``mali-caac build --kernels cold`` starts every run and
kernel afresh instead (also the fallback where ``os.fork`` does not exist); the tests check that both
give the same bytes.
"""
import atexit
import gc
import importlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager

PRELOAD = (
    # the run's process
    "papermill", "nbformat", "nbclient", "jupyter_client", "psutil", "traitlets.config",
    # the kernel
    "ipykernel.kernelapp", "ipykernel.ipkernel", "IPython", "IPython.display", "matplotlib_inline.backend_inline",
    # what the section notebooks and the library's charts import
    "numpy", "pandas", "matplotlib", "matplotlib.pyplot", "matplotlib.backends.backend_agg",
    "matplotlib.backends.backend_pdf", "matplotlib.backends.backend_svg", "PIL.Image", "babel.numbers",
    "babel.dates", "fontTools.subset", "shapely", "geopandas",
    "mali_caac", "mali_caac.charts", "mali_caac.notebook", "mali_caac.figures", "mali_caac.build",
)
"""The modules a worker imports before it forks anything (a missing one is left to the kernel, as in a cold run)."""

AVAILABLE = hasattr(os, "fork")
"""Warm kernels need ``os.fork`` (POSIX); elsewhere every run is cold."""

_FIRST_PATH = None  # sys.path[0] of the worker: its working folder, which a kernel must not import from


class _InKernel:
    """What a module that asks ``get_ipython()`` at import time sees in a kernel: a shell with a ``kernel``.

    pandas does (``pandas.core.config_init.is_terminal``): imported in a kernel it shows at most 20
    columns of a table, in a terminal as many as fit; the modules are imported as a kernel would."""

    kernel = True


def preload():
    """Import :data:`PRELOAD` (in a worker, before any fork), as they would be imported in a kernel."""
    import builtins

    global _FIRST_PATH
    _FIRST_PATH = sys.path[0] if sys.path else None
    builtins.get_ipython = _InKernel  # what IPython puts there in a kernel; gone before any fork
    try:
        for name in PRELOAD:
            try:
                importlib.import_module(name)
            except ImportError:
                pass
    finally:
        del builtins.get_ipython
    # what the worker imported is never collected: the forked runs and kernels neither scan it nor, by
    # scanning it, copy the worker's memory page by page (the documented use of gc.freeze before fork)
    gc.collect()
    gc.freeze()


def die_with_parent(signum=signal.SIGTERM):
    """Have the operating system send ``signum`` to this process when its parent dies (Linux's
    PR_SET_PDEATHSIG; elsewhere nothing): a run forked by a worker stops, with its kernel, if the worker is killed."""
    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(1, int(signum), 0, 0, 0) != 0:  # 1 = PR_SET_PDEATHSIG
            return
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request
        os.kill(os.getpid(), signum)


class ForkedProcess:
    """The part of :class:`subprocess.Popen` that jupyter_client uses of a kernel's process
    (``pid``, ``poll``, ``wait``, ``send_signal``, ``terminate``, ``kill``), for a child forked by this process."""

    stdin = stdout = stderr = None

    def __init__(self, pid):
        self.pid, self.returncode = pid, None

    def poll(self):
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # already reaped
                self.returncode = -1
            else:
                if pid:
                    self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.01)
        return self.returncode

    def send_signal(self, signum):
        if self.poll() is None:
            try:
                os.kill(self.pid, signum)
            except ProcessLookupError:
                pass

    def terminate(self):
        self.send_signal(signal.SIGTERM)

    def kill(self):
        self.send_signal(signal.SIGKILL)


class Zygote:
    """A copy of this process, forked now, that waits to become a kernel (:meth:`launch`) or exits (:meth:`close`).

    Fork it before the process starts threads, event loops or ZeroMQ sockets: the kernel starts its own.
    """

    def __init__(self):
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        read, self._write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(self._write)
            _become_kernel(read)  # never returns
        os.close(read)

    def can_run(self, cmd):
        """True for the command of an ipykernel on this interpreter (what the zygote has imported)."""
        if self._write is None or cmd[1:3] != ["-m", "ipykernel_launcher"]:
            return False
        found = shutil.which(cmd[0])
        return bool(found) and Path(found).resolve() == Path(sys.executable).resolve()

    def launch(self, cmd, env, cwd):
        """Turn the zygote into the kernel ``cmd`` (with ``env`` and ``cwd``); returns its :class:`ForkedProcess`."""
        request = json.dumps({"argv": cmd[3:], "env": dict(env), "cwd": str(cwd)}).encode()
        view = memoryview(request)
        while view:
            view = view[os.write(self._write, view):]
        self.close()
        return ForkedProcess(self.pid)

    def close(self):
        """A zygote not launched yet reads the end of its pipe and exits."""
        if self._write is not None:
            os.close(self._write)
            self._write = None


def _become_kernel(read):
    """In the zygote: wait for the kernel's command, then run it as ``python -m ipykernel_launcher`` would."""
    code = 0
    try:
        os.setsid()  # a process group of its own: interrupts (SIGINT to the group) reach the kernel only
        for signum in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        chunks = []
        while chunk := os.read(read, 1 << 16):
            chunks.append(chunk)
        os.close(read)
        if not chunks:
            os._exit(0)
        request = json.loads(b"".join(chunks))
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        try:  # what `ps` and psutil call the process
            Path("/proc/self/comm").write_text("ipykernel")
        except OSError:
            pass
        sys.argv = [sys.executable, *request["argv"]]
        if sys.path and sys.path[0] in ("", _FIRST_PATH):  # as ipykernel_launcher does with its own folder
            del sys.path[0]
        from ipykernel.kernelapp import IPKernelApp

        # the kernel's parent is this run's process; a cold kernel learns it from JPY_PARENT_PID at import
        parent = os.environ.get("JPY_PARENT_PID") or str(os.getppid())
        IPKernelApp.launch_instance(argv=[*request["argv"], f"--IPKernelApp.parent_handle={parent}"])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # noqa: BLE001 - reported in the run's log, never raised into the run's code
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        try:
            atexit._run_exitfuncs()
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


class WarmKernelManager(AsyncKernelManager):
    """A kernel manager that starts the kernel from this run's :class:`Zygote` (once; any other start is cold)."""

    zygote = None

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        zygote, WarmKernelManager.zygote = WarmKernelManager.zygote, None
        if zygote is None or not zygote.can_run(kernel_cmd):
            if zygote is not None:
                zygote.close()
            return await super()._async_launch_kernel(kernel_cmd, **kw)
        process = zygote.launch(kernel_cmd, kw.get("env") or os.environ, kw.get("cwd") or os.getcwd())
        provisioner = self.provisioner
        provisioner.process, provisioner.pid, provisioner.pgid = process, process.pid, process.pid
        self._reconcile_connection_info(provisioner.connection_info)

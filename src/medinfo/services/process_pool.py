"""A fork process pool whose bookkeeping thread sleeps while results wait to be read."""

from __future__ import annotations

from multiprocessing.pool import Pool
from typing import Any


class QuietPool(Pool):
    """`multiprocessing.pool.Pool` without its busy bookkeeping thread.

    The standard pool's worker-handler thread (which replaces workers that exit) also wakes
    whenever a result is waiting in the result pipe, and loops until the result thread has
    read it: in a bulk run that costs over a second of CPU and contends for the GIL with the
    writer. Without `maxtasksperchild` workers never leave on their own, so this pool's
    handler waits only for a worker to end or for the pool's own change notice.
    """

    def _get_sentinels(self) -> list[Any]:
        return [self._change_notifier._reader]  # type: ignore[attr-defined]

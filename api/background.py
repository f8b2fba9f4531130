"""The loops the lifespan runs in the background (webhook dispatcher, daily job): a step, then a
pause, for ever; a failed step is logged and the next one tries again."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable


async def every(seconds: float, step: Callable[[], Awaitable[object]], logger: logging.Logger, what: str) -> None:
    while True:
        try:
            await step()
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001  (the database or a receiver may be away: the next step tries again)
            logger.warning("%s failed; trying again in %ss", what, seconds, exc_info=True)
        await asyncio.sleep(seconds)

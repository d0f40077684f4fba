"""``POST /api/chat``: one message in, one reply and the next state out.

The handler owns what a chat request needs beyond routing: the state the client carries,
the reply cache, and the opt-in miss log.
"""

from __future__ import annotations

from typing import Any

from ..curate.misslog import MissLog
from .http import JSON_MEDIA, HTTPError, JSONResponse, Request, Response
from .replycache import ReplyCache
from .settings import Config
from .state import StateCodec

__all__ = ["ChatHandler"]


class ChatHandler:
    def __init__(self, bot: Any, config: Config) -> None:
        self.bot = bot
        self.states = StateCodec()
        # With the miss log on, every reply goes through the engine so that every miss counts.
        self.misses = MissLog(config.miss_log) if config.miss_log else None
        self.cache = ReplyCache(0 if self.misses else config.reply_cache)
        self.topic_ids = frozenset(bot.content.topics)

    def __call__(self, request: Request) -> Response:
        data = request.json()
        if not isinstance(data, dict):
            raise HTTPError(400, 'send a JSON object, e.g. {"message": "is gene therapy safe?"}')
        message = data.get("message")
        if not isinstance(message, str):
            raise HTTPError(400, 'the field "message" is required and must be a string')
        state = self.states.loads(data.get("state"), self.topic_ids)
        key = self.cache.key(message, state)
        cached = self.cache.get(key)
        if cached is not None:
            return Response(cached, 200, JSON_MEDIA)
        reply, new_state = self.bot.reply(message, state)
        if self.misses is not None:
            self.misses.observe(self.bot, message, reply)
        body = reply.to_dict()
        body["state"] = self.states.dumps(new_state)
        response = JSONResponse(body)
        if reply.body != self.bot.content.messages.error:  # an engine failure is not worth keeping
            self.cache.put(key, response.content)
        return response

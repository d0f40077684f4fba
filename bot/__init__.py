"""genebot: answers general questions about gene therapy from two trusted pages.

Embedding it takes two lines::

    import bot
    genebot = bot.load()                      # validate content, build the index: once
    reply, state = genebot.reply("is gene therapy safe?")
    reply, state = genebot.reply("tell me more", state)
    print(reply.text)                         # what a person sees, disclaimer last
"""

from __future__ import annotations

from .engine.bot import Bot, load
from .engine.content import Content, load_content
from .engine.conversation import State
from .engine.errors import ContentError
from .engine.replies import Reply

__all__ = ["Bot", "Content", "ContentError", "Reply", "State", "load", "load_content"]
__version__ = "0.1.0"

"""The engine: turns (content, message, state) into (reply, state).

It holds content loading and validation, normalising, the index, the rules, the
classifier, the conversation state and the reply composer, with the ``Bot`` class that
ties them together. It is pure: no network, no terminal, no server library, no curator
tool. It may import the standard library, rapidfuzz and PyYAML, and its own modules;
never ``bot.web``, ``bot.curate``, ``bot.cli``, ``bot.terminal``, prompt_toolkit,
waitress or gunicorn (``tests/engine/test_layout.py`` enforces this).
"""

"""The curators' tools: check, evaluate (and its command), report, miss log, bench,
synthetic content for scaling, and readability.

They import the engine and read content the way it does; the engine never imports
them. The faces use only the miss log, which is opt-in.
"""

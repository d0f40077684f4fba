"""The public topic ids from the topic catalog (shared/spec/topics.md).

They appear in JSON replies and evaluation files, so they are an interface: content may
add topics but must keep every one of these. A test checks this list against the catalog.
"""

from __future__ import annotations

__all__ = ["CATALOG", "GROUPS", "EMERGENCY", "ADVICE", "OUT_OF_SCOPE"]

EMERGENCY = "emergency"
ADVICE = "personal-advice"
OUT_OF_SCOPE = "out-of-scope"

GROUPS = ("knowledge", "conversation", "safety")

CATALOG: dict[str, str] = {
    **dict.fromkeys(
        (
            "what-is-gene-therapy", "goal", "how-it-works", "gene-addition", "gene-editing",
            "is-it-safe", "risks", "immune-reaction", "cancer-risk", "off-target-editing",
            "gene-activation", "vector", "in-vivo-ex-vivo", "supportive-care", "history",
            "fda-role", "nih-role", "rac", "irb", "ibc", "oversight", "clinical-trials",
            "trial-phase-1", "trial-phase-2", "trial-phase-3", "fda-approval",
            "approved-therapies", "conditions", "talk-to-provider", "sources",
        ),
        "knowledge",
    ),
    **dict.fromkeys(("greeting", "thanks", "goodbye", "help", "bot-identity"), "conversation"),
    **dict.fromkeys((EMERGENCY, ADVICE, OUT_OF_SCOPE), "safety"),
}

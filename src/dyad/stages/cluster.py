"""Stories: documents whose main event is the same real-world event share a story id."""

from __future__ import annotations

from dyad.store.sqlite import Store


def assign_stories(store: Store, doc_ids: list[str]) -> None:
    """Give every document without a story its own story (clustering joins them later)."""
    for doc_id in doc_ids:
        if store.story_of(doc_id) is None:
            store.set_story(doc_id, f"s-{doc_id}")

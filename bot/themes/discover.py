"""Find new themes among feedback that fits none of the themes we have (TF-IDF + NMF).

Each new theme is named from its top words, in plain words ("parking, hospital, car park"),
and lists the items that belong to it; staff decide whether to accept it. Words must appear in
several items (``min_items``) to count, so a rare word — a name missed by redaction, say —
never names a theme.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

STOP_WORDS_EXTRA = {
    "just", "really", "like", "get", "got", "would", "could", "also", "one", "know", "think",
    "want", "need", "needs", "please", "im", "dont", "cant", "didnt", "isnt", "name", "redacted",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class NewTheme:
    words: tuple[str, ...]  # its top words, most telling first
    members: tuple[int, ...]  # positions in the texts given

    @property
    def name(self) -> str:
        return ", ".join(self.words[:3]).capitalize()


def discover_themes(
    texts: Sequence[str], *, most: int = 5, min_items: int = 3, top_words: int = 5
) -> list[NewTheme]:
    """Up to ``most`` new themes, each with at least ``min_items`` of ``texts``."""
    if len(texts) < min_items:
        return []
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    vectorizer = TfidfVectorizer(
        stop_words=sorted(ENGLISH_STOP_WORDS | STOP_WORDS_EXTRA),
        min_df=min_items,
        max_df=0.5 if len(texts) >= 50 else 1.0,  # in a few items, a shared word is the point
        ngram_range=(1, 2),
        token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z]+\b",
        sublinear_tf=True,
    )
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # no word is in enough items
        return []
    vocabulary = vectorizer.get_feature_names_out()
    components = max(1, min(most, len(vocabulary), len(texts) // (3 * min_items)))
    model = NMF(n_components=components, init="nndsvd", random_state=0, max_iter=500)
    weights = model.fit_transform(matrix)
    found = []
    for number, topic in enumerate(model.components_):
        order = topic.argsort()[::-1]
        words: list[str] = []
        for index in order:
            word = str(vocabulary[index])
            if topic[index] <= 0 or any(word in kept or kept in word for kept in words):
                continue
            words.append(word)
            if len(words) == top_words:
                break
        members = tuple(
            int(i)
            for i in range(len(texts))
            if weights[i].argmax() == number and weights[i, number] > 0
        )
        if words and len(members) >= min_items:
            found.append(NewTheme(words=tuple(words), members=members))
    return sorted(found, key=lambda theme: -len(theme.members))

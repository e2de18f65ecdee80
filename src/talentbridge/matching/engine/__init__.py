"""The pure ranking engine: index of people, feature scores with explanations, hybrid retrieval.

No FastAPI or SQLAlchemy here: only numpy, scipy and bm25s, so it runs the same in the web app, the
worker, the CLI and the benchmarks.
"""

from talentbridge.matching.engine.index import MatchIndex
from talentbridge.matching.engine.ranking import rank, score_profile

__all__ = ["MatchIndex", "rank", "score_profile"]

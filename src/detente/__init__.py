"""detente: forecast how a negotiation or crisis is likely to end, from the news that describes it."""

__version__ = "0.1.0"

"""dyad: political event data from news in any language, read natively, with evidence."""

__version__ = "0.1.0"

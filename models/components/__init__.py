"""Kenesh's spaCy components: importing this package registers every `kenesh_*` factory by name."""

from models.components import initials, natasha, tokenizer
from models.components.extensions import register_extensions

__all__ = ["initials", "natasha", "register_extensions", "tokenizer"]

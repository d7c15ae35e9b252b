"""Rule grammars over the tagged Doc, one module per kind of thing found."""

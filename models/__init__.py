"""Models, lexicons and spaCy components that wrap Natasha; loaded once per process and shared."""

"""Document classifiers built from shipped data only (lexicons, navec vectors): nothing is trained on the corpus."""

"""Analysis: figures computed only from events (the live screen, results and reports agree)."""

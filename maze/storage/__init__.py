"""Files at the edge: level files and session logs."""

"""`python -m maze` runs the same command as `maze`."""

import sys

from maze.cli import main

sys.exit(main())

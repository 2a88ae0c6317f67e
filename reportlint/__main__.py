import sys

from reportlint.cli import main

# Guarded: worker processes started with "spawn" or "forkserver" (macOS, Windows, Python 3.14 on
# Linux) import the main module again, and must not run the command line a second time.
if __name__ == "__main__":
    sys.exit(main())

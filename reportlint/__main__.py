import sys

from reportlint.cli import main

sys.exit(main())

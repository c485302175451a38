"""``python -m orgwrite`` runs the command line."""

from orgwrite.cli import main

if __name__ == "__main__":
    main()

"""``python -m orgwrite`` runs the command line."""

from orgwrite.cli import script

if __name__ == "__main__":
    script()

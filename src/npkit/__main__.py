"""``python -m npkit``: the same as the ``npkit`` command."""

from npkit.cli import main

if __name__ == "__main__":
    main()

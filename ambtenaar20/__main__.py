"""Makes ``python -m ambtenaar20`` behave exactly like the ``ambtenaar20`` command."""

from ambtenaar20.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())

"""Makes ``python -m ambtenaar20`` behave exactly like the ``ambtenaar20`` command."""

from ambtenaar20.cli.main import run

if __name__ == "__main__":
    run()

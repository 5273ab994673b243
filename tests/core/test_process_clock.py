"""The start-up clock counts from the real process start, interpreter start-up included."""

import time

from tests.helpers import run_python


def test_process_start_is_before_this_module_was_imported():
    code = (
        "import time; time.sleep(0.3)\n"
        "from ambtenaar20.core import process_clock\n"
        "print(process_clock.ms_since_process_start())\n"
    )
    before = time.time()
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    elapsed_ms = (time.time() - before) * 1000
    reported = int(result.stdout.strip())
    # The 0.3 s sleep happened before the import, so it must be counted.
    assert 300 <= reported <= elapsed_ms + 20

"""Cost of one check of a 500-character Dutch draft, in-process (goal: at most 5 ms).

Runs the checker over 1 and over N different drafts (each a small variation, so no cache hides
the work) and reports (time for N - time for 1) / (N - 1), next to the goal. Start-up costs
(loading dictionaries and lexicons) are paid in the first run and reported separately.

    python benchmarks/check_speed.py [N]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ambtenaar20.core.analysis.sentiment import SentimentAnalyser
from ambtenaar20.core.drafting.checker import Checker
from ambtenaar20.core.drafting.pack_library import builtin_packs
from ambtenaar20.core.drafting.rule_context import CheckOptions

GOAL_MS = 5.0
DRAFT = (
    "Beste inwoner, indien u vragen heeft over de nieuwe regels voor de huurtoeslag, kijk dan "
    "op https://www.rijksoverheid.nl/onderwerpen/huurtoeslag. Vanaf 1 januari 2026 verandert "
    "de berekening: wie minder verdient, krijgt vaak meer toeslag. Geef wijzigingen in uw "
    "inkomen op tijd door, zo voorkomt u dat u later moet terugbetalen. Heeft u hulp nodig? "
    "Bel de BelastingTelefoon of kom langs bij het Informatiepunt in de bibliotheek. "
    "Meer informatie volgt. #Huurtoeslag #Toeslagen"
)


def drafts(count: int) -> list[str]:
    # Vary every draft a little (a number and a word) so no cache answers for it.
    words = ["morgen", "vandaag", "volgende week", "binnenkort", "snel"]
    return [f"{DRAFT} Update {index}: {words[index % len(words)]}." for index in range(count)]


def run(checker: Checker, texts: list[str]) -> float:
    options = CheckOptions(platforms=("x", "mastodon", "bluesky"))
    start = time.perf_counter()
    for text in texts:
        checker.check(text, None, options)
    return time.perf_counter() - start


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    began = time.perf_counter()
    checker = Checker(builtin_packs()["rijksoverheid-standaard"], SentimentAnalyser())
    first = run(checker, ["Eerste tekst om woordenboeken en lexicons te laden."])
    warm_up = time.perf_counter() - began
    rounds = []
    for repeat in range(3):
        texts = drafts(count + 1)
        single = run(checker, [f"{texts[0]} ronde {repeat}"])
        many = run(checker, texts[1:])
        rounds.append((many - single) / (count - 1) * 1000)
    per_check = statistics.median(rounds)
    print(f"draft length: {len(drafts(1)[0])} characters")
    print(f"start-up (packs, dictionaries, lexicons, first check): {warm_up * 1000:.0f} ms "
          f"(first check alone {first * 1000:.0f} ms)")
    print(f"one check, in-process ({count} drafts minus 1, median of 3): {per_check:.2f} ms  "
          f"| goal <= {GOAL_MS:.1f} ms  | {'OK' if per_check <= GOAL_MS else 'TOO SLOW'}")
    print("rounds (ms): " + ", ".join(f"{value:.2f}" for value in rounds))


if __name__ == "__main__":
    main()

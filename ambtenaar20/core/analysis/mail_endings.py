"""Which endings make "jan @ web . de" an e-mail address, and which are words of a sentence.

Spaced-out addresses are written to dodge harvesters, and the domain can be anything: the
country endings of Belgium (.be) and Germany (.de) as much as .com. A spaced dot before an
ordinary word, though, is mostly a sentence ending ("Ik ben @ school . de pauze begint"), so an
ending that is also a Dutch or English word, a unit or a common abbreviation ("de", "be", "in",
"km") needs more evidence than one that is not ("nl", "com", "org"). ``pii`` decides with these
lists; the list of country endings is ISO 3166's two-letter codes as delegated by IANA.
"""

from __future__ import annotations

_COUNTRIES = (
    "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br "
    "bs bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz "
    "ec ee eg er es et eu fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw "
    "gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw "
    "ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu "
    "mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt "
    "pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st sv sx sy sz tc td "
    "tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye "
    "yt za zm zw"
).split()
# Generic endings seen in citizens' and organisations' mail addresses, and the regional ones
# of the Low Countries and their neighbours.
_GENERIC = (
    "com org net edu gov int mil info biz pro name mobi xyz dev tech amsterdam frl brussels "
    "vlaanderen gent berlin koeln london paris nyc online email site shop blog cloud life live "
    "app"
).split()
#: Endings that are also words of a sentence, units or abbreviations: Dutch "de", "je", "al",
#: "om", "na", "nu", "er", "ga"; English "be", "in", "is", "it", "me", "my", "to", "us"; "km",
#: "cm", "tv", "cv", "st", "ca"; and generic endings that are ordinary words ("online", "app").
WORD_LIKE = frozenset((
    "ad al am as at be by ca cm cv de do er et ga ge hm id in is it je km la ma me mg ml mm ms "
    "my na no nr nu om pa pm re so st to tv us online email site shop blog cloud life live app"
).split())
#: Every ending a spaced-out address may have (not "social": "jan @ mastodon . social" is a
#: fediverse account).
ENDINGS = frozenset(_COUNTRIES) | frozenset(_GENERIC)

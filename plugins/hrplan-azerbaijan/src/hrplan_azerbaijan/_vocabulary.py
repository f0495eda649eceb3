"""How Azerbaijani plans write time-limits: "daimi", "2012-2015-ci illər", "2015-ci ilin I rübü"."""

from __future__ import annotations

import hrplan

__all__ = ["AZERBAIJANI"]

#: The year endings: "-ci", "-cı", "-cu", "-cü" (vowel harmony with the last number word).
_ENDINGS = ("-ci", "-cı", "-cu", "-cü")
#: What follows the ending: "il" (year), "ilin" (of the year), "illər" (years)...
_YEAR_WORDS = ("il", "ilin", "illər", "illərdə", "ildə", "ilində", "illərin")

#: Azerbaijani time-limits, for :func:`hrplan.parse_time_limit` (registered by this plugin).
AZERBAIJANI = hrplan.Vocabulary(
    name="az",
    ongoing=(
        "daimi", "daimi olaraq", "daim", "davamlı olaraq", "davamlı", "mütəmadi olaraq",
        "müntəzəm olaraq", "fasiləsiz olaraq",
    ),
    recurring=("hər il", "hər il ərzində", "ildə bir dəfə", "illik"),
    from_suffixes=("başlayaraq", "etibarən"),
    months=(
        ("yanvar",), ("fevral",), ("mart",), ("aprel",), ("may",), ("iyun",),
        ("iyul",), ("avqust",), ("sentyabr",), ("oktyabr",), ("noyabr",), ("dekabr",),
    ),
    quarter_words=("rüb", "rübü", "rübündə", "rüblər", "rübləri"),
    half_words=("yarısı", "yarısında", "yarımil", "yarımili", "yarımillik", "yarımilliyi"),
    ordinals={"birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4},
    year_suffixes=(
        *(f"{ending} {word}" for ending in _ENDINGS for word in _YEAR_WORDS),
        *(f"{ending} ildən" for ending in _ENDINGS),
        *_ENDINGS,
    ),
    year_prefixes=(),
    articles=("ayı", "ayları", "ayında", "aylarında", "ərzində"),
)  # fmt: skip

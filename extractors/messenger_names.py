"""Names of messenger apps as pages write them, for the families that read handles.

The contacts family takes a handle after one as that app's contact; the alias family
leaves a mention beside one to it, rather than taking it as a person's name.
"""

from __future__ import annotations

# Arabic and Persian write Telegram's name in their script, several ways: "تلقرام" in the
# Gulf, "تيليجرام", "تلغرام", Persian "تلگرام".
TELEGRAM_IN_ARABIC_SCRIPT = (
    "تلگرام",
    "تلگرم",
    "تلغرام",
    "تيليجرام",
    "تليجرام",
    "تلقرام",
    "تيليغرام",
)

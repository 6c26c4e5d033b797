"""Vocabulary of page furniture: the recurring phrases news sites wrap around an article.

Each category is one kind of furniture seen across outlets (captions, sign-up boxes, share
buttons, ...), written as anchored patterns so that a sentence merely *mentioning* a newsletter
or a photograph does not match. These are only one feature of the line scorer in
:mod:`sitegen.importer.lines`; structure (position, length, neighbours) does the rest.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

CATEGORIES: dict[str, re.Pattern[str]] = {
    # "… (Image: Getty)", "Image Credit: Creative Commons.", "Photograph: Ana Ruiz/Reuters",
    # "Image source, Getty Images", "Image caption, …", "(Photo by X/AFP via Getty Images)".
    "caption": re.compile(
        r"\((?:image|images|picture|pictures|pic|photo|photos|credit|video|pictured)s?\s*:[^)]*\)\W*$"
        r"|^(?:image|photo|video|media) (?:source|caption|credit)s?\s*[,:]"
        r"|\b(?:image|photo|picture) credits?\s*:"
        r"|\b(?:photograph|photo|illustration|composite|picture|credit)s?\s*:\s*[^.]{1,80}\.?$"
        r"|\((?:photo|image|picture) (?:by|courtesy of)\b[^)]*\)\W*$"
        r"|^(?:photo|photograph|image|picture|pictured|file photo)\s*:"
        r"|\bvia getty images\W*$|^(?:getty images|afp|reuters|ap|pa)(?: (?:photo|images))?\W*$"
        r"|^(?:hide|toggle|enlarge this|open image in|expand) (?:caption|image|gallery)\b"
        r"|^\d+ of \d+\W*$"
        # A photographer's credit closing the caption: "… (Ana Ruiz/Reuters)", "… (File)".
        r"|(?-i:\((?:[A-Z][\w.'’\- ]*\s*/\s*)+[A-Z][\w.'’\- ]*\))\W*$"
        r"|\((?:file|file photo|representational image|representative image)\)\W*$"
        r"|\bassociated press \(ap\)\W*$|^(?:associated press|epa|xinhua)\W*$",
        _I,
    ),
    # Comment forms and the links blog themes print under a post.
    "comments": re.compile(
        r"^(?:source link|leave a (?:reply|comment)|post a comment|add a comment|cancel reply"
        r"|post comment|comments are closed)\W*$|^\d+ (?:thoughts?|responses?|replies) (?:on|to) [“\"‘]"
        r"|\byour email address will not be published\b|\brequired fields are marked\b"
        r"|^save my name, email\b",
        _I,
    ),
    # Embedded posts: the signature line and the bare status link printed under them.
    "embed": re.compile(
        r"^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s+\w+\.? \d{1,2}, \d{4}\W*$"
        r"|^https?://(?:www\.)?(?:twitter\.com|x\.com|t\.co|instagram\.com|t\.me)/\S*$",
        _I,
    ),
    # Sign-up boxes, consent text and the form errors printed inside them.
    "newsletter": re.compile(
        r"^(?:sign up|subscribe|register|get (?:our|the)\b.{0,40}\bnewsletter)\b"
        r"|\bsign up (?:for|to) (?:our|the)\b.{0,60}\b(?:newsletter|briefing|email|alerts)"
        r"|\bnewsletter sign-?up\b|\bunsubscribe at any time\b|\bwe use your sign-?up\b"
        r"|\bby (?:signing up|subscribing)\b|\bthank you for (?:subscribing|signing up)\b"
        r"|\b(?:privacy (?:policy|notice)|terms (?:of service|and conditions))\W*(?:more info)?\W*$"
        r"|^(?:invalid|please enter an?(?: valid)?) e-?mail\b|^(?:enter your |your )?e-?mail address\W*$"
        r"|^sorry, there (?:seem|seems) to be some issues",
        _I,
    ),
    # Links to other stories: "READ MORE: …", "Related: …", "Most read", "[SPOTLIGHT]".
    "promo": re.compile(
        r"^(?:read more|read next|related(?: (?:stories|articles|content|coverage))?"
        r"|(?:related|suggested|explore more on these|more on these) topics"
        r"|see also|also read|more on this story|more from \w+|watch|listen|must read"
        r"|most (?:read|popular|viewed|shared)|trending(?: now)?|recommended(?: for you)?"
        r"|top stories|you may also like|don'?t miss|latest(?: news| stories)?|more stories"
        r"|more coverage)"
        r"\s*(?::|\||$)"
        r"|\[[A-Z][A-Z ]{2,}\]\s*$|\((?:video|pictures|poll|live)\)\s*$"
        r"|^(?:\S+\s+){0,4}latest issue$|^get \d+% off\b|^>>\s*read\b"
        # A line opening with a pictograph is a sidebar offer, not reporting.
        r"|^[\U0001F300-\U0001FAFF\u2600-\u27BF]",
        _I,
    ),
    "advert": re.compile(
        r"^(?:advertisement|advert|ad|sponsored(?: content)?|promoted|paid content"
        r"|(?:story|article) continues below(?: this)?(?: advertisement)?"
        r"|continue reading(?: below)?|scroll to continue(?: with content)?)\W*$",
        _I,
    ),
    # Navigation, search boxes, cookie banners, share buttons, comment counters.
    "navigation": re.compile(
        r"what are you looking for|^connect with us\b|^follow us\b|^skip to (?:main )?content"
        r"|^(?:menu|home|close|search|sections?|log ?in|sign in|back to top|accessibility links"
        r"|more|next|previous|print|email|copy link|reuse this content|comments?"
        r"|view comments|join the conversation|\d+ comments?|topics|tags|like this|loading)\W*$"
        r"|^share (?:on|this|via|article|to)\b|^(?:share|tweet)\W*$"
        r"|^(?:(?:facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|email|telegram)"
        r"(?:\s*[|,/·]\s*|\s+)?){2,}$"
        r"|\bwe use cookies\b|\baccept (?:all )?cookies\b|^\d+ min(?:ute)?s? read\W*$"
        r"|^reading time\b|, opens new tab\W*$"
        r"|^(?-i:(?:[a-z]{2} ){1,6}[a-z]{2})$",  # a language switcher: "ua en ru"
        _I,
    ),
    # Relative timestamps ("Published 4 hours ago"); absolute ones are datelines, see datelines.
    "timestamp": re.compile(
        r"^(?:(?:published|updated|posted|last updated)\s*:?\s*)?(?:an?|\d+) "
        r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago\W*$"
        r"|^(?:published|updated|posted|last updated)\W*$"
        # A sidebar's story list: view count, stamp and headline run together
        # ("120Yesterday, 09:15Minister resigns", "8712.03.2024, 22:05…").
        r"|^\d*?(?:yesterday|today|[0-3]?\d\.[01]?\d\.(?:19|20)\d\d),?\s*\d{1,2}:\d{2}"
        r"(?=[A-Z#\"“]|$)",
        _I,
    ),
    # Copyright, press-regulator and editorial-standards lines.
    "legal": re.compile(
        r"(?:copyright|\(c\))\s*©?\s*\d{4}|©|\ball rights reserved\b|\bipso regulated\b"
        r"|\bregistered trademark\b|\btrust principles\b|^our standards\b"
        r"|\bmay not be published, broadcast, rewritten\b"
        r"|\bviews (?:and opinions )?expressed (?:herein|here|in this \w+) are (?:the views (?:and "
        r"opinions )?|those )?of the authors?\b",
        _I,
    ),
    # Credit lines and author boxes ("Written By", "Reporting by …; Editing by …").
    "credits": re.compile(
        r"^(?:written|posted|published|produced|edited|compiled) by\W*$|^about the authors?\W*$"
        # What is left of a byline whose names were links: "By", "and".
        r"|^(?:by|and|&)\W*$|\bcontributed to this report\W*$"
        r"|^by (?:the )?(?-i:(?:[A-Z][\w'’-]*\s+){1,5})(?:news ?desk|staff|bureau)\W*$"
        r"|^\(?(?:additional )?(?:reporting|writing|editing|graphics) by\b.{0,160}$"
        r"|^\W*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\W*$"  # a reporter's address on its own
        r"|;\s*editing by\b",
        _I,
    ),
}


def category(text: str) -> str | None:
    """The furniture category ``text`` belongs to, or None for anything else."""
    for name, pattern in CATEGORIES.items():
        if pattern.search(text):
            return name
    return None

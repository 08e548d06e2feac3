"""The named values of the records: attribution and statement types, speaker kinds, stances,
claim flags and the stances of an article toward a claim."""

from __future__ import annotations

# Attribution types
DIRECT = "direct"      # wholly inside quotation marks
INDIRECT = "indirect"  # reported speech, no quotation marks
MIXED = "mixed"        # reported speech that quotes a fragment
ATTRIBUTION_TYPES = (DIRECT, INDIRECT, MIXED)
#: A sentence in the article's own voice: a statement by its publisher (claims layer only;
#: the extractors never produce it)
OWN_VOICE = "own_voice"
STATEMENT_TYPES = ATTRIBUTION_TYPES + (OWN_VOICE,)
#: The speaker of an own-voice sentence when the article has no publisher
THE_ARTICLE = "the article"

# Speaker kinds
PERSON = "person"
ORGANIZATION = "organization"
OUTLET = "outlet"
ANONYMOUS = "anonymous"
DOCUMENT = "document"
UNKNOWN = "unknown"
SPEAKER_KINDS = (PERSON, ORGANIZATION, OUTLET, ANONYMOUS, DOCUMENT, UNKNOWN)
#: Speaker kinds that name a source on the record.
NAMED_KINDS = (PERSON, ORGANIZATION, OUTLET)

# Stances of an attribution toward its content
ASSERTS = "asserts"
DENIES = "denies"
CONFIRMS = "confirms"
CANNOT_CONFIRM = "cannot_confirm"
HEDGED = "hedged"
STANCES = (ASSERTS, DENIES, CONFIRMS, CANNOT_CONFIRM, HEDGED)

# Claim flags
UNCONFIRMED = "unconfirmed"
CONTRADICTED = "contradicted"
CONFIRMED = "confirmed"
SINGLE_SOURCE = "single_source"
FLAGS = (UNCONFIRMED, CONTRADICTED, CONFIRMED, SINGLE_SOURCE)

# Stances of an article (or one statement) toward a claim (quotes.claims.stance)
SUPPORTS = "supports"        # asserts or confirms the claim
# DENIES                     # refutes it: calls it false, a hoax, ...; or negates its proposition
REPORTS = "reports"          # relays it with attribution or hedging, without committing
# CANNOT_CONFIRM             # says it could not be confirmed or verified
UNRELATED = "unrelated"      # not about the claim
CLAIM_STANCES = (SUPPORTS, DENIES, REPORTS, CANNOT_CONFIRM, UNRELATED)
#: An article's stance toward a claim in ``quotes check`` (the same labels)
ARTICLE_STANCES = CLAIM_STANCES

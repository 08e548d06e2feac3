"""Building and describing the project's compact English stanza models."""

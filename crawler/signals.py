"""moneytrail's own Scrapy signals."""

# Sent when everything indexed so far must be made durable (the frontier sends it
# before acking requests, so that an acked page can never be missing from the index).
# Handlers flush; one that raises means "not durable", and nothing is acked.
flush_index = object()

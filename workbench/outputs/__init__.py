"""Charts (Altair specs), verdict CSV, ClaimReview: records in, bytes or specs out."""

//! Blocklist matching (in progress).

"""Records to proposed matches: cash application, three-way match, dedupe."""

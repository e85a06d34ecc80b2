"""The order desk: customer grading, review rules, the order lifecycle with its gates, change requests
and the integrity report's rows. Plain library functions over the store; the flows call them."""

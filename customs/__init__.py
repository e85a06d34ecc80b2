"""Export declarations (报关单): prefill, code tables, the pre-flight linter."""

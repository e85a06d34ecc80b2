"""Excel workbooks people work in, and reading their decisions back."""

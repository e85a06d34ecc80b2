"""Files to records: PDFs, scans, spreadsheets and bank statement formats."""

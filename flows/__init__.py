"""Prefect flows and deployments; each task calls one library function."""

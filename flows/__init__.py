"""Prefect flows and deployments; each task calls one library function."""

from flows.environment import apply_defaults

apply_defaults()

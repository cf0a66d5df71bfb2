"""Crash-safety harness: writer processes killed with SIGKILL, then the database is checked."""

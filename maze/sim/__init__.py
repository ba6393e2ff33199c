"""Simulated teams: whole sessions played through the rules core, for demos, tests and
benchmarks."""

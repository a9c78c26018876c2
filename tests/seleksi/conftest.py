"""The selection tests use the index tests' small synthetic regency (300 employees, seed 7)."""

from tests.indeks.conftest import AS_OF, Synth, reference, synth  # noqa: F401  (fixtures)

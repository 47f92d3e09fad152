"""Scenario settings: the same tolerant Hypothesis profile as the unit tests."""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "linework",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    max_examples=50,
)
settings.load_profile("linework")

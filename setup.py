"""Packaging details pyproject.toml cannot express: ship lexicon/, templates/ and examples/ in the wheel.

The repository keeps the data at the top level (lexicon/, templates/) where writers edit
it; in the wheel it lives under ``orgwrite/data/`` (see orgwrite/resources.py).  The examples
ship too, because ``orgwrite templates show`` points writers at them.
"""

from setuptools import find_packages, setup

DATA = {
    "orgwrite.data.lexicon": "lexicon",
    "orgwrite.data.templates": "templates",
    "orgwrite.data.examples": "examples",
}

setup(
    packages=[*find_packages(include=["orgwrite", "orgwrite.*"]), *DATA],
    package_dir=DATA,
    package_data={**{name: ["*", "**/*"] for name in DATA}, "orgwrite.serve": ["static/*"]},
    include_package_data=False,
)

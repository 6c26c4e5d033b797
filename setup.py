"""Packaging details pyproject.toml cannot say: the top-level ``themes/`` folder ships inside
the wheel as package ``sitegen.themes``, so the default theme works after a plain install."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["sitegen", "sitegen.*"]), "sitegen.themes"],
    package_dir={"sitegen.themes": "themes"},
    package_data={
        "sitegen.themes": ["*/*", "*/*/*", "*/*/*/*"],
        "sitegen.serve": ["*.js", "*.html"],
    },
)

"""Plain-text helpers shared by the stages: slugs and sentences."""

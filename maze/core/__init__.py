"""The rules core: pure Python, no pygame, no files. Clock and random generator are injected."""

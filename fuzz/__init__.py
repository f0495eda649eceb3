"""Fuzzing hrplan: the targets (``fuzz.targets``) and the ``make fuzz`` runner (``fuzz.run``)."""

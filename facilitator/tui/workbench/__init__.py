"""The parts of the objective workbench (`tui/screens/workbench.py`): what the editor holds, its
widgets, and the screen's concerns one module each (the item on screen, its versions, the
accepted changes undone and redone, the key results the coach proposes)."""

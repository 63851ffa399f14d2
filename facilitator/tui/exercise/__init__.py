"""The parts of the training screen (`tui/screens/training.py`): the exercise on screen and its
live assessment (`on_screen`), the coach's feedback (`coach_feedback`), the panels' texts
(`panel_texts`), the choice list of a choice exercise and the trainee's progress file."""

"""Prompts to start from when the page is blank: one for the day, and more on request.

The bar is a quiet card: a small line saying what it is, the prompt in the body
text, and its two buttons, so it invites without shouting.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from regroup.core.diary.prompts import another_prompt, prompt_for_day


class PromptBar(QFrame):
    """Shows a prompt; "Use this prompt" hands it to the page to write under."""

    use_prompt = Signal(str)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._step = 0
        self.setProperty("card", True)
        self.caption_label = QLabel("A prompt, if it helps")
        self.caption_label.setProperty("textStyle", "caption")
        self.prompt_label = QLabel(prompt_for_day(today))
        self.prompt_label.setProperty("textStyle", "body")
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt_label.setAccessibleName("Writing prompt")
        self.another_button = QPushButton("Another prompt")
        self.another_button.setAccessibleName("Show another prompt")
        self.another_button.clicked.connect(self.next_prompt)
        self.use_button = QPushButton("Use this prompt")
        self.use_button.setAccessibleName("Write under this prompt")
        self.use_button.setToolTip("Puts the prompt in the text as a heading")
        self.use_button.clicked.connect(lambda: self.use_prompt.emit(self.prompt()))
        words = QVBoxLayout()
        words.setSpacing(4)
        words.addWidget(self.caption_label)
        words.addWidget(self.prompt_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(words, 1)
        layout.addSpacing(8)
        layout.addWidget(self.another_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def prompt(self) -> str:
        """Return the prompt on show."""
        return self.prompt_label.text()

    def next_prompt(self) -> None:
        """Show the next prompt, never the same one twice in a row."""
        self._step += 1
        self.prompt_label.setText(another_prompt(self.prompt(), self._today, self._step))

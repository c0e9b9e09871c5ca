"""Prompts to start from when the page is blank: one for the day, and more on request."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from regroup.core.diary.prompts import another_prompt, prompt_for_day


class PromptBar(QFrame):
    """Shows a prompt; "Use this prompt" hands it to the page to start an entry."""

    use_prompt = Signal(str)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._step = 0
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.prompt_label = QLabel(prompt_for_day(today))
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt_label.setAccessibleName("Writing prompt")
        self.another_button = QPushButton("Another prompt")
        self.another_button.setAccessibleName("Show another prompt")
        self.another_button.clicked.connect(self.next_prompt)
        self.use_button = QPushButton("Use this prompt")
        self.use_button.setAccessibleName("Start an entry from this prompt")
        self.use_button.clicked.connect(lambda: self.use_prompt.emit(self.prompt()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel("Prompt:"))
        layout.addWidget(self.prompt_label, 1)
        layout.addWidget(self.another_button)
        layout.addWidget(self.use_button)

    def prompt(self) -> str:
        """Return the prompt on show."""
        return self.prompt_label.text()

    def next_prompt(self) -> None:
        """Show the next prompt, never the same one twice in a row."""
        self._step += 1
        self.prompt_label.setText(another_prompt(self.prompt(), self._today, self._step))

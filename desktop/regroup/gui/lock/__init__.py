"""The app lock: the lock screen in the window, the idle watcher, and its Settings box."""

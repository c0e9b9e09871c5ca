"""Files Regroup ships: icons, desktop integration, texts loaded as data."""

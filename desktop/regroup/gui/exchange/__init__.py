"""Moving the diary in and out of Regroup from the window (File › Import…)."""

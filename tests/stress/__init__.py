"""Long runs that load Regroup harder than a test should; run by hand (see each module)."""

"""Moving the diary in and out of Regroup from the window: File › Import… and Export….

The export's PDF painting is shared with the command line.
"""

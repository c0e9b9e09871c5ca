"""The Qt Widgets interface. Widgets talk to core services, never to the database."""

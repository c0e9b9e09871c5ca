"""The Qt-free heart of Regroup: storage, keys, services and reminder arithmetic."""

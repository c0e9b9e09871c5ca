"""The encrypted database: opening it, its models, migrations, backups, files and drafts."""

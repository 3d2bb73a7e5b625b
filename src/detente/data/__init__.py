"""Data files of detente (actor gazetteer, lexicons, issue vocabularies); see README.md here."""

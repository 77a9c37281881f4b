"""Layout: a page's words -> draft lines in reading order (per page), then the document's Lines with roles."""

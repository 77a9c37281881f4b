"""Read: any input file -> Document (text layer or OCR per page); ``tools`` is the one Tesseract/subprocess seam."""

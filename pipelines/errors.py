"""Expected data errors: each carries a one-line message fit for a user (CLI stderr, HTTP 4xx)."""


class KeneshError(Exception):
    """Base of every error Kenesh reports to a user instead of a traceback."""


class InputError(KeneshError):
    """The input cannot be read: missing, a directory, empty, too large."""


class UnsupportedFormat(KeneshError):
    """No reader accepts these bytes."""


class DecodingError(KeneshError):
    """The bytes look like text but decode in no supported encoding."""


class CorruptDocument(KeneshError):
    """The bytes are a supported format but broken: truncated, damaged, or with no pages."""


class EncryptedDocument(KeneshError):
    """The document is locked with a password."""


class LimitExceeded(InputError):
    """The document is over a configured limit: pages, pixels, unpacked size, OCR time."""


class OcrUnavailable(KeneshError):
    """A page needs OCR and tesseract (with Russian) is not installed."""

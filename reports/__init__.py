"""PDF (reportlab) and Excel (openpyxl) report builders. Headless: no Qt."""


class Cancelled(Exception):  # noqa: N818 (public name fixed by the service API)
    """The user cancelled a report build; the partial output file was removed."""

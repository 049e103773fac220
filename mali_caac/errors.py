"""The one exception the library raises for bad data or bad arguments."""


class DataError(ValueError):
    """Bad input: names the file, the line, the field and what was expected.

    Attributes mirror the message so that callers and tests can inspect them:
    ``file``, ``line`` (1-based line in the file; the header is line 1),
    ``row_id``, ``field``, ``expected`` and ``found``. ``problems`` holds every
    problem found in the file (the message shows the first few).
    """

    def __init__(self, message=None, *, file=None, line=None, row_id=None,
                 field=None, expected=None, found=None, problems=None):
        self.file, self.line, self.row_id = file, line, row_id
        self.field, self.expected, self.found = field, expected, found
        self.problems = list(problems or [])
        if message is None:
            message = self.format(file=file, line=line, row_id=row_id,
                                  field=field, expected=expected, found=found)
        if len(self.problems) > 1:
            shown = "\n  ".join(str(p) for p in self.problems[:10])
            more = len(self.problems) - 10
            message = f"{len(self.problems)} problems in {file}:\n  {shown}"
            if more > 0:
                message += f"\n  ... and {more} more"
        super().__init__(message)

    @staticmethod
    def format(*, file=None, line=None, row_id=None, field=None,
               expected=None, found=None):
        where = [str(file) if file else "data"]
        if line is not None:
            where.append(f"line {line}" + (f" (row {row_id})" if row_id else ""))
        if field:
            where.append(f"field {field!r}")
        text = ", ".join(where) + ":"
        if expected:
            text += f" expected {expected}"
        if found is not None:
            text += f", found {found!r}" + not_nfc(found)
        return text


def not_nfc(found):
    """'' for text in Unicode NFC; else a note that says so and shows the decomposed characters, because
    'Ménaka' with a combining accent prints exactly like 'Ménaka' and would be refused without a visible reason."""
    import unicodedata

    if not isinstance(found, str) or found.isascii() or unicodedata.is_normalized("NFC", found):
        return ""
    marks = sorted({f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in found if unicodedata.combining(c)})
    return (f" (the text is not in Unicode NFC: it is {ascii(found)}, with decomposed characters"
            + (f" ({', '.join(marks)})" if marks else "")
            + "; save it composed, e.g. unicodedata.normalize('NFC', text))")


class NoMatch(DataError):
    """A selection that matches no row: the message names the column and lists the values it has."""

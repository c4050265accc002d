"""Every problem's message and hint, written once (STYLE.md habit 6).

A message names what happened in the reader's words and what was done; the hint says
what to do. `issue()` is the only way a `ValidationIssue` is made, so the same rule always
reads the same in the ledger, the workbook and the command's summary.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .models import IssueCode, Severity, Step, ValidationIssue

if TYPE_CHECKING:
    from pydantic import ValidationError

# code -> (severity, message template, hint). Templates take keyword arguments.
MESSAGES: dict[IssueCode, tuple[Severity, str, str]] = {
    IssueCode.empty_file: (Severity.error, "the file is empty; skipped.",
                           "Remove it or save the article again."),
    IssueCode.binary_file: (Severity.error, "the file is not text (it looks like {kind}); skipped.",
                            "Save the article as .txt or .md in the inbox."),
    IssueCode.unsupported_format: (Severity.error, "files of type '{suffix}' cannot be read yet; skipped.",
                                   "Save the article as .txt, .md, .html, .pdf, .docx or .eml in the inbox."),
    IssueCode.bad_encoding: (Severity.error, "the text encoding could not be recognised; skipped.",
                             "Open the file and save it again as UTF-8."),
    IssueCode.legacy_encoding: (Severity.warning, "the file is not UTF-8; it was read as {encoding}.",
                                "Check the claims' quotes; save the file as UTF-8 to silence this."),
    IssueCode.too_large: (Severity.error, "the file is {size:,} bytes, over the limit of {limit:,}; skipped.",
                          "Split the file, or raise the size limit (--max-bytes) if it is really one article."),
    IssueCode.unreadable: (Severity.error, "the file could not be read ({reason}); skipped.",
                           "Check that the file exists and that you may read it."),
    IssueCode.no_date: (Severity.warning, "no date found in the file name or at the top of the text; "
                        "its claims have no date.",
                        "Rename the file to start with the date (2024-09-20-...) or add a line 'date: 2024-09-20' at the top."),
    IssueCode.no_text: (Severity.error, "the document holds no text to read; skipped.",
                        "Check the file opens and shows the article."),
    IssueCode.no_text_layer: (Severity.error, "the PDF has no text layer (likely a scanned image); skipped.",
                              "Save the article as .txt in the inbox to include it, or run the PDF through OCR first."),
    IssueCode.encrypted: (Severity.error, "the {kind} is protected by a password; skipped.",
                          "Save a copy without the password, or the article as .txt, in the inbox."),
    IssueCode.damaged_file: (Severity.error, "the {kind} is damaged or cut short ({reason}); skipped.",
                             "Download or save the file again."),
    IssueCode.partly_read: (Severity.warning, "the {kind} is damaged ({reason}); only the part before the damage "
                            "was read.", "Download or save the file again to read all of it."),
    IssueCode.no_article: (Severity.error, "no article text found in the page (only menus or boilerplate); skipped.",
                           "Save the article's own page, or copy its text into a .txt file in the inbox."),
    IssueCode.no_entries: (Severity.warning, "the feed holds no entries; nothing to read.",
                           "Check that the feed file was downloaded completely."),
    IssueCode.unpacks_too_large: (Severity.error, "the file would unpack to over {limit:,} bytes (it may be a zip "
                                  "bomb); skipped.", "Open the file and save it again, or save the article as .txt."),
    IssueCode.too_deeply_nested: (Severity.error, "the page nests its elements over {limit:,} deep; skipped.",
                                  "Save the article's text as .txt in the inbox."),
    IssueCode.extract_failed: (Severity.error, "the extractor failed on this document ({reason}); "
                               "its claims are missing.", "Report this document to the maintainers."),
    IssueCode.schema: (Severity.error, "field {field} is invalid: {reason}.",
                       "Review this claim; correct or reject it in the Review sheet."),
    IssueCode.value_not_positive: (Severity.error, "the value {value} is not above zero.",
                                   "Check the quote; correct or reject the claim."),
    IssueCode.range_inverted: (Severity.error, "the high end of the range ({high}) is not above its low end ({low}).",
                               "Check the quote; correct the claim."),
    IssueCode.unit_unknown: (Severity.error, "the unit '{unit}' is not a known unit.",
                             "Correct the unit in the Review sheet."),
    IssueCode.currency_unknown: (Severity.error, "'{unit}' is not a known ISO 4217 currency code.",
                                 "Correct the unit in the Review sheet."),
    IssueCode.quote_mismatch: (Severity.error, "the quote does not match the document text at its place.",
                               "Report this document to the maintainers."),
    IssueCode.implausible_magnitude: (Severity.warning, "{value:,f} {unit} is implausibly large for a {unit} figure.",
                                      "Check the quote; correct or reject the claim."),
    IssueCode.date_in_future: (Severity.warning, "the document date {date} is in the future.",
                               "Check the date in the file name or the 'date:' line."),
    IssueCode.no_rate: (Severity.warning, "no exchange rate for {unit} on {date}; the figure is not converted to EUR.",
                        "Supply a rates file for this currency, or leave the figure unconverted."),
    IssueCode.converted_at_run_date: (Severity.warning, "the document has no date; {unit} was converted to EUR at "
                                      "the rate of the run date ({date}).",
                                      "Give the document a date (file name or 'date:' line) to convert at its own date."),
    IssueCode.rate_out_of_date: (Severity.warning, "the ECB rates on file end on {end}; {unit} of {date} was "
                                 "converted to EUR at that day's rate.",
                                 "Download a newer eurofxref-hist.zip from the ECB website and name it in the "
                                 "ecb_history setting."),
    IssueCode.figures_conflict: (Severity.warning, "{subject}: {category} figures that cannot both be true within "
                                 "{days} days: {first} ({first_doc}, {first_date}) and {second} ({second_doc}, "
                                 "{second_date}).",
                                 "Check both quotes; reject or correct the wrong one in the Review sheet."),
    IssueCode.delivery_unclear: (Severity.warning, "{subject}: it is not clear whether {figure} delivered is a new "
                                 "delivery or the total so far; it is left out of the delivered total.",
                                 "Read the sentence; add an analyst note or correct the claim in the Review sheet."),
    IssueCode.review_unknown_claim: (Severity.error, "the Review sheet has a decision for claim {claim} "
                                     "that is not in the ledger; it was not applied.",
                                     "Check the claim id, or use 'add' to add a claim of your own."),
    IssueCode.review_unknown_document: (Severity.error, "the Review sheet names document '{name}', which the "
                                        "ledger does not know; the decision was not applied.",
                                        "Use the document's name exactly as on the Documents sheet."),
    IssueCode.review_bad_decision: (Severity.error, "'{decision}' is not a decision the Review sheet knows; "
                                    "it was not applied.",
                                    "Choose accept, correct, reject, add or reject document from the list."),
    IssueCode.review_bad_value: (Severity.error, "the corrected {field} '{text}' is not a number; the "
                                 "correction was not applied.", "Type the figure as a plain number, e.g. 1500000."),
    IssueCode.review_bad_field: (Severity.error, "the corrected {field} '{text}' is not allowed ({allowed}); "
                                 "the correction was not applied.", "Pick one of the allowed values."),
    IssueCode.review_incomplete: (Severity.error, "the decision '{decision}' needs {needed}; it was not applied.",
                                  "Fill in the missing cells on the Review sheet."),
    IssueCode.workbook_unreadable: (Severity.error, "the workbook could not be read ({reason}); decisions typed "
                                    "in it were not read.", "Repair the file, or type the decisions again in the "
                                    "new workbook."),
    IssueCode.workbook_failed: (Severity.error, "the workbook could not be written ({reason}); the ledger "
                                "holds everything, and the workbook is as it was.",
                                "Run again with --verbose and report the error to the maintainers."),
    IssueCode.workbook_locked: (Severity.warning, "the workbook is open or locked elsewhere; this run's version "
                                "was written to {beside} instead.",
                                "Close the workbook; the next run updates it and reads decisions from both."),
    IssueCode.workbook_not_updated: (Severity.warning, "the workbook could not be updated in place ({reason}); "
                                     "this run's version was written to {beside} so nothing of yours is lost.",
                                     "Copy your own sheets into the new file, or repair the workbook."),
    IssueCode.step_failed: (Severity.error, "the {step_name} step failed on this document ({reason}).",
                            "Run again with --verbose and report the error to the maintainers."),
}

# The step each code belongs to, so callers need not repeat it.
STEPS: dict[IssueCode, Step] = {
    **{c: Step.ingest for c in (IssueCode.empty_file, IssueCode.binary_file, IssueCode.unsupported_format,
                                IssueCode.bad_encoding, IssueCode.legacy_encoding, IssueCode.too_large,
                                IssueCode.unreadable, IssueCode.no_date, IssueCode.no_text,
                                IssueCode.no_text_layer, IssueCode.encrypted, IssueCode.damaged_file,
                                IssueCode.partly_read, IssueCode.no_article, IssueCode.no_entries,
                                IssueCode.unpacks_too_large, IssueCode.too_deeply_nested)},
    IssueCode.extract_failed: Step.extract,
    IssueCode.no_rate: Step.normalise,
    **{c: Step.review for c in (IssueCode.review_unknown_claim, IssueCode.review_unknown_document,
                                IssueCode.review_bad_decision, IssueCode.review_bad_value,
                                IssueCode.review_bad_field, IssueCode.review_incomplete)},
    IssueCode.workbook_unreadable: Step.review,
    IssueCode.workbook_failed: Step.report,
    IssueCode.workbook_locked: Step.report,
    IssueCode.workbook_not_updated: Step.report,
    IssueCode.converted_at_run_date: Step.normalise,
    IssueCode.rate_out_of_date: Step.normalise,
    IssueCode.figures_conflict: Step.normalise,
    IssueCode.delivery_unclear: Step.normalise,
}


def issue(code: IssueCode, document: str, *, claim_id: str = "", where: str = "",
          step: Step | None = None, **fields: object) -> ValidationIssue:
    """Make the issue for `code` with its one message and hint."""
    severity, template, hint = MESSAGES[code]
    return ValidationIssue(severity=severity, document=document, claim_id=claim_id,
                           step=step or STEPS.get(code, Step.validate), code=code,
                           message=template.format(**fields), hint=hint, where=where)


def schema_issues(err: "ValidationError", document: str, *, claim_id: str = "",
                  step: Step = Step.validate) -> list[ValidationIssue]:
    """One issue per failure pydantic reports, naming the field and its reason."""
    return [issue(IssueCode.schema, document, claim_id=claim_id, step=step,
                  where="field " + ".".join(str(x) for x in e["loc"]),
                  field=".".join(str(x) for x in e["loc"]) or "(record)", reason=e["msg"].lower())
            for e in err.errors()]


def describe(i: ValidationIssue) -> str:
    """One line for a terminal: `name: message`."""
    return f"{i.document}: {i.message}"

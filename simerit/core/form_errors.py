"""Showing errors to the user: a service's ValidationError on a form or as messages, or a form's
errors as messages on the next page (for POST-only views that redirect)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def add_service_errors(form: Any, exc: ValidationError) -> None:
    """Put a service's ValidationError on `form`: errors of a form field on that field, the rest
    (other fields, or an error without a field) at the top of the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def flash_form_errors(request: HttpRequest, form: Any, *, labels: bool = True) -> None:
    """Each error of `form` as an error message, prefixed with its field's label (`labels`)."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if labels and name in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


def flash_service_errors(request: HttpRequest, exc: ValidationError) -> None:
    """Each message of a service's ValidationError as an error message (views without a form)."""
    for message in exc.messages:
        messages.error(request, message)

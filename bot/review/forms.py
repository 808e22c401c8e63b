"""Forms (Flask-WTF: each carries a CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    DateField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    StopValidation,
    ValidationError,
)

from bot.storage.retention import MAX_RETENTION_DAYS, closing_problem
from bot.storage.staff import MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, ROLES, email_problem

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class LoginForm(FlaskForm):
    email = StringField("Email address", validators=[DataRequired(), Length(max=320)])
    password = PasswordField(
        "Password", validators=[DataRequired(), Length(max=MAX_PASSWORD_CHARS)]
    )


class NoteForm(FlaskForm):
    note = TextAreaField("Note for the team", validators=[Optional(), Length(max=4000)])


class EraseForm(FlaskForm):
    confirm = StringField(
        "Type ERASE to confirm",
        validators=[DataRequired(), Regexp(r"^\s*ERASE\s*$", message="Type ERASE in capitals.")],
    )


class NewUserForm(FlaskForm):
    email = StringField(
        "Email address",
        validators=[
            DataRequired(),
            Length(max=320),
            Regexp(EMAIL_PATTERN, message="Enter an email address."),
        ],
    )
    role = SelectField("Role", choices=[(r, r.capitalize()) for r in ROLES])
    password = PasswordField(
        "Initial password",
        validators=[
            DataRequired(),
            Length(
                min=MIN_PASSWORD_CHARS,
                max=MAX_PASSWORD_CHARS,
                message=f"At least {MIN_PASSWORD_CHARS} characters.",
            ),
        ],
    )

    def validate_email(self, field: StringField) -> None:
        """Said beside the address pattern's "Enter an email address.": an invisible
        character is why an address that looks right is refused (attack probe s46)."""
        problem = email_problem((field.data or "").strip())
        if problem:
            raise StopValidation(problem[0].upper() + problem[1:] + ".")


class ImportForm(FlaskForm):
    """Upload a CSV or JSON-lines file of responses (admin; size checked in the view)."""

    file = FileField(
        "File (.csv or .jsonl, UTF-8)",
        validators=[
            FileRequired("Choose a file."),
            FileAllowed(["csv", "jsonl"], "A .csv or .jsonl file."),
        ],
    )
    source = SelectField(
        "Where the responses came from",
        choices=[("email", "Email"), ("survey", "Survey"), ("event", "Event")],
    )


class RetentionForm(FlaskForm):
    """The consultation's closing date and how long personal data is kept after it."""

    closes_on = DateField("Consultation closing date", validators=[DataRequired()])
    retention_days = IntegerField(
        "Keep transcripts and contact details for (days after closing)",
        validators=[
            InputRequired(),
            NumberRange(min=0, max=MAX_RETENTION_DAYS, message=f"0 to {MAX_RETENTION_DAYS} days."),
        ],
    )

    def validate_closes_on(self, field: DateField) -> None:
        """A date the anonymisation date can be counted from: 9999-06-01 overflowed it
        (attack probe, 7 Dec)."""
        problem = closing_problem(field.data) if field.data else None
        if problem:
            raise ValidationError(problem[0].upper() + problem[1:] + ".")


class ApplyRetentionForm(FlaskForm):
    """Apply retention now (only offered once it is due)."""

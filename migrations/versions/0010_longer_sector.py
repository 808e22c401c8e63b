"""longer sector: a line of business described at length is kept whole (set FZ)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Set FZ of unseen conversations: a farm's sector in three sentences (290 characters) was
    # cut off mid-sentence at 255. 600 characters keep a paragraph whole and, at most 4 bytes
    # a character, stay under PostgreSQL's largest b-tree entry (2,704 bytes) for the index
    # staff filter by.
    with op.batch_alter_table('businesses', schema=None) as batch_op:
        batch_op.alter_column(
            'sector', existing_type=sa.String(length=255), type_=sa.String(length=600),
            existing_nullable=True,
        )


def downgrade() -> None:
    # a longer sector would not fit the narrower column: cut to it, as before 0010
    op.execute("UPDATE businesses SET sector = substr(sector, 1, 255) WHERE length(sector) > 255")
    with op.batch_alter_table('businesses', schema=None) as batch_op:
        batch_op.alter_column(
            'sector', existing_type=sa.String(length=600), type_=sa.String(length=255),
            existing_nullable=True,
        )

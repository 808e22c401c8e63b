"""staff session token: sign-out ends a session server-side (a copied cookie stops working)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 09:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        # Part of every session's id (bot/review/auth.py); replaced on sign-out and password
        # change. NULL until the first sign-in, so no existing row needs a value.
        batch_op.add_column(sa.Column('session_token', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.drop_column('session_token')

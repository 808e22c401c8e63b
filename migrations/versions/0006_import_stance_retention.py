"""import, stance and retention: response stance, anonymised businesses, consultation settings

Revision ID: 0006a
Revises: 0004x
Create Date: 2026-11-30 06:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006a'
down_revision = '0004x'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('responses', schema=None) as batch_op:
        # opportunity | barrier | ask (bot/findings/stance.py); NULL until computed.
        batch_op.add_column(sa.Column('stance', sa.String(length=16), nullable=True))
        # Who set it: NULL = the classifier, else the staff member who corrected it.
        batch_op.add_column(sa.Column('stance_by', sa.String(length=320), nullable=True))
        batch_op.create_index('ix_responses_stance', ['stance', 'created_at'], unique=False)
    with op.batch_alter_table('businesses', schema=None) as batch_op:
        # Set when retention removed the contact details (bot/storage/retention.py).
        batch_op.add_column(sa.Column('anonymised_at', sa.DateTime(), nullable=True))
    op.create_table(
        'consultation_settings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('closes_on', sa.Date(), nullable=True),
        sa.Column('retention_days', sa.Integer(), nullable=True),
        sa.Column('updated_at', sa.DateTime(), nullable=True),
        sa.Column('updated_by', sa.String(length=320), nullable=True),
        sa.Column('retention_applied_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )


def downgrade() -> None:
    op.drop_table('consultation_settings')
    with op.batch_alter_table('businesses', schema=None) as batch_op:
        batch_op.drop_column('anonymised_at')
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.drop_index('ix_responses_stance')
        batch_op.drop_column('stance_by')
        batch_op.drop_column('stance')

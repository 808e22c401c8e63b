"""response external id: where a response came from outside a chat

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 05:45:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('external_id', sa.String(length=128), nullable=True))
        batch_op.create_index('ix_responses_external_id', ['external_id'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.drop_index('ix_responses_external_id')
        batch_op.drop_column('external_id')

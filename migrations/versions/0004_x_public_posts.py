"""X channel state shared by replicas: seen events, offered choices, positions, spend,
OAuth 2.0 tokens

Revision ID: 0004x
Revises: 0003
Create Date: 2026-11-30 06:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004x'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'x_seen_events',
        sa.Column('key', sa.String(length=160), nullable=False),
        sa.Column('seen_at', sa.DateTime(), nullable=False),
        sa.Column('expires_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('key'),
    )
    op.create_index('ix_x_seen_events_expires_at', 'x_seen_events', ['expires_at'])
    op.create_table(
        'x_choices',
        sa.Column('sender_id', sa.String(length=255), nullable=False),
        sa.Column('choices', sa.JSON(), nullable=False),
        sa.Column('offered_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('sender_id'),
    )
    op.create_table(
        'x_state',
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('value', sa.JSON(), nullable=True),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('key'),
    )
    op.create_table(
        'x_spend',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('units', sa.Integer(), nullable=False),
        sa.Column('usd', sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_x_spend_at', 'x_spend', ['at'])
    op.create_table(
        'x_oauth_tokens',
        sa.Column('account', sa.String(length=64), nullable=False),
        sa.Column('access_token', sa.Text(), nullable=False),
        sa.Column('refresh_token', sa.Text(), nullable=True),
        sa.Column('expires_at', sa.DateTime(), nullable=True),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('account'),
    )


def downgrade() -> None:
    op.drop_table('x_oauth_tokens')
    op.drop_index('ix_x_spend_at', table_name='x_spend')
    op.drop_table('x_spend')
    op.drop_table('x_state')
    op.drop_table('x_choices')
    op.drop_index('ix_x_seen_events_expires_at', table_name='x_seen_events')
    op.drop_table('x_seen_events')

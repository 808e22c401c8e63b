"""findings: response embeddings, sub-themes, quotes, report summaries, named consent

Revision ID: 0007b
Revises: 0006a
Create Date: 2026-11-30 05:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007b'
down_revision = '0006a'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('businesses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('named_consent', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.create_table(
        'response_embeddings',
        sa.Column('response_id', sa.Integer(), nullable=False),
        sa.Column('encoder', sa.String(length=64), nullable=False),
        sa.Column('vector', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['response_id'], ['responses.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('response_id'),
    )
    op.create_table(
        'subthemes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('theme_id', sa.String(length=64), nullable=False),
        sa.Column('label', sa.String(length=255), nullable=False),
        sa.Column('terms', sa.JSON(), nullable=True),
        sa.Column('curated', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_subthemes_theme_id', 'subthemes', ['theme_id'], unique=False)
    op.create_table(
        'response_subthemes',
        sa.Column('response_id', sa.Integer(), nullable=False),
        sa.Column('theme_id', sa.String(length=64), nullable=False),
        sa.Column('subtheme_id', sa.Integer(), nullable=True),
        sa.Column('pinned', sa.Boolean(), nullable=False),
        sa.Column('assigned_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['response_id'], ['responses.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['subtheme_id'], ['subthemes.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('response_id', 'theme_id'),
    )
    op.create_index('ix_response_subthemes_subtheme_id', 'response_subthemes',
                    ['subtheme_id'], unique=False)
    op.create_table(
        'quotes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('response_id', sa.Integer(), nullable=False),
        sa.Column('theme_id', sa.String(length=64), nullable=False),
        sa.Column('redacted_text', sa.Text(), nullable=True),
        sa.Column('starred_by', sa.String(length=320), nullable=False),
        sa.Column('starred_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['response_id'], ['responses.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('response_id', 'theme_id', name='uq_quote_theme'),
    )
    op.create_index('ix_quotes_response_id', 'quotes', ['response_id'], unique=False)
    op.create_index('ix_quotes_theme_id', 'quotes', ['theme_id'], unique=False)
    op.create_table(
        'report_summaries',
        sa.Column('theme_id', sa.String(length=64), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('updated_by', sa.String(length=320), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('theme_id'),
    )


def downgrade() -> None:
    op.drop_table('report_summaries')
    op.drop_index('ix_quotes_theme_id', table_name='quotes')
    op.drop_index('ix_quotes_response_id', table_name='quotes')
    op.drop_table('quotes')
    op.drop_index('ix_response_subthemes_subtheme_id', table_name='response_subthemes')
    op.drop_table('response_subthemes')
    op.drop_index('ix_subthemes_theme_id', table_name='subthemes')
    op.drop_table('subthemes')
    op.drop_table('response_embeddings')
    with op.batch_alter_table('businesses', schema=None) as batch_op:
        batch_op.drop_column('named_consent')

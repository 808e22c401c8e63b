"""model predictions: every model version's themes per response (AI vs staff history)

Revision ID: 0008
Revises: 0007b
Create Date: 2026-11-30 06:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007b'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'model_predictions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('response_id', sa.Integer(), nullable=False),
        sa.Column('model_version', sa.String(length=64), nullable=False),
        sa.Column('themes', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['response_id'], ['responses.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('response_id', 'model_version', name='uq_model_prediction'),
    )
    op.create_index('ix_model_predictions_version', 'model_predictions',
                    ['model_version', 'response_id'], unique=False)
    # What the current model said is already in response_themes: keep it as history.
    bind = op.get_bind()
    found: dict = {}
    for response_id, version, theme_id, at in bind.execute(sa.text(
        "SELECT response_id, model_version, theme_id, created_at FROM response_themes "
        "WHERE source = 'model' AND model_version IS NOT NULL AND present"
    )):
        entry = found.setdefault((response_id, version), [set(), at])
        entry[0].add(theme_id)
    table = sa.table('model_predictions', sa.column('response_id', sa.Integer),
                     sa.column('model_version', sa.String), sa.column('themes', sa.JSON),
                     sa.column('created_at', sa.DateTime))
    if found:
        op.bulk_insert(table, [
            {"response_id": rid, "model_version": version, "themes": sorted(themes),
             "created_at": at}
            for (rid, version), (themes, at) in found.items()
        ])


def downgrade() -> None:
    op.drop_index('ix_model_predictions_version', table_name='model_predictions')
    op.drop_table('model_predictions')

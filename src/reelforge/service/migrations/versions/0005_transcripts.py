"""voiceover transcript files of an export (state and facts; the files live beside the MP4)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 19:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('renders') as batch:
        batch.add_column(sa.Column('transcript_state', sa.String(length=16), nullable=True))
        batch.add_column(sa.Column('transcript_info', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('renders') as batch:
        batch.drop_column('transcript_info')
        batch.drop_column('transcript_state')

"""rate windows (abuse limits: previews per hour, anonymous tokens per IP address)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 16:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rate_windows',
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('window_start', sa.Float(), nullable=False),
    sa.Column('used', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )


def downgrade() -> None:
    op.drop_table('rate_windows')

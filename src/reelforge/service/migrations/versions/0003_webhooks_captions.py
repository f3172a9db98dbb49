"""webhooks (account default URL and signing secret; per-export callback URL and delivery log)
and the number of on-screen caption cues of an export (caption file links)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 17:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('accounts') as batch:
        batch.add_column(sa.Column('webhook_url', sa.Text(), nullable=True))
        batch.add_column(sa.Column('webhook_secret', sa.String(length=80), nullable=True))
    with op.batch_alter_table('renders') as batch:
        batch.add_column(sa.Column('callback_url', sa.Text(), nullable=True))
        batch.add_column(sa.Column('webhook_state', sa.String(length=16), nullable=True))
        batch.add_column(sa.Column('webhook_log', sa.Text(), nullable=True))
        batch.add_column(sa.Column('captions', sa.Integer(), nullable=False, server_default='0'))


def downgrade() -> None:
    with op.batch_alter_table('renders') as batch:
        batch.drop_column('captions')
        batch.drop_column('webhook_log')
        batch.drop_column('webhook_state')
        batch.drop_column('callback_url')
    with op.batch_alter_table('accounts') as batch:
        batch.drop_column('webhook_secret')
        batch.drop_column('webhook_url')

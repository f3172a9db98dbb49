"""HTTP service: FastAPI app (/v1 + compatibility routes), auth and credits, storage,
metadata (SQLAlchemy + Alembic), render jobs on Huey. Entry points: `app.create_app`,
`app.serve`, `jobs.run_worker`."""

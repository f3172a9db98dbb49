"""MCP server for AI agents: `reelforge.mcp.server.run()` (``reelforge mcp``), tools over an
embedded or remote backend (`reelforge.mcp.backend`)."""

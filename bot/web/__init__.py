"""The web side: staff pages, the public "You said, we did" page, health checks."""

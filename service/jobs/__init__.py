"""Work outside the request: a queue interface, the embedded thread pool behind it, and the job bodies."""

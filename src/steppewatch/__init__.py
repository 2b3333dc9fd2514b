"""steppewatch: track a state's security engagement with a region from open sources."""

__version__ = "0.1.0"

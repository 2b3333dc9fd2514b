"""The codebook: versioned data (YAML) with a JSON Schema, a checker and a Markdown manual."""

from steppewatch.codebook.check import check_codebook_data, check_codebook_file, generated_schema
from steppewatch.codebook.load import default_codebook_path, load_codebook
from steppewatch.codebook.model import Code, Codebook, Scheme

__all__ = [
    "Code",
    "Codebook",
    "Scheme",
    "check_codebook_data",
    "check_codebook_file",
    "default_codebook_path",
    "generated_schema",
    "load_codebook",
]

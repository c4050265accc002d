"""JSON Schema of the records, generated from the models (`run_pipeline.py schema`)."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .models import Claim, Document, RunResult, ValidationIssue

RECORDS: dict[str, type[BaseModel]] = {
    "claim": Claim, "document": Document, "validation_issue": ValidationIssue, "run": RunResult,
}


def schema_texts() -> dict[str, str]:
    """File name -> the schema's JSON text, exactly as written to `schemas/`."""
    return {f"{name}.schema.json": json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n"
            for name, model in RECORDS.items()}


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written

"""`schemas/` is generated from the models; this fails when the two drift apart."""
from conftest import ROOT
from pipeline.schemas import schema_texts


def test_schema_files_match_the_models() -> None:
    texts = schema_texts()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schemas").glob("*.json")}
    assert on_disk == texts, "schemas/ is out of date: run `python run_pipeline.py schema`"

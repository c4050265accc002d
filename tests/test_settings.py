"""Settings: defaults with no file, tracker.toml on top, options on top of that."""
from pathlib import Path

import pytest

from conftest import invoke, write_doc
from pipeline.settings import Settings, SettingsError, load_settings


def test_defaults_need_no_file(tmp_path: Path) -> None:
    s = load_settings(tmp_path)
    assert (s.inbox, s.out, s.ledger_path, s.max_bytes) == (
        Path("inbox"), Path("outputs"), Path("outputs/ledger.sqlite"), 20_000_000)


def test_file_then_options(tmp_path: Path) -> None:
    (tmp_path / "tracker.toml").write_text('out = "elsewhere"\nmax_bytes = 5000\n')
    s = load_settings(tmp_path, max_bytes=7000, inbox=None)
    assert (s.out, s.max_bytes, s.inbox) == (Path("elsewhere"), 7000, Path("inbox"))


@pytest.mark.parametrize("text,message", [
    ("max_bytes = -1", "setting 'max_bytes' in {path}: input should be greater than 0"),
    ("colour = 'red'", "setting 'colour' in {path}: extra inputs are not permitted"),
    ("out = ", "{path} is not valid TOML: Invalid value (at end of document)"),
])
def test_a_bad_settings_file_says_which_key(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "tracker.toml").write_text(text)
    with pytest.raises(SettingsError) as err:
        load_settings(tmp_path)
    assert str(err.value) == message.format(path=tmp_path / "tracker.toml")


def test_run_reads_tracker_toml_from_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_doc(tmp_path / "articles", "2025-01-02-a.txt", "Spain sent 6 launchers.\n")
    (tmp_path / "tracker.toml").write_text('inbox = "articles"\nout = "results"\n')
    result = invoke("run")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "results" / "tracker.xlsx").is_file()
    assert result.output.startswith("Read 1 new or changed document(s) of 1 in articles")

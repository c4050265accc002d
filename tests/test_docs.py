"""The README and CI stay honest: same commands, every problem code and option explained."""
import re

from click import Group

from conftest import ROOT
from pipeline.cli import main
from pipeline.models import IssueCode

README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_commands() -> list[str]:
    return re.findall(r"```\n(python3 -m venv[^\n]+)\n```", README)


def test_readme_starts_with_the_two_commands() -> None:
    install_run, install_test = readme_commands()[:2]
    assert install_run.endswith("run_pipeline.py run")
    assert README.index(install_run) < README.index(install_test) < README.index("## ")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()


def test_every_problem_code_is_in_the_readme_table() -> None:
    missing = [c.value for c in IssueCode if f"| `{c.value}` |" not in README]
    assert missing == []


def test_every_command_and_option_has_help_and_is_in_the_readme() -> None:
    assert isinstance(main, Group)
    for name, command in main.commands.items():
        assert command.help, name
        assert f"run_pipeline.py {name}" in README, name
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.name}"
                assert any(f"{opt}" in README for opt in param.opts), f"{name} {param.opts}"

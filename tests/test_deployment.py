"""The deployment files: the Streamlit settings the app starts with, and the Docker image's essentials."""

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_repository_config_is_the_production_one():
    """What `streamlit run` started in the repository (as the tests and Community Cloud do) runs with."""
    shown = subprocess.run([sys.executable, "-m", "streamlit", "config", "show"], cwd=REPO, capture_output=True,
                           text=True, check=True).stdout
    settings = dict(re.findall(r"^(\w+) = (.+)$", shown, re.MULTILINE))
    assert settings["showErrorDetails"] == '"none"'
    assert settings["toolbarMode"] == '"viewer"'
    assert settings["enableXsrfProtection"] == "true"
    assert settings["maxUploadSize"] == "10"
    assert settings["gatherUsageStats"] == "false"


def test_the_docker_image_runs_the_app_unprivileged_read_only_and_checks_its_health():
    dockerfile = (REPO / "Dockerfile").read_text()
    users = re.findall(r"^USER (\S+)", dockerfile, re.MULTILINE)
    assert users and users[-1] not in ("root", "0")
    assert re.search(r"^HEALTHCHECK .*\n?.*/_stcore/health", dockerfile, re.MULTILINE)
    assert "PARLEY_READ_ONLY=1" in dockerfile
    assert "pip install -r requirements.txt" in dockerfile
    assert re.search(r'^CMD \["streamlit", "run", "dashboard/app.py"', dockerfile, re.MULTILINE)
    ignored = (REPO / ".dockerignore").read_text().split()
    assert ".streamlit/secrets.toml" in ignored and ".git" in ignored

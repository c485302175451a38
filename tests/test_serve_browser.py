"""The whole review in a real headless browser (Debian's chromium and its driver).

Sample 004 exported as .docx is uploaded through the page; its findings appear highlighted in
place, as many as the command line reports; one fix is accepted in the page; then all safe
fixes; the annotated and the tracked-changes .docx are downloaded and read back with the
command line's counts.  Skipped only where chromium or its driver is not installed.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
webdriver = pytest.importorskip("selenium.webdriver")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from orgwrite.io.read_docx import read_docx  # noqa: E402
from tests.conftest import ROOT, sample  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="headless-browser test skipped: Debian's chromium and chromium-driver are not installed",
)


@pytest.fixture(scope="module")
def server():
    import uvicorn

    from orgwrite.serve.app import create_app, hosts_for

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    token = "browser-test-token"
    app = create_app(token=token, hosts=hosts_for("127.0.0.1", port))
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/?token={token}"
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture
def browser(tmp_path):
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(arg)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.downloads = downloads
    yield driver
    driver.quit()


def _wait_for_file(folder: Path, suffix: str, timeout: float = 30) -> Path:
    end = time.time() + timeout
    while time.time() < end:
        done = [p for p in folder.iterdir() if p.name.endswith(suffix) and not p.name.endswith(".crdownload")]
        if done:
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no download ending in {suffix}: {list(folder.iterdir())}")


def _revisions(path: Path) -> int:
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    return xml.count("<w:ins ") + xml.count("<w:del ")


def test_whole_review_of_sample_004_as_docx(server, browser, tmp_path):
    from orgwrite.io.read_text import read_string
    from orgwrite.io.write_docx import build_docx

    docx = tmp_path / "004综述.docx"
    docx.write_bytes(build_docx(read_string(sample("004").read_text("utf-8"))))
    from orgwrite import check_path

    result = check_path(docx)
    expected = result.findings
    # The command line's own annotated and tracked-changes files, for their counts.
    env_cli = [sys.executable, "-m", "orgwrite"]
    cli_annotated = tmp_path / "cli-annotated.docx"
    cli_tracked = tmp_path / "cli-tracked.docx"
    subprocess.run([*env_cli, "check", str(docx), "--annotate", str(cli_annotated), "--fail-on", "never"], cwd=ROOT)
    subprocess.run([*env_cli, "fix", str(docx), "-o", str(cli_tracked), "--track-changes"], cwd=ROOT)

    browser.get(server)
    browser.find_element(By.ID, "file").send_keys(str(docx))
    wait = WebDriverWait(browser, 60)
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#list li")) == len(expected))
    marks = browser.find_elements(By.CSS_SELECTOR, "#doc mark.finding")
    assert marks and {m.get_attribute("class").split()[1] for m in marks} <= {"sev-error", "sev-warning", "sev-info"}
    assert f"共 {len(expected)} 个问题" in browser.find_element(By.ID, "summary").text
    as_of = result.as_of.isoformat() if result.as_of else ""
    assert browser.find_element(By.ID, "asof").get_attribute("value") == as_of
    browser.save_screenshot(str(tmp_path / "page.png"))

    # Accept one fix: the first finding that has one.
    with_fix = next(i for i, f in enumerate(expected) if f.replacement is not None and f.rule != "P101")
    browser.find_elements(By.CSS_SELECTOR, "#list li")[with_fix].click()
    panel = browser.find_element(By.ID, "panel").text
    assert expected[with_fix].message in panel and "错误示例" in panel
    browser.find_element(By.ID, "accept").click()
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#list li")) < len(expected))

    browser.find_element(By.ID, "download-annotated").click()
    annotated = _wait_for_file(browser.downloads, "-批注.docx")
    comments = zipfile.ZipFile(annotated).read("word/comments.xml").decode("utf-8").count("<w:comment ")
    cli_comments = zipfile.ZipFile(cli_annotated).read("word/comments.xml").decode("utf-8").count("<w:comment ")
    assert comments == cli_comments == len(expected)

    browser.find_element(By.ID, "accept-all").click()
    wait.until(lambda d: all("P101" not in li.text for li in d.find_elements(By.CSS_SELECTOR, "#list li")))
    browser.find_element(By.ID, "download-tracked").click()
    tracked = _wait_for_file(browser.downloads, "-修订.docx")
    assert _revisions(tracked) == _revisions(cli_tracked) > 0
    assert read_docx(tracked).lines  # a Word file that reads back

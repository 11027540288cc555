#!/usr/bin/env python3
"""End-to-end test of the host bridge in a real browser (headless Chromium through Selenium).

It starts screenpop-server on examples/contacts.csv, the example host backend (the CRM page on
http://localhost:H, the mock softphone on http://127.0.0.1:S, a second origin) and a third origin
for hostile frames (http://127.0.0.1:E), then plays the mock session and checks:

- the softphone gets the ranked array for the shared number, and the host page shows the record
  the agent chose (screenshot: tests/browser/artifacts/popped-record.png);
- the call is logged against that record; the SMS and the chat by email pop their records;
- messages from another origin, and from another window of the softphone's own origin, are
  ignored; a command for a softphone frame that now shows another origin is not delivered;
- click-to-dial reaches the softphone through the backend and the sidecar;
- nothing is ever posted to "*" (every postMessage of the page is recorded by spy.js).

usage: test_bridge.py --server PATH_TO_screenpop-server
"""
import argparse
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ARTIFACTS = os.path.join(HERE, "artifacts")
SCREENSHOT = os.path.join(ARTIFACTS, "popped-record.png")

SHARED_NUMBER_IDS = ["0035g00000AbCdE", "0035g00000AbCdF", "00Q5g00000LeAd1"]  # (650) 555-1234 in examples/contacts.csv
MARY = "0035g00000AbCdF"
HANS = "51000000037"

checks = []


def check(condition, what):
    checks.append((bool(condition), what))
    print(("ok    " if condition else "FAIL  ") + what, flush=True)
    if not condition:
        raise AssertionError(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_line(process, pattern, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            if process.poll() is not None:
                raise RuntimeError("process exited with %s" % process.returncode)
            continue
        match = re.search(pattern, line)
        if match:
            return match
    raise RuntimeError("no line matching %r within %s s" % (pattern, timeout))


def wait_http(url, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except Exception:
            time.sleep(0.2)
    raise RuntimeError("%s did not answer" % url)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True, help="the screenpop-server binary")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    options = parser.parse_args()
    os.makedirs(ARTIFACTS, exist_ok=True)

    token = secrets.token_urlsafe(24)
    host_port, softphone_port, evil_port = free_port(), free_port(), free_port()
    host_origin = "http://localhost:%d" % host_port
    softphone_origin = "http://127.0.0.1:%d" % softphone_port
    evil_origin = "http://127.0.0.1:%d" % evil_port
    env = dict(os.environ, SCREENPOP_TOKEN=token)
    processes = []
    driver = None
    try:
        sidecar = subprocess.Popen(
            [options.server, "--contacts", os.path.join(ROOT, "examples", "contacts.csv"), "--port", "0", "--allow-origin", host_origin],
            env=env, stdout=subprocess.PIPE, stderr=open(os.path.join(ARTIFACTS, "sidecar.log"), "w"), text=True)
        processes.append(sidecar)
        sidecar_url = wait_for_line(sidecar, r"listening on (http://\S+)", 120).group(1)
        print("sidecar " + sidecar_url, flush=True)

        backend = subprocess.Popen(
            [sys.executable, os.path.join(ROOT, "examples", "host-page", "host_backend.py"), "--sidecar", sidecar_url,
             "--port", str(host_port), "--softphone-port", str(softphone_port), "--agent", "agent-1"],
            env=env, stdout=subprocess.PIPE, stderr=open(os.path.join(ARTIFACTS, "host-backend.log"), "w"), text=True)
        processes.append(backend)
        wait_for_line(backend, r"host page", 30)
        evil = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(evil_port), "--bind", "127.0.0.1", "--directory", os.path.join(HERE, "fixtures")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        processes.append(evil)
        wait_http(evil_origin + "/forger.html")
        wait_http(host_origin + "/api/config")

        chrome = webdriver.ChromeOptions()
        chrome.binary_location = options.chromium
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,860"):
            chrome.add_argument(argument)
        chrome.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(options.chromedriver), options=chrome)
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": open(os.path.join(HERE, "spy.js")).read()})
        wait = WebDriverWait(driver, 30, poll_frequency=0.1)

        driver.get(host_origin + "/")
        wait.until(lambda d: d.find_element(By.ID, "bridge-status").get_attribute("data-connected") == "true")
        check(True, "the page connected to the sidecar with a ticket from its backend")
        softphone = driver.find_element(By.ID, "softphone")

        def in_softphone(script):
            driver.switch_to.frame(softphone)
            try:
                return driver.execute_script(script)
            finally:
                driver.switch_to.default_content()

        wait.until(lambda d: in_softphone("return window.mockSoftphone && window.mockSoftphone.ready === true"))
        check(in_softphone("return window.mockSoftphone.screenPopEvent") == "RINGING",
              "the bridge answered zcc-init-config-request with screenPopEvent RINGING")

        # The call: ringing from the shared number, lookup, the agent's choice, connect, end, log.
        driver.switch_to.frame(softphone)
        driver.find_element(By.ID, "play-call").click()
        driver.switch_to.default_content()
        wait.until(lambda d: in_softphone("return window.mockSoftphone.phase") in ("call-done",) or
                   in_softphone("return window.mockSoftphone.phase").startswith("failed"))
        check(in_softphone("return window.mockSoftphone.phase") == "call-done", "the mock call played to its end")
        ranked = in_softphone("return window.mockSoftphone.callCandidates.map((c) => c.id)")
        check(ranked == SHARED_NUMBER_IDS, "the softphone got the ranked array for +16505551234: %s" % ranked)
        check(in_softphone("return window.mockSoftphone.chosen.id") == MARY, "the agent chose Mary Smith in the softphone")
        wait.until(lambda d: d.find_element(By.ID, "record").get_attribute("data-record-id") == MARY)
        check(driver.find_element(By.ID, "record-name").text == "Mary Smith", "the host page shows the chosen record, Mary Smith")
        check(driver.find_element(By.ID, "record-reason").text == "agent-selection", "popped because the agent selected it")
        wait.until(lambda d: any(h.get("kind") == "log" for h in d.execute_script("return window.screenpopHistory")))
        history = driver.execute_script("return window.screenpopHistory")
        choose = [h for h in history if h["kind"] == "choose"]
        check(choose and choose[0]["ids"] == SHARED_NUMBER_IDS, "the host page was told the agent is choosing among the three")
        logs = [h for h in history if h["kind"] == "log"]
        check(logs and logs[0]["engagementId"] == "ENG-1001" and logs[0]["id"] == MARY, "the call was logged against Mary Smith")
        driver.save_screenshot(SCREENSHOT)
        check(os.path.getsize(SCREENSHOT) > 10000, "screenshot of the popped record saved: " + os.path.relpath(SCREENSHOT, ROOT))

        # Hostile frames: another origin, and another window of the softphone's own origin.
        before = driver.execute_script("return Object.assign({}, window.screenpopBridge.stats)")
        driver.execute_script("""
            const forger = document.createElement('iframe'); forger.id = 'forger'; forger.src = arguments[0];
            const twin = document.createElement('iframe'); twin.id = 'twin'; twin.src = arguments[1];
            document.body.append(forger, twin);""",
            evil_origin + "/forger.html", softphone_origin + "/?origin=" + host_origin)
        twin = driver.find_element(By.ID, "twin")
        forger = driver.find_element(By.ID, "forger")

        def in_frame(frame, script):
            driver.switch_to.frame(frame)
            try:
                return driver.execute_script(script)
            finally:
                driver.switch_to.default_content()

        wait.until(lambda d: in_frame(forger, "return window.forged === true"))
        wait.until(lambda d: in_frame(twin, "return !!window.mockSoftphone && window.mockSoftphone.sent.length > 0"))
        time.sleep(1.0)
        after = driver.execute_script("return Object.assign({}, window.screenpopBridge.stats)")
        check(after["ignored"] - before["ignored"] >= 3,
              "3 messages from the other origin and the other window were ignored (ignored %d -> %d)" % (before["ignored"], after["ignored"]))
        check(after["forwarded"] == before["forwarded"], "none of them reached the sidecar")
        check(driver.find_element(By.ID, "record").get_attribute("data-record-id") == MARY, "the forged screen pop changed nothing")
        check(in_frame(twin, "return window.mockSoftphone.received.length") == 0,
              "the other window of the softphone's origin got no answer")
        driver.execute_script("document.getElementById('forger').remove(); document.getElementById('twin').remove();")

        # SMS and chat by email.
        driver.switch_to.frame(softphone)
        driver.find_element(By.ID, "play-messaging").click()
        driver.switch_to.default_content()
        wait.until(lambda d: in_softphone("return window.mockSoftphone.phase") == "done" or
                   in_softphone("return window.mockSoftphone.phase").startswith("failed"))
        check(in_softphone("return window.mockSoftphone.phase") == "done", "the SMS and the chat played to their end")
        check(in_softphone("return window.mockSoftphone.smsCandidates.map((c) => c.id)") == [MARY], "the SMS number found Mary Smith")
        check(in_softphone("return window.mockSoftphone.chatCandidates.map((c) => c.id)") == [HANS], "the chat address hans@müller.de found Hans Müller")
        wait.until(lambda d: d.find_element(By.ID, "record").get_attribute("data-record-id") == HANS)
        pops = [h["id"] for h in driver.execute_script("return window.screenpopHistory") if h["kind"] == "pop"]
        check(pops == [MARY, MARY, HANS], "the page popped Mary (call), Mary (SMS), Hans (chat): %s" % pops)

        # Search from the softphone.
        driver.switch_to.frame(softphone)
        driver.find_element(By.ID, "search").send_keys("smith")
        driver.find_element(By.ID, "search-go").click()
        driver.switch_to.default_content()
        wait.until(lambda d: in_softphone("return window.mockSoftphone.received.some((m) => m.type === 'zcc-contact-search-response')"))
        names = in_softphone("return window.mockSoftphone.received.filter((m) => m.type === 'zcc-contact-search-response')[0].data.map((c) => c.name)")
        check("Mary Smith" in names and "John Smith" in names, "the softphone's contact search found the Smiths: %s" % names)

        # Click-to-dial from the host page: page -> backend -> sidecar -> WebSocket -> bridge -> softphone.
        driver.find_element(By.ID, "dial").click()
        wait.until(lambda d: in_softphone("return window.mockSoftphone.dialed.length") == 1)
        dialed = in_softphone("return window.mockSoftphone.dialed[0]")
        check(dialed.get("id") == HANS and dialed.get("phone"), "click-to-dial reached the softphone: %s" % json.dumps(dialed))

        # The softphone frame now shows another origin: a command must not reach it.
        driver.execute_script("arguments[0].src = arguments[1]", softphone, evil_origin + "/listener.html")
        wait.until(lambda d: in_softphone("return Array.isArray(window.received)"))
        commands_before = driver.execute_script("return window.screenpopBridge.stats.commands")
        driver.find_element(By.ID, "dial").click()
        wait.until(lambda d: d.execute_script("return window.screenpopBridge.stats.commands") == commands_before + 1)
        time.sleep(0.5)
        check(in_softphone("return window.received.length") == 0,
              "a command for the softphone was not delivered to the other origin now in its frame")

        posts = driver.execute_script("return window.__postMessageSpy")
        origins = sorted(set(p["targetOrigin"] for p in posts))
        stats = driver.execute_script("return window.screenpopBridge.stats")
        expected = 1 + stats["replies"] + stats["commands"]  # the init-config answer, each reply, each command
        check(len(posts) == expected, "the spy saw all %d postMessage calls of the page (expected %d)" % (len(posts), expected))
        check(origins == [softphone_origin], "every postMessage named the softphone's origin, never \"*\": %s" % origins)
        # Control: a post to "*" does reach the page now in the softphone's frame, so the check
        # above would have caught a bridge that posts to "*". (After the spy's check on purpose.)
        driver.execute_script("arguments[0].contentWindow.postMessage({type: 'probe'}, '*')", softphone)
        wait.until(lambda d: in_softphone("return window.received.length") == 1)
        check(True, "control: a post to \"*\" would have reached that other origin")
        logs = driver.get_log("browser")
        severe = [entry["message"] for entry in logs if entry.get("level") == "SEVERE"]
        check(not severe, "no errors in the browser console: %s" % severe)
        print("\nbrowser test passed: %d checks" % len(checks))
        return 0
    except Exception as error:
        print("\nbrowser test FAILED: %s" % error, file=sys.stderr)
        if driver is not None:
            try:
                driver.save_screenshot(os.path.join(ARTIFACTS, "failure.png"))
                for entry in driver.get_log("browser"):
                    print("console: %s" % entry.get("message"), file=sys.stderr)
            except Exception:
                pass
        return 1
    finally:
        if driver is not None:
            driver.quit()
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    sys.exit(main())

"""A minimal client for Firefox's Marionette protocol, so the browser check can drive headless
Firefox without geckodriver or a Python package (neither is on a Debian machine by default).

Marionette speaks length-prefixed JSON over TCP: `LEN:[0, id, "Command", {params}]` out,
`LEN:[1, id, error, result]` back. Only what the check needs is here: navigate, run a script
(a returned promise is awaited), size the window, switch into a frame, take a screenshot.
"""
import base64, json, os, shutil, socket, subprocess, tempfile, time


class Firefox:
    """A headless Firefox on a fresh profile, and a Marionette session with it."""

    def __init__(self, binary, port=2828, timeout=60):
        self.profile = tempfile.mkdtemp(prefix="browser-check-firefox-")
        with open(os.path.join(self.profile, "user.js"), "w") as f:
            for pref, value in (("marionette.port", port), ("browser.shell.checkDefaultBrowser", False),
                                ("datareporting.policy.dataSubmissionEnabled", False),
                                ("app.update.disabledForTesting", True), ("browser.startup.page", 0)):
                f.write(f"user_pref({json.dumps(pref)}, {json.dumps(value)});\n")
        self.log = open(os.path.join(self.profile, "stderr.txt"), "w+")
        self.proc = subprocess.Popen([binary, "--headless", "--marionette", "--no-remote", "--profile", self.profile],
                                     stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
                break
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.log.seek(0)
                    raise RuntimeError("Firefox did not start Marionette:\n" + self.log.read()[-2000:])
                time.sleep(0.1)
        self.buffer, self.next_id = b"", 0
        self._read()  # the server's hello
        self.call("WebDriver:NewSession", capabilities={})

    def _read(self):
        while b":" not in self.buffer:
            self._more()
        length, rest = self.buffer.split(b":", 1)
        while len(rest) < int(length):
            self.buffer = length + b":" + rest
            self._more()
            length, rest = self.buffer.split(b":", 1)
        self.buffer = rest[int(length):]
        return json.loads(rest[:int(length)])

    def _more(self):
        chunk = self.sock.recv(1 << 20)
        if not chunk:
            raise RuntimeError("Firefox closed the Marionette connection")
        self.buffer += chunk

    def call(self, command, **params):
        self.next_id += 1
        data = json.dumps([0, self.next_id, command, params]).encode()
        self.sock.sendall(str(len(data)).encode() + b":" + data)
        while True:
            reply = self._read()
            if reply[0] == 1 and reply[1] == self.next_id:
                if reply[2]:
                    raise RuntimeError(f"{command}: {reply[2].get('error')}: {reply[2].get('message', '')[:300]}")
                return reply[3]

    def navigate(self, url):
        self.call("WebDriver:Navigate", url=url)

    def run(self, script, *args):
        """The value of a script's `return` (a promise is awaited)."""
        return self.call("WebDriver:ExecuteScript", script=script, args=list(args))["value"]

    def size(self, width, height):
        self.call("WebDriver:SetWindowRect", width=width, height=height)

    def into_frame(self, element):
        self.call("WebDriver:SwitchToFrame", element=next(iter(element.values())))

    def out_of_frame(self):
        self.call("WebDriver:SwitchToParentFrame")

    def screenshot(self):
        """PNG bytes of the whole page."""
        return base64.b64decode(self.call("WebDriver:TakeScreenshot", full=True, hash=False)["value"])

    def close(self):
        try:
            self.call("Marionette:Quit", flags=["eForceQuit"])
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

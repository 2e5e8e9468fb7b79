"""A minimal websocket client (RFC 6455) on the Python 3 standard library only.

Enough for the fault scripts: opens ws:// (no TLS) with extra request headers, reads text
messages (fragmented or not), answers pings with pongs, answers a close, and can close itself. It
never sends data frames. Every read has a timeout, so a caller can check a stop flag between reads.
"""

import base64
import hashlib
import os
import socket
import struct

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class HandshakeError(Exception):
    """The server answered the upgrade with something other than 101."""

    def __init__(self, status_line, headers):
        super().__init__(status_line)
        self.status_line = status_line
        self.headers = headers


class Closed(Exception):
    """The connection is closed: by a close frame (code, reason) or by the socket ending."""

    def __init__(self, code=None, reason="", clean=False):
        super().__init__(f"closed code={code} reason={reason!r} clean={clean}")
        self.code = code
        self.reason = reason
        self.clean = clean


class WebSocket:
    def __init__(self, host, port, path, headers=None, timeout=5.0):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = bytearray()
        self.fragments = None
        self.closed = False
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [
            f"GET {path} HTTP/1.1",
            f"Host: {host}:{port}",
            "Upgrade: websocket",
            "Connection: Upgrade",
            f"Sec-WebSocket-Key: {key}",
            "Sec-WebSocket-Version: 13",
        ]
        for name, value in (headers or {}).items():
            lines.append(f"{name}: {value}")
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        while b"\r\n\r\n" not in self.buf:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise HandshakeError("connection closed during the handshake", {})
            self.buf += chunk
            if len(self.buf) > 65536:
                raise HandshakeError("handshake answer too long", {})
        head, _, rest = bytes(self.buf).partition(b"\r\n\r\n")
        self.buf = bytearray(rest)
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        got = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            got[name.strip().lower()] = value.strip()
        parts = status_line.split(" ", 2)
        if len(parts) < 2 or parts[1] != "101":
            self.sock.close()
            raise HandshakeError(status_line, got)
        expected = base64.b64encode(hashlib.sha1((key + GUID).encode()).digest()).decode()
        if got.get("sec-websocket-accept") != expected:
            self.sock.close()
            raise HandshakeError("bad Sec-WebSocket-Accept", got)

    def _fill(self, n):
        """Reads until the buffer holds n bytes. socket.timeout leaves the buffer intact."""
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise Closed(None, "socket ended", clean=False)
            self.buf += chunk

    def _frame(self):
        """One whole frame (fin, opcode, payload), or socket.timeout with nothing consumed."""
        self._fill(2)
        b0, b1 = self.buf[0], self.buf[1]
        length = b1 & 0x7F
        offset = 2
        if length == 126:
            self._fill(4)
            length = struct.unpack(">H", self.buf[2:4])[0]
            offset = 4
        elif length == 127:
            self._fill(10)
            length = struct.unpack(">Q", self.buf[2:10])[0]
            offset = 10
        mask = None
        if b1 & 0x80:  # servers must not mask, but accept it
            self._fill(offset + 4)
            mask = self.buf[offset : offset + 4]
            offset += 4
        self._fill(offset + length)
        payload = bytes(self.buf[offset : offset + length])
        del self.buf[: offset + length]
        if mask is not None:
            payload = bytes(c ^ mask[i % 4] for i, c in enumerate(payload))
        return bool(b0 & 0x80), b0 & 0x0F, payload

    def _send(self, opcode, payload=b""):
        mask = os.urandom(4)
        header = bytearray([0x80 | opcode])
        n = len(payload)
        if n < 126:
            header.append(0x80 | n)
        elif n < 65536:
            header.append(0x80 | 126)
            header += struct.pack(">H", n)
        else:
            header.append(0x80 | 127)
            header += struct.pack(">Q", n)
        header += mask
        self.sock.sendall(bytes(header) + bytes(c ^ mask[i % 4] for i, c in enumerate(payload)))

    def recv(self, timeout):
        """The next text message as str, or None after `timeout` seconds without one.

        Raises Closed when the server closes (or the socket ends)."""
        if self.closed:
            raise Closed(None, "already closed")
        self.sock.settimeout(timeout)
        while True:
            try:
                fin, opcode, payload = self._frame()
            except socket.timeout:
                return None
            except OSError as e:
                self.closed = True
                raise Closed(None, f"socket error: {e}", clean=False) from e
            if opcode == 0x9:  # ping
                self._send(0xA, payload)
            elif opcode == 0xA:  # pong
                pass
            elif opcode == 0x8:  # close
                code = struct.unpack(">H", payload[:2])[0] if len(payload) >= 2 else None
                reason = payload[2:].decode("utf-8", "replace")
                try:
                    self._send(0x8, payload[:2])
                except OSError:
                    pass
                self.closed = True
                self.sock.close()
                raise Closed(code, reason, clean=True)
            elif opcode in (0x1, 0x2):
                if fin:
                    return payload.decode("utf-8")
                self.fragments = bytearray(payload)
            elif opcode == 0x0 and self.fragments is not None:
                self.fragments += payload
                if fin:
                    text = self.fragments.decode("utf-8")
                    self.fragments = None
                    return text

    def close(self, code=1000):
        if self.closed:
            return
        self.closed = True
        try:
            self._send(0x8, struct.pack(">H", code))
        except OSError:
            pass
        try:
            self.sock.close()
        except OSError:
            pass

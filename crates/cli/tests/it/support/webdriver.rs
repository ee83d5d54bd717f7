//! A small WebDriver client over plain HTTP/1.1 on loopback: the handful of commands the
//! browser tests need (W3C WebDriver, as chromedriver speaks it), with no HTTP stack of its own.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use serde_json::{Value, json};

/// The W3C key that holds an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// One request to the driver; the JSON `value` of the answer, or the driver's error.
pub fn call(addr: &str, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let mut s = TcpStream::connect(addr).map_err(|e| format!("connect {addr}: {e}"))?;
    s.set_read_timeout(Some(Duration::from_secs(60))).map_err(|e| e.to_string())?;
    let payload = body.map(Value::to_string).unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{payload}",
        payload.len()
    )
    .map_err(|e| e.to_string())?;
    // The driver may keep the connection open: read the header, then exactly the body.
    let mut raw = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    let split = loop {
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        let n = s.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("the driver closed the connection".into());
        }
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_lowercase();
    let mut body = raw[split + 4..].to_vec();
    let length =
        head.lines().find_map(|l| l.strip_prefix("content-length:")).and_then(|v| v.trim().parse::<usize>().ok());
    let chunked = head.contains("transfer-encoding: chunked");
    loop {
        let done = match length {
            Some(n) => body.len() >= n,
            None if chunked => body.ends_with(b"0\r\n\r\n"),
            None => false,
        };
        if done {
            break;
        }
        let n = s.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&buf[..n]);
    }
    if chunked {
        body = dechunk(&body);
    }
    let v: Value = serde_json::from_slice(&body).map_err(|e| format!("{method} {path}: {e}"))?;
    let value = v.get("value").cloned().unwrap_or(Value::Null);
    if value.get("error").is_some() {
        return Err(format!("{method} {path}: {value}"));
    }
    Ok(value)
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = body.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&body[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = end + 2;
        out.extend_from_slice(&body[start..(start + size).min(body.len())]);
        body = body.get(start + size + 2..).unwrap_or_default();
    }
    out
}

/// A browser session.
pub struct Session {
    driver: String,
    id: String,
}

impl Session {
    /// A headless Chromium session.
    pub fn chromium(driver: &str) -> Result<Self, String> {
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,1600"]
            }
        }}});
        let v = call(driver, "POST", "/session", Some(&caps))?;
        let id = v["sessionId"].as_str().ok_or("no session id")?.to_owned();
        Ok(Self { driver: driver.to_owned(), id })
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        call(&self.driver, method, &format!("/session/{}{path}", self.id), body.as_ref())
            .unwrap_or_else(|e| panic!("{e}"))
    }

    pub fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })));
    }

    pub fn url(&self) -> String {
        self.cmd("GET", "/url", None).as_str().unwrap_or_default().to_owned()
    }

    pub fn title(&self) -> String {
        self.cmd("GET", "/title", None).as_str().unwrap_or_default().to_owned()
    }

    pub fn source(&self) -> String {
        self.cmd("GET", "/source", None).as_str().unwrap_or_default().to_owned()
    }

    /// The first element matching a CSS selector.
    pub fn find(&self, css: &str) -> String {
        let v = self.cmd("POST", "/element", Some(json!({ "using": "css selector", "value": css })));
        v[ELEMENT].as_str().unwrap_or_else(|| panic!("no element {css}")).to_owned()
    }

    pub fn click(&self, css: &str) {
        let e = self.find(css);
        self.cmd("POST", &format!("/element/{e}/click"), Some(json!({})));
    }

    pub fn type_into(&self, css: &str, text: &str) {
        let e = self.find(css);
        self.cmd("POST", &format!("/element/{e}/value"), Some(json!({ "text": text })));
    }

    /// Runs a script in the page and returns its result.
    pub fn script(&self, js: &str) -> Value {
        self.cmd("POST", "/execute/sync", Some(json!({ "script": js, "args": [] })))
    }

    /// Runs an asynchronous script: it calls its last argument with the result.
    pub fn script_async(&self, js: &str) -> Value {
        self.cmd("POST", "/execute/async", Some(json!({ "script": js, "args": [] })))
    }

    /// Resizes the window (headless: the viewport) to `width` x `height` CSS pixels.
    pub fn resize(&self, width: u32, height: u32) {
        self.cmd("POST", "/window/rect", Some(json!({ "width": width, "height": height })));
    }

    /// The `href` of the first element matching a CSS selector, if any.
    pub fn href(&self, css: &str) -> Option<String> {
        let css = serde_json::to_string(css).unwrap_or_default();
        self.script(&format!("const e = document.querySelector({css}); return e ? e.href : null"))
            .as_str()
            .map(str::to_owned)
    }

    /// Waits (up to ten seconds) until `done` holds: a form submission navigates after the
    /// click returns.
    pub fn wait_until(&self, what: &str, done: impl Fn(&Self) -> bool) {
        let started = std::time::Instant::now();
        while !done(self) {
            assert!(started.elapsed() < Duration::from_secs(10), "timed out waiting for {what} (at {})", self.url());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A PNG of the window.
    pub fn screenshot(&self) -> Vec<u8> {
        let b64 = self.cmd("GET", "/screenshot", None);
        decode_base64(b64.as_str().unwrap_or_default())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = call(&self.driver, "DELETE", &format!("/session/{}", self.id), None);
    }
}

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let digits: Vec<u8> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, d)| acc | (u32::from(*d) << (18 - 6 * i)));
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}

//! `cargo xtask serve [PORT] [--no-build] [--dir DIR]`: build the page, then serve `www/`
//! (or DIR: e.g. a copy of an older build, to compare start-up times side by side, or the
//! start-up floor page of `tests/e2e/floor/`) locally.
//!
//! A small std-only static file server bound to 127.0.0.1 (never another interface):
//! GET and HEAD, correct MIME types (`application/wasm` so streaming compilation works,
//! `text/javascript` for modules), no caching (a rebuild shows at once), and the page's
//! security headers (a strict Content-Security-Policy that allows only same-origin
//! resources plus `wasm-unsafe-eval`). Port 0 picks a free port; the first line printed
//! is always `Serving http://127.0.0.1:PORT/` (the e2e tests read it). One thread per
//! connection; each request reads at most 16 KB of headers. Cost per request: one file read.
//!
//! No `Cross-Origin-Opener-Policy`: with `same-origin`, Chromium has to move a page opened
//! from a blank tab into a new browsing context group (a new renderer frame, often a new
//! process) after the response arrives, which measured 40–75 ms of a first visit's start-up
//! (`tests/e2e/cold-start-probe.mjs`, alternating runs with and without it). The page keeps
//! nothing from other windows that the same-origin policy does not already protect, and
//! with site isolation other sites run in other processes anyway; a `<meta>` cannot set it,
//! so a deployed copy has it only if its host adds it.

use crate::build;
use crate::util::{self, Result};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

/// The page's policy: same-origin only, wasm compilation allowed, no plugins, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; style-src 'self'; \
img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const DEFAULT_PORT: u16 = 8000;
const MAX_HEAD_BYTES: usize = 16 * 1024;

pub fn run(args: &[String]) -> Result {
    let mut port = DEFAULT_PORT;
    let mut build_first = true;
    let www = util::root().join("www");
    let mut root = www.clone();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--no-build" => build_first = false,
            "--dir" => {
                let dir = args.next().ok_or("--dir needs a directory")?;
                root = std::env::current_dir()
                    .map_err(|e| format!("no current directory: {e}"))?
                    .join(dir);
            }
            p => {
                port = p
                    .parse()
                    .map_err(|_| format!("PORT must be a number 0-65535, got `{p}`"))?
            }
        }
    }
    if build_first {
        build::wasm_pkg()?;
    }
    // Another directory (--dir) is served as it is: it may be a page without the wasm
    // (tests/e2e/floor/).
    if root == www && !root.join("pkg").join("nutshell_bg.wasm").exists() {
        let pkg = root.join("pkg");
        return Err(format!(
            "{} is not built: run `cargo xtask build` (or drop --no-build)",
            pkg.display()
        ));
    }
    serve(&root, port)
}

/// Serves `root` on 127.0.0.1:`port` until the process is stopped.
fn serve(root: &Path, port: u16) -> Result {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let address = listener
        .local_addr()
        .map_err(|e| format!("no local address: {e}"))?;
    println!(
        "Serving http://{address}/ (from {}); Ctrl-C stops",
        root.display()
    );
    // The e2e tests wait for that line: make sure it leaves the pipe now.
    let _ = std::io::stdout().flush();
    accept(listener, root, Isolation::None);
    Ok(())
}

/// Serves `root` on a free loopback port from a background thread; returns the base URL.
/// For the benchmark page: its responses also make it cross-origin isolated (COOP + COEP),
/// the condition under which Chromium's `performance.now()` resolves 5 µs instead of
/// 100 µs, so a sub-millisecond time per article is measured, not rounded.
pub fn spawn(root: PathBuf) -> Result<String> {
    let listener = TcpListener::bind(("127.0.0.1", 0))
        .map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?;
    let address = listener
        .local_addr()
        .map_err(|e| format!("no local address: {e}"))?;
    std::thread::spawn(move || accept(listener, &root, Isolation::CrossOrigin));
    Ok(format!("http://{address}/"))
}

/// Whether responses ask for cross-origin isolation (see [`spawn`]).
#[derive(Clone, Copy)]
enum Isolation {
    None,
    CrossOrigin,
}

/// Answers connections on `listener` forever, one thread each.
fn accept(listener: TcpListener, root: &Path, isolation: Isolation) {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            if let Err(e) = handle(stream, &root, isolation) {
                eprintln!("serve: {e}");
            }
        });
    }
}

/// Answers one request on `stream` (then closes it).
fn handle(stream: TcpStream, root: &Path, isolation: Isolation) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers (bounded) so the client sees a clean close.
    let mut head_bytes = request_line.len();
    loop {
        let mut line = String::new();
        let n = reader.read_line(&mut line)?;
        head_bytes += n;
        if n == 0 || line == "\r\n" || line == "\n" || head_bytes > MAX_HEAD_BYTES {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let response = respond(method, target, root);
    let mut stream = stream;
    // One write, sent at once: head and body in separate writes would wait on Nagle's
    // algorithm for the client's (delayed) ACK of the first.
    stream.set_nodelay(true)?;
    let mut bytes = response.head(isolation);
    if method != "HEAD" {
        bytes.extend_from_slice(&response.body);
    }
    stream.write_all(&bytes)?;
    let status = response.status;
    eprintln!("{status} {method} {target}");
    stream.flush()
}

struct Response {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    allow: bool,
}

impl Response {
    fn error(status: u16, message: &str) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: format!("{status} {message}\n").into_bytes(),
            allow: status == 405,
        }
    }

    fn head(&self, isolation: Isolation) -> Vec<u8> {
        let reason = match self.status {
            200 => "OK",
            400 => "Bad Request",
            404 => "Not Found",
            405 => "Method Not Allowed",
            _ => "Error",
        };
        let mut head = format!(
            "HTTP/1.1 {} {reason}\r\n\
             Content-Type: {}\r\n\
             Content-Length: {}\r\n\
             Cache-Control: no-cache\r\n\
             Content-Security-Policy: {CONTENT_SECURITY_POLICY}\r\n\
             X-Content-Type-Options: nosniff\r\n\
             Referrer-Policy: no-referrer\r\n\
             Cross-Origin-Resource-Policy: same-origin\r\n\
             Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n\
             Connection: close\r\n",
            self.status,
            self.content_type,
            self.body.len()
        );
        if self.allow {
            head.push_str("Allow: GET, HEAD\r\n");
        }
        if let Isolation::CrossOrigin = isolation {
            head.push_str(
                "Cross-Origin-Opener-Policy: same-origin\r\n\
                 Cross-Origin-Embedder-Policy: require-corp\r\n",
            );
        }
        head.push_str("\r\n");
        head.into_bytes()
    }
}

fn respond(method: &str, target: &str, root: &Path) -> Response {
    if method != "GET" && method != "HEAD" {
        return Response::error(405, "only GET and HEAD");
    }
    let Some(path) = resolve(target, root) else {
        return Response::error(400, "bad path");
    };
    match std::fs::read(&path) {
        Ok(body) => Response {
            status: 200,
            content_type: mime_type(&path),
            body,
            allow: false,
        },
        Err(_) => Response::error(404, "not found"),
    }
}

/// Maps a request target to a file under `root`; `None` for anything that could escape it.
fn resolve(target: &str, root: &Path) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    Some(file)
}

/// `%41` → `A`; `None` for malformed escapes, NUL or non-UTF-8 results.
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    if out.contains(&0) || out.contains(&b'\\') {
        return None;
    }
    String::from_utf8(out).ok()
}

/// The Content-Type for a file, by extension.
pub fn mime_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "ts" | "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mime_types_for_the_page() {
        assert_eq!(
            mime_type(Path::new("a/nutshell_bg.wasm")),
            "application/wasm"
        );
        assert!(mime_type(Path::new("main.js")).starts_with("text/javascript"));
        assert!(mime_type(Path::new("x.MJS")).starts_with("text/javascript"));
        assert!(mime_type(Path::new("index.html")).starts_with("text/html"));
        assert!(mime_type(Path::new("style.css")).starts_with("text/css"));
    }

    #[test]
    fn paths_cannot_escape_the_root() {
        let root = Path::new("/srv/www");
        assert_eq!(resolve("/../etc/passwd", root), None);
        assert_eq!(resolve("/%2e%2e/etc/passwd", root), None);
        assert_eq!(resolve("/pkg/%00x", root), None);
        assert_eq!(resolve("/a%2", root), None);
        assert_eq!(
            resolve("/pkg/nutshell.js?v=1", root),
            Some(PathBuf::from("/srv/www/pkg/nutshell.js"))
        );
        assert_eq!(
            resolve("/my%20file.txt", root),
            Some(PathBuf::from("/srv/www/my file.txt"))
        );
    }

    #[test]
    fn methods_other_than_get_and_head_are_refused() {
        let response = respond("POST", "/", Path::new("/nonexistent"));
        assert_eq!(response.status, 405);
        assert!(
            String::from_utf8_lossy(&response.head(Isolation::None)).contains("Allow: GET, HEAD")
        );
    }

    #[test]
    fn only_the_bench_server_asks_for_cross_origin_isolation() {
        let response = Response::error(404, "not found");
        let page = String::from_utf8_lossy(&response.head(Isolation::None)).into_owned();
        let bench = String::from_utf8_lossy(&response.head(Isolation::CrossOrigin)).into_owned();
        assert!(
            !page.contains("Cross-Origin-Opener-Policy") && !page.contains("Cross-Origin-Embedder")
        );
        assert!(bench.contains("Cross-Origin-Opener-Policy: same-origin\r\n"));
        assert!(bench.contains("Cross-Origin-Embedder-Policy: require-corp\r\n"));
        assert!(bench.contains("Content-Security-Policy: ") && bench.ends_with("\r\n\r\n"));
    }
}

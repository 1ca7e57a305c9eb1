//! HTTP load with `wrk` (64 connections, 10 s, loopback), and the ceiling: a bare
//! actix-web endpoint in this binary returning the same 50-item page from memory.

use std::{path::Path, process::Command, sync::Arc};

use actix_web::{App, HttpResponse, HttpServer, web};
use anyhow::{Context, anyhow, bail};
use serde_json::Value;

/// Connections, threads and duration of every wrk run.
pub const CONNECTIONS: u32 = 64;
/// wrk threads (one per core).
pub const THREADS: u32 = 2;
/// Seconds per run.
pub const SECONDS: u32 = 10;

/// What wrk reported.
#[derive(Debug, Clone, Default)]
pub struct WrkResult {
    /// The command line (without the token).
    pub command: String,
    /// Requests per second.
    pub rps: f64,
    /// Median latency, seconds.
    pub p50: f64,
    /// 99th percentile latency, seconds.
    pub p99: f64,
    /// Requests completed.
    pub requests: u64,
    /// Responses that were not 2xx/3xx.
    pub non_2xx: u64,
    /// Socket errors line, if any.
    pub socket_errors: Option<String>,
    /// Responses by status (`200: 950, 500: 50`), when the script tallies them.
    pub statuses: Vec<String>,
    /// One error response body, when the script keeps one.
    pub error_sample: Option<String>,
}

/// Runs wrk against `url` with extra headers and an optional Lua script.
pub fn wrk(url: &str, headers: &[(&str, &str)], script: Option<&Path>) -> anyhow::Result<WrkResult> {
    let mut args = vec![
        format!("-t{THREADS}"),
        format!("-c{CONNECTIONS}"),
        format!("-d{SECONDS}s"),
        "--latency".to_string(),
        "--timeout".to_string(),
        "5s".to_string(),
    ];
    let mut shown = args.clone();
    for (name, value) in headers {
        args.push("-H".into());
        args.push(format!("{name}: {value}"));
        shown.push("-H".into());
        let value = if name.eq_ignore_ascii_case("authorization") {
            "Bearer $TOKEN"
        } else {
            value
        };
        shown.push(format!("'{name}: {value}'"));
    }
    if let Some(script) = script {
        args.push("-s".into());
        args.push(script.display().to_string());
        shown.push("-s".into());
        shown.push(
            script
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        );
    }
    args.push(url.to_string());
    shown.push(url.to_string());
    let output = Command::new("wrk")
        .args(&args)
        .output()
        .context("running wrk (apt-get install wrk)")?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        bail!("wrk failed: {text}{}", String::from_utf8_lossy(&output.stderr));
    }
    let mut result = parse_wrk(&text)?;
    result.command = format!("wrk {}", shown.join(" "));
    Ok(result)
}

fn parse_wrk(text: &str) -> anyhow::Result<WrkResult> {
    let mut result = WrkResult::default();
    for line in text.lines().map(str::trim) {
        let mut words = line.split_whitespace();
        match (words.next(), words.next()) {
            (Some("50%"), Some(v)) => result.p50 = duration(v)?,
            (Some("99%"), Some(v)) => result.p99 = duration(v)?,
            (Some("Requests/sec:"), Some(v)) => result.rps = v.parse()?,
            (Some(n), Some("requests")) => result.requests = n.parse()?,
            _ => {}
        }
        if let Some(n) = line.strip_prefix("Non-2xx or 3xx responses:") {
            result.non_2xx = n.trim().parse()?;
        }
        if let Some(rest) = line.strip_prefix("status ") {
            result.statuses.push(rest.to_string());
        }
        if let Some(rest) = line.strip_prefix("error sample: ") {
            result.error_sample = Some(rest.to_string());
        }
        if line.starts_with("Socket errors:") {
            result.socket_errors = Some(line.to_string());
        }
    }
    if result.rps == 0.0 {
        bail!("no Requests/sec in wrk's output: {text}");
    }
    Ok(result)
}

/// `812.00us`, `1.23ms`, `2.00s` → seconds.
fn duration(text: &str) -> anyhow::Result<f64> {
    let split = text
        .find(|c: char| c.is_ascii_alphabetic())
        .ok_or_else(|| anyhow!("no unit in {text}"))?;
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse()?;
    Ok(match unit {
        "us" => number / 1e6,
        "ms" => number / 1e3,
        "s" => number,
        "m" => number * 60.0,
        other => bail!("unknown unit {other}"),
    })
}

/// The ceiling server: `GET /ceiling` serialises `page` (held in memory) per request.
pub struct Ceiling {
    handle: actix_web::dev::ServerHandle,
    /// `127.0.0.1:PORT`.
    pub addr: String,
}

impl Ceiling {
    /// Starts it on a free port (actix's default worker count, like `fairhire`).
    pub fn start(page: Value) -> anyhow::Result<Self> {
        let page = Arc::new(page);
        let server = HttpServer::new(move || {
            let page = page.clone();
            App::new().route(
                "/ceiling",
                web::get().to(move || {
                    let page = page.clone();
                    async move { HttpResponse::Ok().json(&*page) }
                }),
            )
        })
        .bind(("127.0.0.1", 0))?;
        let addr = server
            .addrs()
            .first()
            .map(ToString::to_string)
            .ok_or_else(|| anyhow!("ceiling server bound nowhere"))?;
        let server = server.run();
        let handle = server.handle();
        tokio::spawn(server);
        Ok(Self { handle, addr })
    }

    /// Stops it.
    pub async fn stop(self) {
        self.handle.stop(true).await;
    }
}

/// The Lua script that saves answers: PUT to the open assessments in turn, changing
/// a number and a yes/no answer so that every request writes.
pub fn answers_script(
    dir: &Path,
    token: &str,
    assessments: &[uuid::Uuid],
) -> anyhow::Result<std::path::PathBuf> {
    let paths: Vec<String> = assessments
        .iter()
        .map(|id| format!("\"/api/v1/assessments/{id}/answers\""))
        .collect();
    let script = format!(
        r#"-- PUT /api/v1/assessments/{{aid}}/answers, round robin over the open assessments.
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer {token}"
local paths = {{ {paths} }}
local i = 0
request = function()
  i = i + 1
  local path = paths[(i % #paths) + 1]
  local share = i % 100
  local policy = (i % 2 == 0) and "yes" or "no"
  local body = '{{"answers":{{"rec.migrant_share":' .. share .. ',"fees.policy":"' .. policy .. '"}}}}'
  return wrk.format(nil, path, nil, body)
end
-- Tally the statuses and keep one error body, printed at the end.
local threads = {{}}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {{}}; sample = "" end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 400 and sample == "" then sample = string.sub(body, 1, 300) end
end
function done(summary, latency, requests)
  local total = {{}}
  local example = ""
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("statuses")) do total[k] = (total[k] or 0) + v end
    if example == "" then example = t:get("sample") end
  end
  for k, v in pairs(total) do io.write(string.format("status %d: %d\n", k, v)) end
  if example ~= "" then io.write("error sample: " .. string.gsub(example, "\n", " ") .. "\n") end
end
"#,
        paths = paths.join(", ")
    );
    let path = dir.join("save-answers.lua");
    std::fs::write(&path, script)?;
    Ok(path)
}

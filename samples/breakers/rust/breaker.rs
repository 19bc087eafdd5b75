//! The beginner circuit breaker in Rust: it opens after a number of consecutive failures and lets
//! one probe through once a reset timeout has passed. Time is logical (seconds passed in).
//! `main` replays a scenario file (data/resilience/breaker-scenarios/consecutive-failures.json),
//! prints one line per step and exits with 1 on any mismatch, 2 when the file cannot be read.
//! Standard library only, so `rustc --edition 2021 breaker.rs` builds it (Debian's rustc 1.63 and later).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Mutex;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Closed,
    Open,
    HalfOpen,
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(match self {
            State::Closed => "closed",
            State::Open => "open",
            State::HalfOpen => "half-open",
        })
    }
}

struct Inner {
    state: State, // HalfOpen only while a probe is in flight
    failures: u32,
    opened_at: f64,
}

/// Safe to share between threads: the state lives behind one mutex, and every read takes it.
pub struct Breaker {
    failure_threshold: u32,
    reset_timeout: f64,
    inner: Mutex<Inner>,
}

impl Breaker {
    pub fn new(failure_threshold: u32, reset_timeout: f64) -> Result<Breaker, String> {
        if failure_threshold < 1 {
            return Err(format!("failure_threshold must be a whole number >= 1; got {}", failure_threshold));
        }
        if !(reset_timeout > 0.0) || reset_timeout.is_infinite() {
            return Err(format!("reset_timeout must be a finite number of seconds > 0; got {}", reset_timeout));
        }
        Ok(Breaker {
            failure_threshold,
            reset_timeout,
            inner: Mutex::new(Inner { state: State::Closed, failures: 0, opened_at: 0.0 }),
        })
    }

    /// May a call at time `now` go through? Once an open breaker's timeout has passed, the first
    /// caller becomes the probe; the others are rejected until its outcome is recorded.
    pub fn allow(&self, now: f64) -> bool {
        let mut s = self.inner.lock().unwrap();
        match s.state {
            State::Closed => true,
            State::Open if now - s.opened_at >= self.reset_timeout => {
                s.state = State::HalfOpen;
                true
            }
            _ => false,
        }
    }

    /// Records the outcome of an allowed call. An outcome arriving while open changes nothing.
    pub fn record(&self, now: f64, success: bool) {
        let mut s = self.inner.lock().unwrap();
        match (s.state, success) {
            (State::Closed, true) => s.failures = 0,
            (State::Closed, false) => {
                s.failures += 1;
                if s.failures >= self.failure_threshold {
                    open(&mut s, now);
                }
            }
            (State::HalfOpen, true) => {
                s.state = State::Closed;
                s.failures = 0;
            }
            (State::HalfOpen, false) => open(&mut s, now),
            (State::Open, _) => {}
        }
    }

    /// The state read at `now`, unchanged: an open breaker whose timeout has passed reads as half-open.
    pub fn state_at(&self, now: f64) -> State {
        let s = self.inner.lock().unwrap();
        if s.state == State::Open && now - s.opened_at >= self.reset_timeout {
            State::HalfOpen
        } else {
            s.state
        }
    }
}

fn open(s: &mut Inner, now: f64) {
    s.state = State::Open;
    s.opened_at = now;
    s.failures = 0;
}

// ---- a minimal JSON reader (objects, arrays, strings without escapes beyond \" \\ \/, numbers, true/false/null)

#[derive(Debug)]
enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(BTreeMap<String, Json>),
}

struct Reader<'a> {
    text: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn skip_space(&mut self) {
        while self.at < self.text.len() && (self.text[self.at] as char).is_ascii_whitespace() {
            self.at += 1;
        }
    }

    fn expect(&mut self, c: u8) -> Result<(), String> {
        self.skip_space();
        if self.at < self.text.len() && self.text[self.at] == c {
            self.at += 1;
            Ok(())
        } else {
            Err(format!("expected '{}' at byte {}", c as char, self.at))
        }
    }

    fn value(&mut self) -> Result<Json, String> {
        self.skip_space();
        match self.text.get(self.at) {
            Some(b'{') => {
                self.at += 1;
                let mut map = BTreeMap::new();
                self.skip_space();
                if self.text.get(self.at) == Some(&b'}') {
                    self.at += 1;
                    return Ok(Json::Obj(map));
                }
                loop {
                    self.skip_space();
                    let key = match self.value()? {
                        Json::Str(k) => k,
                        _ => return Err(format!("expected a key at byte {}", self.at)),
                    };
                    self.expect(b':')?;
                    map.insert(key, self.value()?);
                    self.skip_space();
                    match self.text.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Json::Obj(map));
                        }
                        _ => return Err(format!("expected ',' or '}}' at byte {}", self.at)),
                    }
                }
            }
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.skip_space();
                if self.text.get(self.at) == Some(&b']') {
                    self.at += 1;
                    return Ok(Json::Arr(items));
                }
                loop {
                    items.push(self.value()?);
                    self.skip_space();
                    match self.text.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Json::Arr(items));
                        }
                        _ => return Err(format!("expected ',' or ']' at byte {}", self.at)),
                    }
                }
            }
            Some(b'"') => {
                self.at += 1;
                let mut bytes = Vec::new();
                loop {
                    match self.text.get(self.at) {
                        None => return Err("unterminated string".to_string()),
                        Some(b'"') => break,
                        Some(b'\\') => {
                            match self.text.get(self.at + 1) {
                                Some(&c) if c == b'"' || c == b'\\' || c == b'/' => bytes.push(c),
                                _ => return Err(format!("unsupported escape at byte {}", self.at)),
                            }
                            self.at += 1;
                        }
                        Some(&c) => bytes.push(c),
                    }
                    self.at += 1;
                }
                self.at += 1;
                String::from_utf8(bytes).map(Json::Str).map_err(|e| e.to_string())
            }
            Some(b't') | Some(b'f') | Some(b'n') => {
                for (word, value) in [("true", Json::Bool(true)), ("false", Json::Bool(false)), ("null", Json::Null)] {
                    if self.text[self.at..].starts_with(word.as_bytes()) {
                        self.at += word.len();
                        return Ok(value);
                    }
                }
                Err(format!("unknown literal at byte {}", self.at))
            }
            Some(_) => {
                let start = self.at;
                while self.at < self.text.len() && b"+-0123456789.eE".contains(&self.text[self.at]) {
                    self.at += 1;
                }
                let s = std::str::from_utf8(&self.text[start..self.at]).map_err(|e| e.to_string())?;
                s.parse::<f64>().map(Json::Num).map_err(|_| format!("bad number '{}' at byte {}", s, start))
            }
            None => Err("unexpected end of file".to_string()),
        }
    }
}

fn field<'j>(obj: &'j Json, name: &str) -> Result<&'j Json, String> {
    match obj {
        Json::Obj(map) => map.get(name).ok_or(format!("missing field '{}'", name)),
        _ => Err(format!("expected an object holding '{}'", name)),
    }
}

fn num(obj: &Json, name: &str) -> Result<f64, String> {
    match field(obj, name)? {
        Json::Num(x) => Ok(*x),
        _ => Err(format!("'{}' must be a number", name)),
    }
}

fn text<'j>(obj: &'j Json, name: &str) -> Result<&'j str, String> {
    match field(obj, name)? {
        Json::Str(s) => Ok(s),
        _ => Err(format!("'{}' must be a string", name)),
    }
}

fn list<'j>(obj: &'j Json, name: &str) -> Result<&'j Vec<Json>, String> {
    match field(obj, name)? {
        Json::Arr(items) => Ok(items),
        _ => Err(format!("'{}' must be a list", name)),
    }
}

fn flag(obj: &Json, name: &str) -> Result<bool, String> {
    match field(obj, name)? {
        Json::Bool(b) => Ok(*b),
        _ => Err(format!("'{}' must be true or false", name)),
    }
}

/// Replays every scenario; returns (steps, mismatches).
fn replay(root: &Json) -> Result<(usize, usize), String> {
    if text(root, "format")? != "consecutive-failures/1" {
        return Err("not a consecutive-failures/1 file".to_string());
    }
    let (mut steps, mut mismatches) = (0, 0);
    for scenario in list(root, "scenarios")? {
        let name = text(scenario, "name")?;
        let threshold = num(scenario, "failureThreshold")?;
        if threshold.fract() != 0.0 || threshold < 1.0 || threshold > u32::MAX as f64 {
            return Err(format!("scenario '{}': failureThreshold must be a whole number >= 1", name));
        }
        let breaker = Breaker::new(threshold as u32, num(scenario, "resetTimeout")?)
            .map_err(|e| format!("scenario '{}': {}", name, e))?;
        println!("scenario: {}", name);
        for (i, step) in list(scenario, "steps")?.iter().enumerate() {
            let time = num(step, "time")?;
            let outcome = text(step, "outcome")?;
            let admitted = match outcome {
                "success" | "failure" => {
                    let admitted = breaker.allow(time);
                    if admitted {
                        breaker.record(time, outcome == "success");
                    }
                    admitted
                }
                "none" => false,
                other => return Err(format!("scenario '{}' step {}: unknown outcome '{}'", name, i + 1, other)),
            };
            let state = breaker.state_at(time).to_string();
            let (want_admitted, want_state) = (flag(step, "admitted")?, text(step, "state")?);
            let verdict = if admitted == want_admitted && state == want_state {
                "ok".to_string()
            } else {
                mismatches += 1;
                format!("MISMATCH expected admitted={} state={}", want_admitted, want_state)
            };
            steps += 1;
            println!("  step {} t={} {}: admitted={} state={} {}", i + 1, time, outcome, admitted, state, verdict);
        }
    }
    Ok((steps, mismatches))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 2 {
        eprintln!("usage: breaker <scenario.json>");
        std::process::exit(2);
    }
    let bytes = match std::fs::read(&args[1]) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}: {}", args[1], e);
            std::process::exit(2);
        }
    };
    let mut reader = Reader { text: &bytes, at: 0 };
    match reader.value().and_then(|root| replay(&root)) {
        Ok((steps, mismatches)) => {
            println!("{} steps, {} mismatches", steps, mismatches);
            std::process::exit(if mismatches == 0 { 0 } else { 1 });
        }
        Err(e) => {
            eprintln!("{}: {}", args[1], e);
            std::process::exit(2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::Arc;

    #[test]
    fn half_open_admits_exactly_one_probe() {
        for _ in 0..200 {
            let b = Arc::new(Breaker::new(1, 1.0).unwrap());
            assert!(b.allow(0.0));
            b.record(0.0, false);
            let admitted = Arc::new(AtomicU32::new(0));
            let threads: Vec<_> = (0..8)
                .map(|_| {
                    let (b, admitted) = (Arc::clone(&b), Arc::clone(&admitted));
                    std::thread::spawn(move || {
                        if b.allow(5.0) {
                            admitted.fetch_add(1, Ordering::SeqCst);
                        }
                    })
                })
                .collect();
            for t in threads {
                t.join().unwrap();
            }
            assert_eq!(admitted.load(Ordering::SeqCst), 1);
        }
    }

    #[test]
    fn rejects_bad_options() {
        assert!(Breaker::new(0, 1.0).is_err());
        assert!(Breaker::new(1, 0.0).is_err());
        assert!(Breaker::new(1, f64::NAN).is_err());
    }
}

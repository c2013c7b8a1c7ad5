//! Runs the real `presign` binary in a sandbox: a temporary HOME and an environment cleared of
//! everything but PATH, HOME and what the test sets.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

pub const DOC_AKID: &str = "AKIAIOSFODNN7EXAMPLE";
pub const DOC_SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

static N: AtomicUsize = AtomicUsize::new(0);

/// A temporary HOME, removed on drop.
pub struct Sandbox {
    pub home: PathBuf,
    env: Vec<(String, String)>,
}

/// What a run printed, and its exit code.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts success and returns stdout without its final newline.
    #[track_caller]
    pub fn ok(&self) -> &str {
        assert_eq!(self.code, 0, "expected success; stderr: {}", self.stderr);
        self.stdout.strip_suffix('\n').unwrap_or(&self.stdout)
    }

    /// Asserts the exit code and a one-line `presign: error:` message containing `needle`.
    #[track_caller]
    pub fn fails(&self, code: i32, needle: &str) {
        assert_eq!(
            self.code, code,
            "stdout: {} stderr: {}",
            self.stdout, self.stderr
        );
        assert!(
            self.stderr.starts_with("presign: error: "),
            "{}",
            self.stderr
        );
        assert_eq!(self.stderr.lines().count(), 1, "one line: {}", self.stderr);
        assert!(
            self.stderr.contains(needle),
            "expected {needle:?} in: {}",
            self.stderr
        );
    }

    /// Asserts `secret` appears nowhere in the output.
    #[track_caller]
    pub fn no_secret(&self, secret: &str) {
        assert!(
            !self.stdout.contains(secret),
            "secret in stdout: {}",
            self.stdout
        );
        assert!(
            !self.stderr.contains(secret),
            "secret in stderr: {}",
            self.stderr
        );
    }
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let n = N.fetch_add(1, Ordering::Relaxed);
        let home =
            std::env::temp_dir().join(format!("presign-cli-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&home);
        std::fs::create_dir_all(&home).expect("temp HOME");
        Sandbox {
            home,
            env: Vec::new(),
        }
    }

    /// A sandbox with the AWS documentation example keys in the environment.
    pub fn doc_keys() -> Sandbox {
        Sandbox::new()
            .env("AWS_ACCESS_KEY_ID", DOC_AKID)
            .env("AWS_SECRET_ACCESS_KEY", DOC_SECRET)
    }

    /// Sets an environment variable for every run.
    pub fn env(mut self, k: &str, v: &str) -> Sandbox {
        self.env.push((k.into(), v.into()));
        self
    }

    /// Writes a file under HOME (creating folders) and returns its path.
    pub fn write(&self, rel: &str, contents: &str) -> PathBuf {
        let p = self.home.join(rel);
        std::fs::create_dir_all(p.parent().unwrap_or(Path::new("."))).expect("mkdir");
        std::fs::write(&p, contents).expect("write");
        p
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_presign"));
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &self.home);
        for (k, v) in &self.env {
            c.env(k, v);
        }
        c.args(args).current_dir(&self.home);
        c
    }

    /// Runs the shell `script` in the sandbox's environment, with `$PRESIGN` the binary (for
    /// redirections a Command cannot make, such as a closed stdin or stdout).
    pub fn shell(&self, script: &str) -> Run {
        let mut c = Command::new("sh");
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &self.home)
            .env("PRESIGN", env!("CARGO_BIN_EXE_presign"));
        for (k, v) in &self.env {
            c.env(k, v);
        }
        c.args(["-c", script]).current_dir(&self.home);
        finish(c.stdin(Stdio::null()).output().expect("run sh"))
    }

    /// Runs `presign ARGS` with these extra variables.
    pub fn run_env(&self, args: &[&str], extra: &[(&str, &str)]) -> Run {
        let mut c = self.command(args);
        for (k, v) in extra {
            c.env(k, v);
        }
        finish(c.stdin(Stdio::null()).output().expect("run presign"))
    }

    /// Runs `presign ARGS`.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_env(args, &[])
    }

    /// Runs `presign ARGS` with `input` on stdin.
    pub fn run_stdin(&self, args: &[&str], input: Vec<u8>) -> Run {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn presign");
        let mut stdin = child.stdin.take().expect("stdin");
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let out = child.wait_with_output().expect("wait");
        writer.join().expect("writer");
        finish(out)
    }
}

fn finish(out: Output) -> Run {
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr UTF-8"),
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.home);
    }
}

/// The value of a query parameter of `url` (raw, not decoded).
pub fn param<'a>(url: &'a str, name: &str) -> Option<&'a str> {
    let q = url.split_once('?')?.1;
    q.split('&')
        .find_map(|p| p.strip_prefix(name)?.strip_prefix('='))
}

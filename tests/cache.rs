//! The cache as a user meets it: the same output warm as cold, warnings on every run, a broken
//! cache file rebuilt in silence, `--no-cache` writing nothing and a changed catalog never served
//! from the cache.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

const INTUNE: &str = include_str!("../catalog/intune.yaml");

/// The built-in catalog as a file large enough to be cached, its first item's name hiding a
/// zero-width space so that every load warns of it.
fn catalog(dir: &Path) -> PathBuf {
    let at = INTUNE.find("\nitems:").unwrap();
    let name = INTUNE[at..].find("name:").unwrap() + at;
    let end = INTUNE[name..].find('\n').unwrap() + name;
    let padding = format!("# {}\n", "-".repeat(64 * 1024));
    let text = format!(
        "{}name: \"Quokka\u{200b}field\"{}{padding}",
        &INTUNE[..name],
        &INTUNE[end..]
    );
    let path = dir.join("catalog.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn privcat(cache: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_privcat"))
        .args(args)
        .env("PRIVCAT_CACHE_DIR", cache)
        .env_remove("PRIVCAT_NO_CACHE")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn cache_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default()
}

fn age(file: &Path) {
    let past = SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .append(true)
        .open(file)
        .unwrap()
        .set_modified(past)
        .unwrap();
}

fn modified(file: &Path) -> SystemTime {
    std::fs::metadata(file).unwrap().modified().unwrap()
}

#[test]
fn a_cached_run_prints_what_the_first_run_printed_warnings_too() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let file = catalog(dir.path());
    let file = file.to_str().unwrap();
    for args in [
        &["search", "imei", "-c", file][..],
        &["answer", "imei", "-c", file],
        &["show", "owner-name", "-c", file, "--format", "json"],
    ] {
        let cold = privcat(&cache, &[args, &["--no-cache"]].concat());
        let first = privcat(&cache, args);
        let stored = cache_files(&cache);
        assert_eq!(stored.len(), 1, "one cache file for one catalog");
        age(&stored[0]);
        let warm = privcat(&cache, args);
        assert!(
            modified(&stored[0]) > SystemTime::now() - Duration::from_secs(600),
            "read from the cache"
        );
        for run in [&first, &warm] {
            assert_eq!(run.code, cold.code, "{args:?}");
            assert_eq!(run.stdout, cold.stdout, "{args:?}");
            assert_eq!(run.stderr, cold.stderr, "{args:?}");
        }
        assert!(warm.stderr.contains("privcat removed them"), "{}", warm.stderr);
        assert!(!warm.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn a_broken_cache_file_is_rebuilt_without_a_word() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let file = catalog(dir.path());
    let commands = [["show", "imei"], ["search", "imei"]];
    let path = file.to_str().unwrap();
    let args = |command: [&'static str; 2]| [command[0], command[1], "-c", path];
    let first: Vec<Run> = commands.iter().map(|&c| privcat(&cache, &args(c))).collect();
    let stored = cache_files(&cache).remove(0);
    let whole = std::fs::read(&stored).unwrap();
    let mut flipped = whole.clone();
    // In the library, which `search` never decodes: `show` finds it broken and removes the file.
    flipped[whole.len() - 100] ^= 0xff;
    for broken in [whole[..whole.len() / 2].to_vec(), flipped, b"\x7fELF".to_vec()] {
        std::fs::write(&stored, &broken).unwrap();
        for (&command, before) in commands.iter().zip(&first) {
            let run = privcat(&cache, &args(command));
            assert_eq!(
                (run.code, &run.stdout, &run.stderr),
                (before.code, &before.stdout, &before.stderr)
            );
        }
        assert_eq!(std::fs::read(&stored).unwrap(), whole, "the file is written anew");
    }
}

#[test]
fn no_cache_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let file = catalog(dir.path());
    let run = privcat(
        &cache,
        &["search", "imei", "--no-cache", "-c", file.to_str().unwrap()],
    );
    assert_eq!(run.code, 0);
    let out = Command::new(env!("CARGO_BIN_EXE_privcat"))
        .args(["search", "imei", "-c", file.to_str().unwrap()])
        .env("PRIVCAT_CACHE_DIR", &cache)
        .env("PRIVCAT_NO_CACHE", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!cache.exists(), "{:?}", cache_files(&cache));
}

#[test]
fn a_changed_catalog_is_loaded_anew() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let file = catalog(dir.path());
    let args = ["search", "quokkafield", "-c", file.to_str().unwrap()];
    assert!(privcat(&cache, &args).stdout.contains("Quokkafield"));
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("Quokka\u{200b}field", "Renamed item", 1)).unwrap();
    let run = privcat(&cache, &args);
    assert_eq!(run.code, 1, "nothing is named so any more: {}", run.stdout);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert!(
        privcat(&cache, &["search", "renamed", "-c", file.to_str().unwrap()])
            .stdout
            .contains("Renamed item")
    );
    assert_eq!(
        cache_files(&cache).len(),
        2,
        "one file for each version of the catalog"
    );
}

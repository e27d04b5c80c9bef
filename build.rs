//! Converts the built-in catalog to JSON at build time: the same data, read at start several times
//! faster than YAML; and fingerprints the sources, so that a cache written by another build is
//! never read as this one's.

use std::path::PathBuf;

fn main() {
    let source = "catalog/intune.yaml";
    println!("cargo::rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("catalog/intune.yaml is readable");
    // A catalog the YAML parser refuses is left for the loader to explain, with line and column.
    let json = serde_yaml::from_str::<serde_json::Value>(&text)
        .map(|value| value.to_string())
        .unwrap_or_default();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("intune.json"), json).expect("OUT_DIR is writable");
    println!("cargo::rerun-if-changed=src");
    println!("cargo::rustc-env=PRIVCAT_SOURCE_HASH={:016x}", source_hash("src"));
}

/// A hash of every file under `dir`, by path and content, in name order.
fn source_hash(dir: &str) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut files = Vec::new();
    let mut pending = vec![PathBuf::from(dir)];
    while let Some(at) = pending.pop() {
        for entry in std::fs::read_dir(&at).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in files {
        file.hash(&mut hasher);
        std::fs::read(&file).unwrap_or_default().hash(&mut hasher);
    }
    hasher.finish()
}

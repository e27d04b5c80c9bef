//! Converts the built-in catalog to JSON at build time: the same data, read at start several times
//! faster than YAML.

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
}

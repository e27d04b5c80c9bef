//! Writes large, realistic catalogs for measuring privcat at scale, the same for the same seed.
//!
//! Usage: `cargo run --release --example generate -- --items 100000 --files 4 --seed 42 --out /tmp/big`
//!
//! Writes `catalog-01.yaml`, `catalog-02.yaml`, … into the folder (made if missing; catalog files left
//! there by an earlier run are removed first), which together hold the items, and prints one line of
//! summary. Check the result with `privcat validate /tmp/big`.

mod catalog;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};

const USAGE: &str = "usage: generate [--items N] [--files N] [--seed N] --out DIR
  --items N   items in all (default 1000)
  --files N   catalog files to share them out over (default 1)
  --seed N    the same seed gives the same files (default 42)
  --out DIR   the folder to write catalog-01.yaml, ... into";

struct Args {
    spec: catalog::Spec,
    out: PathBuf,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<()> {
    let Some(args) = parse_args(std::env::args().skip(1))? else {
        println!("{USAGE}");
        return Ok(());
    };
    let started = Instant::now();
    let files = catalog::generate(&args.spec);
    remove_previous(&args.out)?;
    let mut bytes = 0;
    for file in &files {
        let path = args.out.join(&file.name);
        std::fs::write(&path, &file.text).with_context(|| format!("cannot write {}", path.display()))?;
        bytes += file.text.len();
    }
    let items: usize = files.iter().map(|f| f.items).sum();
    let groups: usize = files.iter().map(|f| f.groups).sum();
    println!(
        "wrote {} to {}: {items} items under {groups} headings, {}, seed {}, in {} ms",
        if files.len() == 1 {
            "1 catalog file".to_owned()
        } else {
            format!("{} catalog files", files.len())
        },
        args.out.display(),
        size(bytes),
        args.spec.seed,
        started.elapsed().as_millis()
    );
    Ok(())
}

/// The arguments, or `None` for `--help`.
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>> {
    let mut spec = catalog::Spec {
        items: 1000,
        files: 1,
        seed: 42,
    };
    let mut out = None;
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            return Ok(None);
        }
        let Some(value) = args.next() else {
            bail!("{flag} needs a value\n{USAGE}");
        };
        let number = || {
            value
                .parse::<u64>()
                .with_context(|| format!("{flag} takes a number, not `{value}`"))
        };
        match flag.as_str() {
            "--items" => spec.items = usize::try_from(number()?)?,
            "--files" => spec.files = usize::try_from(number()?)?,
            "--seed" => spec.seed = number()?,
            "--out" => out = Some(PathBuf::from(&value)),
            _ => bail!("unknown option `{flag}`\n{USAGE}"),
        }
    }
    if spec.files == 0 || spec.files > spec.items.max(1) {
        bail!("--files must be between 1 and the number of items");
    }
    let Some(out) = out else {
        bail!("--out DIR is required\n{USAGE}")
    };
    Ok(Some(Args { spec, out }))
}

/// Makes the folder, and removes `catalog-*.yaml` files of an earlier run so that none is left over.
fn remove_previous(out: &Path) -> Result<()> {
    std::fs::create_dir_all(out).with_context(|| format!("cannot make {}", out.display()))?;
    for entry in std::fs::read_dir(out)? {
        let path = entry?.path();
        let stem = path.file_stem().and_then(|n| n.to_str()).unwrap_or_default();
        if stem.starts_with("catalog-") && path.extension().is_some_and(|e| e == "yaml") {
            std::fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
        }
    }
    Ok(())
}

fn size(bytes: usize) -> String {
    if bytes < 1024 * 1024 {
        return format!("{} KiB", bytes.div_ceil(1024));
    }
    let tenths = bytes * 10 / (1024 * 1024);
    format!("{}.{} MiB", tenths / 10, tenths % 10)
}
